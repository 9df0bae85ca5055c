import DetectionRules
import KQL

/// Compiles loaded rules to SQL from their parsed KQL, never from the query text.
///
/// `query` rules become a filtered SELECT with one row per distinct event; `new_terms` rules
/// follow the engine's offline definition: an event is new when no query-matching event with
/// the same terms lies in `[t − window, t)`. Events at the same instant are not each other's
/// history, and among them only the lowest event key alerts, as `NewTermsEvaluator` decides.
/// `threshold` rules become grouped windows over simulated runs (see `thresholdSQL`).
public struct SQLRuleCompiler: Sendable {
    public var dialect: SQLDialect
    public var table: SQLTableShape

    public init(dialect: SQLDialect, table: SQLTableShape = SQLTableShape()) {
        self.dialect = dialect
        self.table = table
    }

    /// The SQL for `rule`.
    /// - Throws: ``SQLCompileError`` when the rule type or a field it reads cannot be translated.
    public func compile(_ rule: DetectionRule) throws(SQLCompileError) -> CompiledSQLRule {
        for name in [table.name] + (table.recordColumn.map { [$0] } ?? []) + table.carriedColumns
            + (table.contentColumn.map { [$0] } ?? [])
        where !SQLTableShape.isValidName(name) {
            throw SQLCompileError(reason: "\"\(name)\" is not a plain SQL identifier")
        }
        switch rule.type {
        case .query, .newTerms, .threshold:
            break
        default:
            throw SQLCompileError(
                reason: "\(rule.type.name) rules are not translated to SQL; only query, new_terms and threshold (KQL) "
                    + "rules are")
        }
        guard rule.language == nil || rule.language == "kuery" else {
            throw SQLCompileError(reason: "its language is \(rule.language ?? ""), not KQL (kuery)")
        }
        guard let text = rule.query else { throw SQLCompileError(reason: "it has no query") }
        let query: KQLQuery
        do {
            query = try KQLQuery.parse(text)
        } catch {
            throw SQLCompileError(reason: "its KQL does not parse: \(error)")
        }
        let predicates = SQLPredicateCompiler(dialect: dialect)
        let condition = try predicates.condition(query.expression)
        let notes = query.fieldNames.sorted().filter(SQLFieldTable.isGeoIPField).map { name in
            "\(name) comes from GeoIP/ASN lookups, which SQL does not do: it is missing, as in a scan without databases"
        }
        let header =
            "-- TrailTriage \(rule.type.name) rule \(Self.commentSafe(rule.ruleID)): \(Self.commentSafe(rule.name))"
        let sql: String
        if rule.type == .newTerms {
            guard let settings = rule.newTerms, !settings.fields.isEmpty else {
                throw SQLCompileError(reason: "it has no new_terms fields")
            }
            let window: RelativeDuration
            do {
                window = try settings.historyWindow
            } catch {
                throw SQLCompileError(reason: "its history_window_start is invalid: \(error)")
            }
            let termFields = try settings.fields.map { name throws(SQLCompileError) in
                try predicates.field(named: name)
            }
            sql =
                header + "\n"
                + newTermsSQL(
                    rule: rule, condition: condition, termFields: termFields,
                    windowMilliseconds: Int64(window.seconds) * 1000)
        } else if rule.type == .threshold {
            sql = header + "\n" + (try thresholdSQL(rule: rule, condition: condition, predicates: predicates))
        } else {
            sql = header + "\n" + querySQL(rule: rule, condition: condition)
        }
        return CompiledSQLRule(
            ruleID: rule.ruleID, ruleName: rule.name, ruleType: rule.type, dialect: dialect, sql: sql,
            condition: condition, notes: notes)
    }

    /// The event's identity as `AlertIdentity.eventKey` computes it: its eventID, else a hash of
    /// the record's JSON text (which equals scan's only when the text is the bytes scan read).
    var eventKey: String {
        let fallback: String
        if let record = table.recordColumn {
            fallback = dialect.sha256Hex(record)
        } else {
            // Athena's table keeps no raw record; this key is stable but is not scan's.
            let parts = ["eventtime", "eventsource", "eventname", "requestid"].map { "coalesce(\($0), '')" }
            fallback = dialect.sha256Hex("concat_ws(\(dialect.character(31)), \(parts.joined(separator: ", ")))")
        }
        return "CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', \(fallback)) END"
    }

    /// The event's identity as `MatchTable.identity(of:)` gives it: the event key, followed by
    /// the content key when other content uses the same eventID.
    var eventIdentity: String {
        guard let content = table.contentColumn else { return "tt_event_key" }
        return "CASE WHEN \(content) IS NULL THEN tt_event_key "
            + "ELSE concat(tt_event_key, \(dialect.character(30)), \(content)) END"
    }

    private func uuid(ruleID: String, eventKey: String, terms: [String]) -> String {
        let material = [dialect.literal("trailtriage-alert-v1"), dialect.literal(ruleID), eventKey] + terms
        return dialect.sha256Hex("concat_ws(\(dialect.character(31)), \(material.joined(separator: ", ")))")
    }

    /// Matching events, one row per event identity (a re-delivered event counts once).
    func uniqueMatches(condition: String, extraFilter: String = "") -> String {
        """
        WITH matches AS (
          SELECT *, \(eventKey) AS tt_event_key, \(dialect.epochMilliseconds("eventtime")) AS tt_time
          FROM \(table.name)
          WHERE \(condition)
        ),
        identified AS (
          SELECT *, \(eventIdentity) AS tt_identity FROM matches
        ),
        unique_matches AS (
          SELECT * FROM (
            SELECT *, row_number() OVER (PARTITION BY tt_identity ORDER BY tt_time) AS tt_copy
            FROM identified\(extraFilter)
          ) numbered
          WHERE tt_copy = 1
        )
        """
    }

    /// The raw record and carried columns of the row `alias` names.
    func recordSelection(of alias: String = "m") -> String {
        let record = table.recordColumn.map { ",\n  \(alias).\($0) AS record" } ?? ""
        let content = table.contentColumn.map { ",\n  \(alias).\($0) AS event_content" } ?? ""
        return record + content + table.carriedColumns.map { ",\n  \(alias).\($0) AS \($0)" }.joined()
    }

    private func querySQL(rule: DetectionRule, condition: String) -> String {
        let empty = dialect.array([])
        return uniqueMatches(condition: condition) + "\n" + """
            SELECT
              \(dialect.literal(rule.ruleID)) AS rule_id,
              m.eventid AS event_id,
              m.tt_event_key AS event_key,
              m.tt_time AS event_time_ms,
              \(uuid(ruleID: rule.ruleID, eventKey: "m.tt_identity", terms: [])) AS alert_uuid,
              \(dialect == .spark ? "CAST(\(empty) AS array<string>)" : empty) AS new_terms\(recordSelection())
            FROM unique_matches m
            """
    }

    private func newTermsSQL(
        rule: DetectionRule, condition: String, termFields: [SQLField], windowMilliseconds: Int64
    ) -> String {
        let terms = termFields.indices.map { "term_\($0 + 1)" }
        let termList = terms.joined(separator: ", ")
        let unnest: String
        switch dialect {
        case .spark:
            unnest = zip(termFields, terms).enumerated().map { index, pair in
                "  LATERAL VIEW explode(\(pair.0.values(in: dialect))) unnest_\(index + 1) AS \(pair.1)"
            }.joined(separator: "\n")
        case .trino:
            unnest = zip(termFields, terms).enumerated().map { index, pair in
                "  CROSS JOIN UNNEST(\(pair.0.values(in: dialect))) AS unnest_\(index + 1) (\(pair.1))"
            }.joined(separator: "\n")
        }
        let termColumns = terms.map { "f.\($0)" }
        return uniqueMatches(condition: condition, extraFilter: "\n    WHERE tt_time IS NOT NULL") + ",\n" + """
            combinations AS (
              SELECT m.tt_identity, m.tt_time, \(terms.map { "\($0)" }.joined(separator: ", "))
              FROM unique_matches m
            \(unnest)
            ),
            instants AS (
              SELECT \(termList), tt_time, min(tt_identity) AS tt_identity
              FROM combinations
              GROUP BY \(termList), tt_time
            ),
            firsts AS (
              SELECT *, lag(tt_time) OVER (PARTITION BY \(termList) ORDER BY tt_time) AS tt_previous
              FROM instants
            )
            SELECT
              \(dialect.literal(rule.ruleID)) AS rule_id,
              m.eventid AS event_id,
              m.tt_event_key AS event_key,
              f.tt_time AS event_time_ms,
              \(uuid(ruleID: rule.ruleID, eventKey: "f.tt_identity", terms: termColumns)) AS alert_uuid,
              \(dialect.array(termColumns)) AS new_terms\(recordSelection())
            FROM firsts f
            JOIN unique_matches m ON m.tt_identity = f.tt_identity
            WHERE f.tt_previous IS NULL OR f.tt_previous < f.tt_time - \(windowMilliseconds)
            """
    }

    /// Text for a `--` comment: one line, no control characters.
    static func commentSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }
}
