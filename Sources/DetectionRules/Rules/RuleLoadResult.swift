/// The outcome of loading many rule files: what loaded, and what did not.
public struct RuleLoadResult: Sendable {
    /// Rules that loaded, in path order.
    public var rules: [DetectionRule]
    /// One error per file (or path) that failed.
    public var errors: [RuleLoadError]

    public init(rules: [DetectionRule] = [], errors: [RuleLoadError] = []) {
        self.rules = rules
        self.errors = errors
    }
}
