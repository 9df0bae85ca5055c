import Alerts
import DetectionRules
import Dispatch
import Foundation
import Synchronization
import TrailTriageJSON
import TriageModel

extension TriageStore {
    /// Saves alert records (insert or refresh) in one transaction. Triage state is untouched, so
    /// re-scanning the same logs keeps every mark and note.
    public func save(_ records: [AlertRecord]) throws(TriageStoreError) {
        try withErrors { () throws(SQLiteError) in
            try connection.transaction { () throws(SQLiteError) in
                let statement = try connection.prepare(
                    """
                    INSERT INTO alerts(uuid, rule_id, rule_name, severity, original_time, record)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    ON CONFLICT(uuid) DO UPDATE SET rule_id = ?2, rule_name = ?3, severity = ?4,
                        original_time = ?5, record = ?6
                    """)
                for record in records {
                    try statement.run([
                        .text(record.uuid), .text(record.rule.ruleID), .text(record.rule.name),
                        .text(record.rule.severity.name), .integer(record.originalTime),
                        .text(JSONWriter().string(from: record.storageJSON)),
                    ])
                }
            }
        }
    }

    /// Every stored alert in report order (original time, then uuid). A row that cannot be read
    /// back is an error naming it, never left out: an export missing alerts would look complete.
    public func records() throws(TriageStoreError) -> [AlertRecord] {
        try records(matching: StoredAlertFilter())
    }

    /// The stored alerts `filter` keeps, in report order. The rule and time conditions are
    /// answered by SQLite from the alert table's columns, so only the rows kept are parsed.
    public func records(matching filter: StoredAlertFilter) throws(TriageStoreError) -> [AlertRecord] {
        let rows = try withErrors { () throws(SQLiteError) in
            let (condition, values) = filter.sqlCondition
            let statement = try connection.prepare(
                "SELECT uuid, record FROM alerts\(condition) ORDER BY original_time, uuid")
            try statement.bind(values)
            var rows: [(uuid: String, text: String)] = []
            while try statement.step() {
                rows.append((statement.text(at: 0) ?? "", statement.text(at: 1) ?? ""))
            }
            return rows
        }
        return try Self.decode(rows, path: path)
    }

    /// Parses stored rows into records, in order, on every core: parsing is what reading a
    /// thousand alerts costs (each carries up to ``AlertRecord/caseFileRelatedLimit`` related
    /// events), and the rows are independent. The first unreadable row (in order) is the error.
    private static func decode(
        _ rows: [(uuid: String, text: String)], path: String
    ) throws(TriageStoreError) -> [AlertRecord] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, rows.count / Self.rowsPerWorker)
        guard workers > 1 else {
            return try rows.map { (row) throws(TriageStoreError) in
                try record(uuid: row.uuid, storedText: row.text, path: path)
            }
        }
        let chunkSize = (rows.count + workers - 1) / workers
        let decoded = Mutex<[Int: Result<[AlertRecord], TriageStoreError>]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { chunk in
            let range = (chunk * chunkSize)..<min(rows.count, (chunk + 1) * chunkSize)
            let result = Result { () throws(TriageStoreError) -> [AlertRecord] in
                try rows[range].map { (row) throws(TriageStoreError) in
                    try record(uuid: row.uuid, storedText: row.text, path: path)
                }
            }
            decoded.withLock { $0[chunk] = result }
        }
        let chunks = decoded.withLock { $0 }
        var records: [AlertRecord] = []
        records.reserveCapacity(rows.count)
        for chunk in 0..<workers {
            switch chunks[chunk] {
            case .success(let part)?: records += part
            case .failure(let error)?: throw error
            case nil: throw .failed(path: path, reason: "stored alerts \(chunk * chunkSize)… were not read")
            }
        }
        return records
    }

    /// Below this many rows per core, one thread parses them all.
    private static let rowsPerWorker = 32

    /// One stored alert, or `nil` when there is none with this uuid.
    public func record(uuid: String) throws(TriageStoreError) -> AlertRecord? {
        let text = try withErrors { () throws(SQLiteError) -> String? in
            let statement = try connection.prepare("SELECT record FROM alerts WHERE uuid = ?1")
            try statement.bind([.text(uuid)])
            guard try statement.step() else { return nil }
            return statement.text(at: 0) ?? ""
        }
        return try text.map { (text) throws(TriageStoreError) in
            try Self.record(uuid: uuid, storedText: text, path: path)
        }
    }

    private static func record(uuid: String, storedText text: String, path: String) throws(TriageStoreError)
        -> AlertRecord
    {
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw .unreadableAlert(path: path, uuid: uuid, reason: "its JSON does not parse: \(error)")
        }
        guard let record = AlertRecord(uuid: uuid, storageJSON: json) else {
            throw .unreadableAlert(path: path, uuid: uuid, reason: "its JSON lacks the rule or the alert")
        }
        return record
    }
}
