import Alerts
import DetectionRules
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
        var records: [AlertRecord] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            records.append(try record(uuid: row.uuid, storedText: row.text))
        }
        return records
    }

    /// One stored alert, or `nil` when there is none with this uuid.
    public func record(uuid: String) throws(TriageStoreError) -> AlertRecord? {
        let text = try withErrors { () throws(SQLiteError) -> String? in
            let statement = try connection.prepare("SELECT record FROM alerts WHERE uuid = ?1")
            try statement.bind([.text(uuid)])
            guard try statement.step() else { return nil }
            return statement.text(at: 0) ?? ""
        }
        return try text.map { (text) throws(TriageStoreError) in try record(uuid: uuid, storedText: text) }
    }

    private func record(uuid: String, storedText text: String) throws(TriageStoreError) -> AlertRecord {
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
