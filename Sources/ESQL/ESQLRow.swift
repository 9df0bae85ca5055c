/// One row of a query's result: named columns in order.
public struct ESQLRow: Sendable, Hashable {
    /// The column names, in the order the query gives them.
    public var columns: [String] { layout.names }
    /// The values, one per column.
    public internal(set) var values: [ESQLValue]
    let layout: ESQLColumnLayout
    /// Which of ``ESQLQuery/finish(_:now:)``'s input rows this row came from: the row itself
    /// through row-by-row commands, every row of its group through STATS. Not part of equality.
    public internal(set) var sourceRows: [Int] = []
    /// The values of the STATS group this row is (its BY keys, in BY order); `nil` before STATS.
    /// A scan identifies an aggregating alert by them. Not part of equality.
    public internal(set) var groupKey: [ESQLValue]?

    /// A row from column names and their values (the two lists must be the same length; extra names
    /// get null, extra values are dropped).
    public init(columns: [String], values: [ESQLValue]) {
        self.init(layout: ESQLColumnLayout(columns), values: values)
    }

    init(layout: ESQLColumnLayout, values: [ESQLValue], carrying origin: ESQLRow? = nil) {
        self.layout = layout
        if let origin {
            sourceRows = origin.sourceRows
            groupKey = origin.groupKey
        }
        var values = Array(values.prefix(layout.names.count))
        while values.count < layout.names.count { values.append(.null) }
        self.values = values
    }

    /// The value of a column, `nil` when the row has no such column.
    public subscript(column: String) -> ESQLValue? {
        layout.index[column].map { values[$0] }
    }

    /// The columns and their values, for tests and display.
    public var namedValues: [(column: String, value: ESQLValue)] {
        Array(zip(layout.names, values)).map { (column: $0.0, value: $0.1) }
    }

    public static func == (left: ESQLRow, right: ESQLRow) -> Bool {
        left.columns == right.columns && left.values == right.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(columns)
        hasher.combine(values)
    }
}

/// Column names and their positions, shared by all rows of one pipeline stage.
final class ESQLColumnLayout: Sendable {
    let names: [String]
    let index: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() { index[name] = position }
        self.index = index
    }
}
