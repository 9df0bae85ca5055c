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

    /// Every stored alert in report order (original time, then uuid).
    public func records() throws(TriageStoreError) -> [AlertRecord] {
        try withErrors { () throws(SQLiteError) in
            let statement = try connection.prepare("SELECT uuid, record FROM alerts ORDER BY original_time, uuid")
            var records: [AlertRecord] = []
            while try statement.step() {
                guard let uuid = statement.text(at: 0), let text = statement.text(at: 1),
                    let json = try? JSONParser.parse(text),
                    let record = AlertRecord(uuid: uuid, storageJSON: json)
                else { continue }
                records.append(record)
            }
            return records
        }
    }

    /// One stored alert.
    public func record(uuid: String) throws(TriageStoreError) -> AlertRecord? {
        try withErrors { () throws(SQLiteError) in
            let statement = try connection.prepare("SELECT record FROM alerts WHERE uuid = ?1")
            try statement.bind([.text(uuid)])
            guard try statement.step(), let text = statement.text(at: 0),
                let json = try? JSONParser.parse(text)
            else { return nil }
            return AlertRecord(uuid: uuid, storageJSON: json)
        }
    }
}
