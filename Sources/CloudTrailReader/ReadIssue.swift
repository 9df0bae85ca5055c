/// Something in the input that could not be used, reported instead of silently skipped.
public struct ReadIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A file deliberately left out (a digest file, or not CloudTrail at all).
        case skippedFile = "skipped"
        /// A file that could not be read or decompressed at all or in part.
        case unreadableFile = "unreadable"
        /// One record that is not usable; the rest of its file still counts.
        case malformedRecord = "malformed"
        /// One record that was damaged but repaired and kept (invalid UTF-8 shown as U+FFFD).
        case repairedRecord = "repaired"
        /// A record whose `eventID` another record with different content also uses. Both are
        /// evaluated as separate events; the clash is reported because it may be a forgery.
        case eventIDConflict = "eventID conflict"
    }

    public var kind: Kind
    public var file: String
    /// The record this is about, when it is about one record.
    public var location: RecordLocation?
    public var reason: String

    public init(kind: Kind, file: String, location: RecordLocation? = nil, reason: String) {
        self.kind = kind
        self.file = file
        self.location = location
        self.reason = reason
    }

    public var description: String {
        let place = location.map(String.init(describing:)) ?? file
        return "\(place): \(kind.rawValue): \(reason)"
    }
}
