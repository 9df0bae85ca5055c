/// The settings of a `threshold` rule.
public struct ThresholdSettings: Sendable, Hashable {
    /// A distinct-value requirement: at least `value` distinct values of `field` per group.
    public struct Cardinality: Sendable, Hashable {
        public var field: String
        public var value: Int

        public init(field: String, value: Int) {
            self.field = field
            self.value = value
        }
    }

    /// Group-by fields (zero to three).
    public var fields: [String]
    /// The minimum number of matching documents per group.
    public var value: Int
    /// Optional distinct-count conditions.
    public var cardinality: [Cardinality]

    public init(fields: [String], value: Int, cardinality: [Cardinality] = []) {
        self.fields = fields
        self.value = value
        self.cardinality = cardinality
    }
}
