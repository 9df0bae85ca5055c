/// What a threshold alert's group was: Kibana's `kibana.alert.threshold_result`.
public struct ThresholdResult: Sendable, Hashable {
    /// One group-by field and the group's value of it.
    public struct Term: Sendable, Hashable {
        public var field: String
        public var value: String

        public init(field: String, value: String) {
            self.field = field
            self.value = value
        }
    }

    /// One cardinality condition's field and the number of distinct values the group had.
    public struct Cardinality: Sendable, Hashable {
        public var field: String
        public var value: Int

        public init(field: String, value: Int) {
            self.field = field
            self.value = value
        }
    }

    /// The group's terms, in the rule's field order; empty when the rule groups by nothing.
    public var terms: [Term]
    /// The events counted for this alert.
    public var count: Int
    /// The earliest counted event's time, epoch milliseconds.
    public var fromMilliseconds: Int64
    public var cardinality: [Cardinality]

    public init(terms: [Term], count: Int, fromMilliseconds: Int64, cardinality: [Cardinality] = []) {
        self.terms = terms
        self.count = count
        self.fromMilliseconds = fromMilliseconds
        self.cardinality = cardinality
    }
}
