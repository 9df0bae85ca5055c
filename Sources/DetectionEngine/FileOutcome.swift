import Alerts
import CloudTrailReader

/// Everything one worker learned from one file.
struct FileOutcome: Sendable {
    var issues: [ReadIssue] = []
    var wasSkipped = false
    var wasUnreadable = false
    var records = 0
    var malformed = 0
    var evaluated = 0
    var bytesCompressed = 0
    var bytesDecompressed = 0
    var matches: MatchTable
    /// The rows of this file's query-rule matches, when the scan streams them.
    var provisional: [ProvisionalAlert] = []

    init(ruleCount: Int) {
        matches = MatchTable(ruleCount: ruleCount)
    }
}
