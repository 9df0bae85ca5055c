/// The `[metadata]` table of a rule file.
public struct RuleMetadata: Sendable, Hashable {
    /// For example `"2024/11/04"`.
    public var creationDate: String?
    /// For example `"2024/11/04"`.
    public var updatedDate: String?
    /// `"production"`, `"development"` or `"deprecated"`.
    public var maturity: String?
    /// Integration packages, e.g. `["aws"]`.
    public var integration: [String]

    public init(
        creationDate: String? = nil, updatedDate: String? = nil, maturity: String? = nil, integration: [String] = []
    ) {
        self.creationDate = creationDate
        self.updatedDate = updatedDate
        self.maturity = maturity
        self.integration = integration
    }
}
