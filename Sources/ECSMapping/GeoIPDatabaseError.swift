/// A GeoIP or ASN database that cannot be used: a file that is missing, unreadable or not a
/// MaxMind DB, or a directory given for them that lacks one.
public struct GeoIPDatabaseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or directory concerned.
    public var path: String
    /// What is wrong with it.
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
