/// Why a rule, or a construct in it, cannot be translated to SQL.
public struct SQLCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A sentence fragment a user can act on, such as "reads user_agent.name, which …".
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
