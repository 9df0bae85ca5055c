extension DetectionRule {
    /// Decodes a rule from a parsed detection-rules TOML document.
    ///
    /// Unknown keys (`setup`, `alert_suppression`, `building_block_type`, …) are ignored.
    ///
    /// - Parameter sourcePath: Used for `sourcePath` and in error messages.
    public init(document: TOMLDocument, sourcePath: String) throws(RuleLoadError) {
        let root = RuleTableReader(table: document.root, name: "", path: sourcePath)
        let rule = try root.requiredSubtable("rule")
        let type = RuleType(name: try rule.requiredString("type"))

        let query = try rule.string("query")
        if query == nil && Self.requiresQuery(type) { throw rule.missing("query") }

        var newTerms: NewTermsSettings?
        if type == .newTerms {
            newTerms = try Self.decodeNewTerms(try rule.requiredSubtable("new_terms"))
        }
        var threshold: ThresholdSettings?
        if type == .threshold {
            threshold = try Self.decodeThreshold(try rule.requiredSubtable("threshold"))
        }

        var threat: [ThreatMapping] = []
        for entry in try rule.tableArray("threat") {
            threat.append(try Self.decodeThreat(entry))
        }

        self.init(
            sourcePath: sourcePath,
            ruleID: try rule.requiredString("rule_id"),
            name: try rule.requiredString("name"),
            description: try rule.requiredString("description").trimmingWhitespace(),
            type: type,
            language: try rule.string("language"),
            query: query,
            queryPosition: query == nil ? nil : rule.table.entry(for: "query")?.valuePosition,
            index: try rule.stringArray("index"),
            from: try rule.string("from") ?? Self.defaultFrom,
            interval: try rule.string("interval") ?? Self.defaultInterval,
            maxSignals: try rule.integer("max_signals") ?? Self.defaultMaxSignals,
            riskScore: try rule.requiredInteger("risk_score"),
            severity: Severity(name: try rule.requiredString("severity")),
            timestampOverride: try rule.string("timestamp_override"),
            note: try rule.string("note"),
            falsePositives: try rule.stringArray("false_positives").map { $0.unwrappingLines() },
            references: try rule.stringArray("references"),
            tags: try rule.stringArray("tags"),
            author: try rule.stringArray("author"),
            license: try rule.string("license"),
            threat: threat,
            investigationFields: try Self.decodeInvestigationFields(rule),
            newTerms: newTerms,
            threshold: threshold,
            eventCategoryOverride: try rule.string("event_category_override"),
            metadata: try Self.decodeMetadata(root),
            version: try rule.integer("version")
        )
    }

    static func requiresQuery(_ type: RuleType) -> Bool {
        switch type {
        case .query, .newTerms, .threshold, .eql, .esql: return true
        case .machineLearning, .other: return false
        }
    }

    /// Upstream writes `[rule.new_terms] field = "new_terms_fields" value = [...]` with
    /// `[[rule.new_terms.history_window_start]] field = "history_window_start" value = "now-10d"`,
    /// mirroring Kibana's parameter list. A plain string for `history_window_start` is accepted too.
    static func decodeNewTerms(_ table: RuleTableReader) throws(RuleLoadError) -> NewTermsSettings {
        let fields = try table.stringArray("value", allowSingleString: true)
        guard (1...3).contains(fields.count) else {
            throw table.table["value"] == nil
                ? table.missing("value")
                : table.invalid("value", "a new_terms rule needs 1 to 3 fields, found \(fields.count)")
        }
        let start: String
        if let plain = table.table["history_window_start"]?.stringValue {
            start = plain
        } else {
            let windows = try table.tableArray("history_window_start")
            guard let window = windows.first else { throw table.missing("history_window_start") }
            start = try window.requiredString("value")
        }
        return NewTermsSettings(fields: fields, historyWindowStart: start)
    }

    static func decodeThreshold(_ table: RuleTableReader) throws(RuleLoadError) -> ThresholdSettings {
        var cardinality: [ThresholdSettings.Cardinality] = []
        for entry in try table.tableArray("cardinality") {
            cardinality.append(
                ThresholdSettings.Cardinality(
                    field: try entry.requiredString("field"),
                    value: try entry.requiredInteger("value")
                ))
        }
        return ThresholdSettings(
            fields: try table.stringArray("field", allowSingleString: true),
            value: try table.requiredInteger("value"),
            cardinality: cardinality
        )
    }

    static func decodeThreat(_ table: RuleTableReader) throws(RuleLoadError) -> ThreatMapping {
        let tactic = try table.requiredSubtable("tactic")
        var techniques: [ThreatMapping.Technique] = []
        for technique in try table.tableArray("technique") {
            var subtechniques: [ThreatMapping.Subtechnique] = []
            for sub in try technique.tableArray("subtechnique") {
                subtechniques.append(
                    ThreatMapping.Subtechnique(
                        id: try sub.requiredString("id"),
                        name: try sub.requiredString("name"),
                        reference: try sub.string("reference") ?? ""
                    ))
            }
            techniques.append(
                ThreatMapping.Technique(
                    id: try technique.requiredString("id"),
                    name: try technique.requiredString("name"),
                    reference: try technique.string("reference") ?? "",
                    subtechniques: subtechniques
                ))
        }
        return ThreatMapping(
            framework: try table.string("framework") ?? "MITRE ATT&CK",
            tactic: ThreatMapping.Tactic(
                id: try tactic.requiredString("id"),
                name: try tactic.requiredString("name"),
                reference: try tactic.string("reference") ?? ""
            ),
            techniques: techniques
        )
    }

    /// Current files use `[rule.investigation_fields] field_names = [...]`; a bare array is accepted too.
    static func decodeInvestigationFields(_ rule: RuleTableReader) throws(RuleLoadError) -> [String] {
        guard let value = rule.table["investigation_fields"] else { return [] }
        if value.tableValue != nil, let table = try rule.subtable("investigation_fields") {
            return try table.stringArray("field_names")
        }
        return try rule.stringArray("investigation_fields")
    }

    static func decodeMetadata(_ root: RuleTableReader) throws(RuleLoadError) -> RuleMetadata {
        guard let metadata = try root.subtable("metadata") else { return RuleMetadata() }
        return RuleMetadata(
            creationDate: try metadata.string("creation_date"),
            updatedDate: try metadata.string("updated_date"),
            maturity: try metadata.string("maturity"),
            integration: try metadata.stringArray("integration", allowSingleString: true)
        )
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Joins hard-wrapped lines into one line: upstream writes false positives as indented
    /// multi-line strings, and the wrapping is layout, not content.
    func unwrappingLines() -> String {
        split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
