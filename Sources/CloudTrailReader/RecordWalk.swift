/// What one pass over a record object's top-level members found (see `JSONScanner.skipRecord`).
struct RecordWalk {
    /// Where the record's key fields are.
    var fields = RecordKeyFields(isKnown: true)
    /// Whether a top-level key marks the object as a CloudTrail event (or an EventBridge wrapper of
    /// one). Objects without any are foreign: reported, not evaluated.
    var looksLikeEvent = false
    /// Whether a top-level `Records` key holds an array.
    var holdsRecordsArray = false
    /// Whether the walk stopped before a `Records` array that came before any event key: the object
    /// is then a log-file envelope candidate, and the caller frames its members itself.
    var stoppedAtEnvelope = false
}
