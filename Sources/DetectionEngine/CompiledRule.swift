import DetectionRules
import KQL

/// A rule ready to run: its query parsed and its time settings in milliseconds.
public struct CompiledRule: Sendable {
    public let rule: DetectionRule
    public let query: KQLQuery
    /// The new_terms history window; `nil` for other rule types.
    public let historyWindowMilliseconds: Int64?
    /// The rule's schedule interval, used to apply `max_signals` per simulated run.
    public let intervalMilliseconds: Int64
    /// Exact `event.provider` and `event.action` values the query requires, as UTF-8 so framed
    /// records can be compared without making strings; `nil` when the query does not pin them.
    let requiredProviderBytes: [[UInt8]]?
    let requiredActionBytes: [[UInt8]]?

    public init(_ rule: DetectionRule) throws(RuleCompileError) {
        guard rule.type.isSupported else {
            throw RuleCompileError(rule: rule, message: "rule type \(rule.type.name) is not supported yet")
        }
        guard let text = rule.query else {
            throw RuleCompileError(rule: rule, message: "the rule has no query")
        }
        if let language = rule.language, language != "kuery" {
            throw RuleCompileError(rule: rule, message: "query language \(language) is not supported (only kuery)")
        }
        do {
            query = try KQLQuery.parse(text)
        } catch {
            throw RuleCompileError(rule: rule, syntaxError: error)
        }
        do {
            intervalMilliseconds = Int64(try RelativeDuration(parsing: rule.interval).seconds) * 1000
        } catch {
            throw RuleCompileError(rule: rule, message: "invalid interval \"\(rule.interval)\": \(error)")
        }
        if rule.type == .newTerms {
            guard let settings = rule.newTerms, !settings.fields.isEmpty else {
                throw RuleCompileError(rule: rule, message: "new_terms rule without new_terms fields")
            }
            guard settings.fields.count <= 3 else {
                throw RuleCompileError(rule: rule, message: "new_terms allows at most 3 fields, found \(settings.fields.count)")
            }
            do {
                historyWindowMilliseconds = Int64(try settings.historyWindow.seconds) * 1000
            } catch {
                throw RuleCompileError(rule: rule, message: "invalid history_window_start \"\(settings.historyWindowStart)\": \(error)")
            }
        } else {
            historyWindowMilliseconds = nil
        }
        self.rule = rule
        requiredProviderBytes = query.requiredExactValues(for: "event.provider").map { $0.sorted().map { Array($0.utf8) } }
        requiredActionBytes = query.requiredExactValues(for: "event.action").map { $0.sorted().map { Array($0.utf8) } }
    }

    /// Whether a record whose raw `eventSource` / `eventName` bytes are these could match.
    /// `nil` means "not known without parsing", which never excludes a record. A missing
    /// `eventSource` in a record is treated as unknown too: such odd records go to the parser.
    @inline(__always)
    func mightMatch(eventSource: UnsafeBufferPointer<UInt8>?, eventName: UnsafeBufferPointer<UInt8>?) -> Bool {
        if let requiredProviderBytes, let eventSource, !requiredProviderBytes.contains(where: { $0.elementsEqual(eventSource) }) {
            return false
        }
        if let requiredActionBytes, let eventName, !requiredActionBytes.contains(where: { $0.elementsEqual(eventName) }) {
            return false
        }
        return true
    }
}
