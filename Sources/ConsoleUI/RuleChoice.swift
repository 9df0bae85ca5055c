/// One line of the rule pick list: a rule (or every rule, `name == nil`) and how many listable
/// alerts it has.
public struct RuleChoice: Sendable, Hashable {
    public var name: String?
    public var count: Int
}
