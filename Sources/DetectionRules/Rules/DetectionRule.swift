/// An Elastic detection rule loaded from a detection-rules TOML file.
public struct DetectionRule: Sendable {
    /// The file the rule was loaded from.
    public var sourcePath: String

    public var ruleID: String
    public var name: String
    public var description: String

    public var type: RuleType
    /// `"kuery"`, `"eql"`, `"esql"`, `"lucene"`, or `nil` (machine-learning rules).
    public var language: String?
    /// The query text exactly as written; `nil` for machine-learning rules.
    public var query: String?
    /// Where the first character of `query` sits in the file. A query-relative error at
    /// (line `l`, column `c`) is at file line `queryPosition.line + l - 1`, and on the
    /// query's first line at file column `queryPosition.column + c - 1`.
    public var queryPosition: SourcePosition?
    public var index: [String]

    /// Date math for the start of each run's window; default `"now-6m"`.
    public var from: String
    /// How often the rule runs; default `"5m"`.
    public var interval: String
    /// The most alerts one run creates; default 100.
    public var maxSignals: Int

    public var riskScore: Int
    public var severity: Severity
    /// The field used instead of `@timestamp` for windows, normally `"event.ingested"`.
    public var timestampOverride: String?

    /// The Markdown investigation guide; see `investigationGuide`.
    public var note: String?
    /// False-positive notes, with hard line wraps joined into single lines.
    public var falsePositives: [String]
    public var references: [String]
    public var tags: [String]
    public var author: [String]
    public var license: String?
    public var threat: [ThreatMapping]
    /// Fields to highlight for the analyst (`[rule.investigation_fields] field_names`).
    public var investigationFields: [String]

    public var newTerms: NewTermsSettings?
    public var threshold: ThresholdSettings?
    /// The field EQL reads an event's category from (`event_category_override`), when not
    /// `event.category`.
    public var eventCategoryOverride: String?
    public var metadata: RuleMetadata
    /// Upstream keeps versions in `version.lock.json`, so this is usually `nil`.
    public var version: Int?

    public init(
        sourcePath: String,
        ruleID: String,
        name: String,
        description: String,
        type: RuleType,
        language: String? = nil,
        query: String? = nil,
        queryPosition: SourcePosition? = nil,
        index: [String] = [],
        from: String = DetectionRule.defaultFrom,
        interval: String = DetectionRule.defaultInterval,
        maxSignals: Int = DetectionRule.defaultMaxSignals,
        riskScore: Int,
        severity: Severity,
        timestampOverride: String? = nil,
        note: String? = nil,
        falsePositives: [String] = [],
        references: [String] = [],
        tags: [String] = [],
        author: [String] = [],
        license: String? = nil,
        threat: [ThreatMapping] = [],
        investigationFields: [String] = [],
        newTerms: NewTermsSettings? = nil,
        threshold: ThresholdSettings? = nil,
        eventCategoryOverride: String? = nil,
        metadata: RuleMetadata = RuleMetadata(),
        version: Int? = nil
    ) {
        self.sourcePath = sourcePath
        self.ruleID = ruleID
        self.name = name
        self.description = description
        self.type = type
        self.language = language
        self.query = query
        self.queryPosition = queryPosition
        self.index = index
        self.from = from
        self.interval = interval
        self.maxSignals = maxSignals
        self.riskScore = riskScore
        self.severity = severity
        self.timestampOverride = timestampOverride
        self.note = note
        self.falsePositives = falsePositives
        self.references = references
        self.tags = tags
        self.author = author
        self.license = license
        self.threat = threat
        self.investigationFields = investigationFields
        self.newTerms = newTerms
        self.threshold = threshold
        self.eventCategoryOverride = eventCategoryOverride
        self.metadata = metadata
        self.version = version
    }

    /// Elastic's default look-back when `from` is absent.
    public static let defaultFrom = "now-6m"
    /// Elastic's default schedule when `interval` is absent.
    public static let defaultInterval = "5m"
    /// Elastic's default alert cap when `max_signals` is absent.
    public static let defaultMaxSignals = 100

    /// The parsed investigation guide, or `nil` when the rule has no `note`.
    public var investigationGuide: InvestigationGuide? {
        note.map { InvestigationGuide(markdown: $0) }
    }

    /// Maps a position inside `query` (1-based, as a KQL parser reports it) to the file.
    public func filePosition(ofQueryPosition position: SourcePosition) -> SourcePosition? {
        guard let queryPosition else { return nil }
        if position.line == 1 {
            return SourcePosition(line: queryPosition.line, column: queryPosition.column + position.column - 1)
        }
        return SourcePosition(line: queryPosition.line + position.line - 1, column: position.column)
    }
}
