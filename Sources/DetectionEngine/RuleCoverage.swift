import DetectionRules
import ECSMapping

/// What one loaded rule can do on this machine: run as Elastic runs it, run without data it
/// reads (an enrichment that is not configured), or not run at all, with the reason. `rules
/// list`, the scan summary and the console all report it, so no rule is skipped silently.
public struct RuleCoverage: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// The rule runs and reads only fields this scan can give.
        case runs
        /// The rule runs, but reads fields that stay absent here; its alerts may differ from
        /// Elastic's. The reasons name the fields and what would provide them.
        case runsWithoutData([String])
        /// The rule does not run; the reason says why.
        case notRun(String)
    }

    public var ruleID: String
    public var name: String
    public var type: RuleType
    public var severity: Severity
    public var riskScore: Int
    public var sourcePath: String
    public var status: Status

    /// Whether the rule is evaluated at all.
    public var runs: Bool {
        if case .notRun = status { return false }
        return true
    }

    /// The coverage of every rule of `ruleSet` with `enrichment`, runnable rules first, each
    /// group in load order.
    public static func assess(_ ruleSet: RuleSet, enrichment: ECSEnrichment) -> [RuleCoverage] {
        let running = ruleSet.rules.map { compiled in
            RuleCoverage(compiled.rule, status: status(readingFields: compiled.fieldsRead, enrichment: enrichment))
        }
        let notRunning = ruleSet.unsupported.map { rule in
            RuleCoverage(rule, status: .notRun(notRunReason(rule.type)))
        }
        return running + notRunning
    }

    init(_ rule: DetectionRule, status: Status) {
        ruleID = rule.ruleID
        name = rule.name
        type = rule.type
        severity = rule.severity
        riskScore = rule.riskScore
        sourcePath = rule.sourcePath
        self.status = status
    }

    /// Why a rule of `type` does not run.
    static func notRunReason(_ type: RuleType) -> String {
        switch type {
        case .machineLearning:
            return "machine learning rules need Elastic's anomaly detection jobs, which do not exist offline"
        default:
            return "rule type \(type.name) is not supported yet"
        }
    }

    /// Whether reading `fields` needs data this scan does not have.
    static func status(readingFields fields: Set<String>, enrichment: ECSEnrichment) -> Status {
        var reasons: [String] = []
        let geo = fields.filter { $0.hasPrefix("source.geo.") }.sorted()
        if !geo.isEmpty && !enrichment.hasGeo {
            reasons.append("reads \(geo.joined(separator: ", ")), which needs a GeoIP database (none is configured)")
        }
        let asn = fields.filter { $0.hasPrefix("source.as.") }.sorted()
        if !asn.isEmpty && !enrichment.hasASN {
            reasons.append("reads \(asn.joined(separator: ", ")), which needs an ASN database (none is configured)")
        }
        let agent = fields.filter { $0.hasPrefix("user_agent.") && $0 != "user_agent.original" }.sorted()
        if !agent.isEmpty && enrichment.userAgents == nil {
            reasons.append(
                "reads \(agent.joined(separator: ", ")), which needs uap-core's user agent regexes (not installed)")
        }
        return reasons.isEmpty ? .runs : .runsWithoutData(reasons)
    }
}
