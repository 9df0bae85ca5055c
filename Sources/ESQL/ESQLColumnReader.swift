import KQL

/// Where expression evaluation gets column values from: a source document being prepared, or a row.
protocol ESQLColumnReader {
    func value(of column: String) -> ESQLValue
    /// The result of `KQL()` on the row's source document; `nil` when there is no document.
    func matches(_ query: KQLQuery) -> Bool?
}

/// A row being finished: its columns, and the values an EVAL has computed so far (later
/// assignments of one EVAL see earlier ones). There is no source document any more.
struct ESQLRowReader: ESQLColumnReader {
    let row: ESQLRow
    var overrides: [String: ESQLValue] = [:]

    func value(of column: String) -> ESQLValue {
        overrides[column] ?? row[column] ?? .null
    }

    func matches(_ query: KQLQuery) -> Bool? {
        nil
    }
}
