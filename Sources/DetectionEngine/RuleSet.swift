import DetectionRules

/// The rules a scan runs, and what could not be run, with reasons.
public struct RuleSet: Sendable {
    /// Rules that load, parse and have a supported type.
    public var rules: [CompiledRule]
    /// Rules that load but whose type this version does not run (eql, esql, threshold, ML).
    public var unsupported: [DetectionRule]
    /// Files that did not load and queries that did not parse.
    public var errors: [String]

    public init(rules: [CompiledRule] = [], unsupported: [DetectionRule] = [], errors: [String] = []) {
        self.rules = rules
        self.unsupported = unsupported
        self.errors = errors
    }

    /// Loads every `*.toml` rule under `paths`. A bad file never stops the others.
    public static func load(paths: [String]) -> RuleSet {
        let loaded = RuleLoader.load(paths: paths)
        var set = RuleSet(errors: loaded.errors.map(\.description))
        var seenIDs: [String: String] = [:]
        for rule in loaded.rules {
            if let first = seenIDs[rule.ruleID] {
                set.errors.append(
                    "\(rule.sourcePath): rule_id \(rule.ruleID) is already used by \(first); this copy was not loaded")
                continue
            }
            seenIDs[rule.ruleID] = rule.sourcePath
            guard rule.type.isSupported else {
                set.unsupported.append(rule)
                continue
            }
            do {
                set.rules.append(try CompiledRule(rule))
            } catch {
                set.errors.append(error.description)
            }
        }
        return set
    }
}
