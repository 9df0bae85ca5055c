/// How the records of an input are laid out.
public enum InputFormat: String, Sendable, Hashable {
    /// `{"Records":[…]}`, as CloudTrail delivers to S3.
    case recordsEnvelope = "Records envelope"
    /// A bare JSON array of records.
    case array = "JSON array"
    /// One record per line (NDJSON / JSON Lines).
    case lineDelimited = "NDJSON"
    /// Several JSON values one after another, possibly spanning lines (e.g. `jq` output).
    case valueStream = "JSON value stream"
    /// One record on its own.
    case singleRecord = "single record"
}
