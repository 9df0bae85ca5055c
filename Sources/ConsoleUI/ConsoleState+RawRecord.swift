import TrailTriageJSON
import TriageModel

extension ConsoleState {
    /// `R`: the alert's original CloudTrail record, read again from the file the scan found it
    /// in; an alert without a source location (one made from other alerts) shows its stored
    /// document straight away.
    mutating func showRaw(_ record: AlertRecord) -> [ConsoleEffect] {
        guard let file = record.flatJSON["trailtriage.source.file"]?.stringValue,
            let index = record.flatJSON["trailtriage.source.record"].map(AlertRow.text).flatMap({ Int($0) })
        else {
            openRawView(RawRecordText.lines(for: record))
            return []
        }
        return [.readOriginalRecord(uuid: record.uuid, file: file, index: index)]
    }

    /// Reports the original record the app read for `readOriginalRecord`, or why it could not
    /// (the file moved, changed or is gone): the view then shows the stored document and says so.
    /// Returns the pager effect when `|` in the detail pane asked for the record.
    @discardableResult
    public mutating func didReadOriginalRecord(
        _ result: Result<JSONValue, OriginalRecordFailure>, uuid: String
    ) -> [ConsoleEffect] {
        defer { pagesRawWhenRead = false }
        guard let position = positionByUUID[uuid] else { return [] }
        let record = alerts[position]
        let file = record.flatJSON["trailtriage.source.file"]?.stringValue ?? ""
        let index = record.flatJSON["trailtriage.source.record"].map(AlertRow.text) ?? ""
        switch result {
        case .success(let value):
            openRawView(
                [RawRecordLine("Original CloudTrail record · \(file) · record \(index)")] + RawRecordText.pretty(value))
        case .failure(let failure):
            openRawView(
                [
                    RawRecordLine("The original record could not be read from \(file): \(failure.reason)"),
                    RawRecordLine(""),
                ]
                    + RawRecordText.lines(for: record))
            message = StatusMessage("Original record unavailable: \(failure.reason)", kind: .warning)
        }
        return pagesRawWhenRead ? pagerEffects() : []
    }
}

/// Why an alert's original record could not be read again.
public struct OriginalRecordFailure: Error, Sendable, Hashable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
