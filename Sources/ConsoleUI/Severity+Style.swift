import DetectionRules
import TerminalGrid

extension Severity {
    /// The colour role of the severity's rank.
    var style: StyleRole {
        switch rank {
        case 0: .severityLow
        case 1: .severityMedium
        case 2: .severityHigh
        default: .severityCritical
        }
    }
}

extension Severity {
    /// The listed word of the severity's rank: the console shows `High` as `high`, as it ranks.
    var label: String { Severity.listed[rank].name }
}
