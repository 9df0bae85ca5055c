/// The kind of Elastic detection rule, from the TOML `type` key.
public enum RuleType: Sendable, Hashable {
    case query
    case newTerms
    case threshold
    case eql
    case esql
    case machineLearning
    /// A type this module does not know, kept by name.
    case other(String)

    /// Maps a TOML spelling such as `"new_terms"` to a type.
    public init(name: String) {
        switch name {
        case "query": self = .query
        case "new_terms": self = .newTerms
        case "threshold": self = .threshold
        case "eql": self = .eql
        case "esql": self = .esql
        case "machine_learning": self = .machineLearning
        default: self = .other(name)
        }
    }

    /// Whether TrailTriage can execute rules of this type.
    ///
    /// Machine learning rules need Elastic's anomaly detection jobs and never run here.
    public var isSupported: Bool {
        switch self {
        case .query, .newTerms, .threshold, .eql, .esql: return true
        default: return false
        }
    }

    /// The TOML spelling, e.g. `"new_terms"`.
    public var name: String {
        switch self {
        case .query: return "query"
        case .newTerms: return "new_terms"
        case .threshold: return "threshold"
        case .eql: return "eql"
        case .esql: return "esql"
        case .machineLearning: return "machine_learning"
        case .other(let name): return name
        }
    }
}

extension RuleType: CustomStringConvertible {
    public var description: String { name }
}
