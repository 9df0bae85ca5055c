/// Why a rule file could not be loaded. Always names the file; syntax errors and
/// missing or mistyped keys also carry a line and column.
public struct RuleLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of failure.
    public enum Kind: Sendable, Hashable {
        /// The file could not be read.
        case unreadable
        /// The TOML is malformed.
        case syntax
        /// A required key is absent, e.g. `rule.rule_id`.
        case missingKey(String)
        /// A key has the wrong TOML type.
        case wrongType(key: String, expected: String, found: String)
        /// A key has the right type but an unusable value.
        case invalidValue(key: String)
    }

    public var kind: Kind
    /// The file that failed to load.
    public var path: String
    /// Where the problem is, when known.
    public var position: SourcePosition?
    /// A human-readable explanation, without path or position.
    public var message: String

    public init(kind: Kind, path: String, position: SourcePosition?, message: String) {
        self.kind = kind
        self.path = path
        self.position = position
        self.message = message
    }

    /// `path:line:column: message`, the form editors and CI logs link to.
    public var description: String {
        if let position {
            return "\(path):\(position.line):\(position.column): \(message)"
        }
        return "\(path): \(message)"
    }
}
