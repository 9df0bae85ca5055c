import Alerts
import DetectionRules
import Glibc
import TerminalGrid
import TrailTriageJSON
import TriageModel

/// The list columns and search text of one alert, computed once when alerts are loaded.
///
/// Reading them from the flat record on every keypress would scan each record's members; with
/// 100,000 alerts that is far over the 5 ms a redraw may take, so the list works from these.
struct AlertRow: Sendable {
    var time: Int64
    var severity: Severity
    var ruleName: String
    var actor: String
    var action: String
    var account: String
    var region: String
    /// An EQL building block, which the list hides by default.
    var isBuildingBlock: Bool
    /// An engine's alert that re-checking against its raw record disagrees with.
    var disagreesOnRecheck: Bool
    /// Cells each sized column's text takes, measured once so sizing the list's columns from
    /// content costs one pass over integers.
    var widths: ContentWidths
    /// Lower-cased UTF-8 of every searchable field, separated by newlines so a query never
    /// matches across two fields.
    var searchText: [UInt8]

    init(record: AlertRecord) {
        time = record.originalTime
        severity = record.rule.severity
        ruleName = record.rule.name
        var actor = ""
        var action = ""
        var account = ""
        var region = ""
        var searchable: [String] = [record.rule.name, record.uuid]
        for member in record.flatJSON.members {
            let key = member.key
            switch key {
            case "aws.cloudtrail.user_identity.arn": actor = Self.text(member.value)
            case "event.action": action = Self.text(member.value)
            case "cloud.account.id": account = Self.text(member.value)
            case "cloud.region": region = Self.text(member.value)
            case "source.ip", "source.address", "user_agent.original", "user.name", "user.id",
                "aws.cloudtrail.user_identity.access_key_id", "event.provider":
                searchable.append(Self.text(member.value))
            default:
                if key.hasPrefix("aws.cloudtrail.flattened.request_parameters.")
                    || key.hasPrefix("aws.cloudtrail.flattened.response_elements.")
                {
                    searchable.append(Self.text(member.value))
                }
            }
        }
        // Only an alert that lacks the event's own fields (a group's) pays for the shape's
        // reading of them: most alerts are one event, and a load reads every one of them.
        if actor.isEmpty { actor = record.actorText ?? "" }
        if action.isEmpty { action = record.actionText ?? "" }
        if let threshold = record.threshold { searchable += threshold.terms.map(\.value) }
        searchable += record.resultColumns.flatMap(record.columnValues)
        searchable += [actor, action, account, region]
        isBuildingBlock = record.isBuildingBlock
        disagreesOnRecheck = !record.recheckDisagreements.isEmpty
        self.actor = actor.isEmpty ? Self.absent : actor
        self.action = action.isEmpty ? Self.absent : action
        self.account = account
        self.region = region
        searchText = Array(searchable.joined(separator: "\n").lowercased().utf8)
        widths = ContentWidths(
            rule: TextLayout.width(of: ruleName), actor: TextLayout.width(of: self.actor),
            action: TextLayout.width(of: self.action),
            accountRegion: account.isEmpty && region.isEmpty ? 0 : TextLayout.width(of: account + "/" + region))
    }

    /// What the actor and action columns show when the alert does not say.
    static let absent = "—"

    /// A value's text: strings and numbers as written, arrays joined with spaces.
    static func text(_ value: JSONValue) -> String {
        if let scalar = value.scalarText { return scalar }
        if let elements = value.arrayValue { return elements.compactMap(\.scalarText).joined(separator: " ") }
        return ""
    }

    /// `111122223333/us-east-1`.
    var accountRegion: String {
        account.isEmpty && region.isEmpty ? "" : account + "/" + region
    }

    /// Whether the lower-cased `needle` occurs in the search text. It runs over every listed
    /// alert on each search, so candidates are found with the C library's `memchr`, which
    /// examines many bytes at a time, and confirmed with `memcmp`.
    func matches(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard searchText.count >= needle.count else { return false }
        return searchText.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return false }
                let last = haystack.count - pattern.count
                var offset = 0
                while offset <= last {
                    guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, patternBase, pattern.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}
