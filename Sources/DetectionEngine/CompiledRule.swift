import DetectionRules
import EQL
import ESQL
import KQL

/// A rule ready to run: its query parsed and its time settings in milliseconds.
public struct CompiledRule: Sendable {
    public let rule: DetectionRule
    /// The rule's KQL query; for an EQL or ES|QL rule, a KQL query its own condition implies
    /// (``KQLRequirement``: the values, wildcards and fields it needs), so the rule index and
    /// prefilter work the same for every language. Only the rule's own evaluator decides a match.
    public let query: KQLQuery
    /// An EQL rule's query and the field its categories are read from.
    public let eql: EQLPlan?
    /// An ES|QL rule's query.
    public let esql: ESQLQuery?
    /// The new_terms history window; `nil` for other rule types.
    public let historyWindowMilliseconds: Int64?
    /// The rule's schedule interval, used to apply `max_signals` per simulated run.
    public let intervalMilliseconds: Int64
    /// How far back each run looks (`from`, e.g. `now-6m`): the length of a run's window.
    public let lookbackMilliseconds: Int64
    /// A threshold rule's grouping and conditions; `nil` for other rule types.
    public let threshold: ThresholdPlan?
    /// The values of `event.provider` / `event.action` the query requires (exact values or
    /// prefixes), used to index rules; `nil` when the query does not pin the field.
    let providerRequirement: KQLRequiredValues?
    let actionRequirement: KQLRequiredValues?

    public init(_ rule: DetectionRule) throws(RuleCompileError) {
        guard rule.type.isSupported else {
            throw RuleCompileError(rule: rule, message: "rule type \(rule.type.name) is not supported yet")
        }
        guard let text = rule.query else {
            throw RuleCompileError(rule: rule, message: "the rule has no query")
        }
        switch rule.type {
        case .eql:
            let plan = try EQLPlan(rule, text: text)
            eql = plan
            esql = nil
            query = KQLQuery.requiring(plan.query.necessaryCondition(categoryField: plan.categoryField))
        case .esql:
            let parsed = try Self.parseESQL(text, rule: rule)
            eql = nil
            esql = parsed
            query = KQLQuery.requiring(parsed.necessaryCondition)
        default:
            if let language = rule.language, language != "kuery" {
                throw RuleCompileError(rule: rule, message: "query language \(language) is not supported (only kuery)")
            }
            do {
                query = try KQLQuery.parse(text)
            } catch {
                throw RuleCompileError(rule: rule, syntaxError: error)
            }
            eql = nil
            esql = nil
        }
        let interval: RelativeDuration
        do {
            interval = try RelativeDuration(parsing: rule.interval)
        } catch {
            throw RuleCompileError(rule: rule, message: "invalid interval \"\(rule.interval)\": \(error)")
        }
        intervalMilliseconds = try Self.milliseconds(of: interval, named: "interval", in: rule)
        let lookback: RelativeDuration
        do {
            lookback = try RelativeDuration(parsing: rule.from)
        } catch {
            throw RuleCompileError(rule: rule, message: "invalid from \"\(rule.from)\": \(error)")
        }
        lookbackMilliseconds = try Self.milliseconds(of: lookback, named: "from", in: rule)
        threshold = rule.type == .threshold ? try ThresholdPlan(rule) : nil
        if rule.type == .newTerms {
            guard let settings = rule.newTerms, !settings.fields.isEmpty else {
                throw RuleCompileError(rule: rule, message: "new_terms rule without new_terms fields")
            }
            guard settings.fields.count <= 3 else {
                throw RuleCompileError(
                    rule: rule, message: "new_terms allows at most 3 fields, found \(settings.fields.count)")
            }
            let window: RelativeDuration
            do {
                window = try settings.historyWindow
            } catch {
                throw RuleCompileError(
                    rule: rule, message: "invalid history_window_start \"\(settings.historyWindowStart)\": \(error)")
            }
            historyWindowMilliseconds = try Self.milliseconds(of: window, named: "history_window_start", in: rule)
        } else {
            historyWindowMilliseconds = nil
        }
        self.rule = rule
        providerRequirement = query.requiredValues(for: "event.provider")
        actionRequirement = query.requiredValues(for: "event.action")
    }

    /// Every field the rule reads: its query's, and the fields it groups or counts by.
    public var fieldsRead: Set<String> {
        var fields = query.fieldNames
        fields.formUnion(rule.newTerms?.fields ?? [])
        if let threshold {
            fields.formUnion(threshold.fields)
            if let cardinality = threshold.cardinality { fields.insert(cardinality.field) }
        }
        if let eql {
            fields.formUnion(eql.query.fieldsRead)
            fields.insert(eql.categoryField)
        }
        if let esql { fields.formUnion(esql.fieldsRead) }
        return fields
    }

    /// Whether a match needs the mapped document beyond the KQL query (threshold groups are read
    /// from it; EQL and ES|QL decide on it), so the prefilter's verdict on cheap fields alone
    /// cannot record it.
    var needsDocumentToMatch: Bool { threshold != nil || eql != nil || esql != nil }

    /// Whether the rule reads alerts (`FROM .alerts-security.*`) rather than logs.
    public var readsAlerts: Bool {
        esql?.sourcePatterns.contains { $0.hasPrefix(".alerts-security") } ?? false
    }

    private static func parseESQL(_ text: String, rule: DetectionRule) throws(RuleCompileError) -> ESQLQuery {
        func fail(_ error: ESQLSyntaxError) -> RuleCompileError {
            RuleCompileError(
                rule: rule, language: "ES|QL", message: error.message, line: error.line, column: error.column,
                diagram: error.caretDiagram(in: text))
        }
        // The schema follows the index the query reads: CloudTrail documents, or alerts.
        let readsAlerts = text.contains(".alerts-security")
        do {
            return try ESQLQuery.parse(text, schema: readsAlerts ? .securityAlerts : .cloudTrail)
        } catch {
            throw fail(error)
        }
    }

    /// The longest interval or history window a rule may give: 10,000 years. Event times span
    /// years 0000 to 9999, so a longer window means nothing, and within it `time - window` and
    /// the conversion to milliseconds cannot overflow (which would trap mid-scan).
    static let maximumDurationSeconds = 10_000 * 31_557_600

    private static func milliseconds(
        of duration: RelativeDuration, named setting: String, in rule: DetectionRule
    ) throws(RuleCompileError) -> Int64 {
        guard duration.seconds <= maximumDurationSeconds else {
            throw RuleCompileError(
                rule: rule,
                message: "\(setting) \"\(duration.text)\" is longer than the "
                    + "10,000 years event times can span")
        }
        return Int64(duration.seconds) * 1000
    }
}
