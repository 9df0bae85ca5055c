// Foundation for its `contains`, which finds text scalar by scalar; the standard library's
// compares Characters and misses a match followed by a combining mark.
import Foundation

/// The part of a guide a heading introduces, decided from the heading's words.
enum GuideSection: Equatable {
    /// Before any recognised heading, or under "Triage and analysis".
    case preamble
    /// Under the "Investigating …" title heading.
    case overview
    case steps
    case falsePositives
    case response
    case additional
    /// A heading with no checklist meaning, such as "Setup".
    case other

    /// Classifies heading text; `nil` means the heading is not a known section name.
    init?(heading: String) {
        let text = heading.lowercased()
        if text.hasPrefix("investigating") {
            self = .overview
        } else if text.contains("triage and analysis") {
            self = .preamble
        } else if text.contains("false positive") {
            self = .falsePositives
        } else if text.contains("response") || text.contains("remediation") {
            self = .response
        } else if text.contains("investigation") || text.contains("triage steps") {
            self = .steps
        } else if text.contains("additional") || text.contains("references") || text.contains("related rules") {
            self = .additional
        } else if text.contains("setup") {
            self = .other
        } else {
            return nil
        }
    }

    /// Bold-only lines are sometimes used as headings, but also as sub-headings inside
    /// sections ("**Scoping and investigation**"), so only unambiguous phrases count.
    init?(boldLine text: String) {
        let lowered = text.lowercased()
        let phrases: [(String, GuideSection)] = [
            ("investigation steps", .steps),
            ("false positive analysis", .falsePositives),
            ("response and remediation", .response),
            ("additional information", .additional),
        ]
        guard let match = phrases.first(where: { lowered.hasPrefix($0.0) }) else { return nil }
        self = match.1
    }
}
