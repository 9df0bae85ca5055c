/// A TOML table: keys in definition order, each with its value and source positions.
public struct TOMLTable: Sendable, Hashable {
    /// One key's value and where it was written.
    public struct Entry: Sendable, Hashable {
        /// The value.
        public var value: TOMLValue
        /// Where the key (its last dotted component for dotted keys) starts.
        public var keyPosition: SourcePosition
        /// Where the value starts. For strings this is the first character of the content,
        /// after the opening quotes and after a multi-line opener's trimmed newline.
        /// For tables defined by a header it is the header's position.
        public var valuePosition: SourcePosition
    }

    /// Keys in the order they were first defined.
    public private(set) var keys: [String]
    private var entries: [String: Entry]
    /// Where the table was defined: its `[header]`, the dotted key or inline table that created it,
    /// or 1:1 for the root table.
    public var position: SourcePosition

    /// Creates an empty table defined at `position`.
    public init(position: SourcePosition = SourcePosition(line: 1, column: 1)) {
        self.keys = []
        self.entries = [:]
        self.position = position
    }

    /// The value for `key`, or `nil` if the key is absent.
    public subscript(key: String) -> TOMLValue? {
        entries[key]?.value
    }

    /// The value and positions for `key`, or `nil` if the key is absent.
    public func entry(for key: String) -> Entry? {
        entries[key]
    }

    /// The number of keys.
    public var count: Int { keys.count }

    /// Whether the table has no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value at a path of keys through nested tables, e.g. `["rule", "new_terms"]`.
    public func value(at path: [String]) -> TOMLValue? {
        guard let first = path.first, let value = self[first] else { return nil }
        if path.count == 1 { return value }
        return value.tableValue?.value(at: Array(path.dropFirst()))
    }

    /// Adds or replaces a key. Replacing keeps the key's original place in `keys`.
    public mutating func set(
        _ value: TOMLValue, for key: String, keyPosition: SourcePosition, valuePosition: SourcePosition
    ) {
        if entries[key] == nil { keys.append(key) }
        entries[key] = Entry(value: value, keyPosition: keyPosition, valuePosition: valuePosition)
    }
}
