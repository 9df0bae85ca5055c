import DetectionRules

/// Threshold rules as grouped windows, deciding exactly what `ThresholdEvaluator` decides.
///
/// Runs end at every multiple of the interval and look back over `[end − from, end]`; each
/// event is placed in every run whose window holds it and in each of its group-by combinations
/// (an event missing a group field is in none). A group remembers the latest event it alerted
/// on, so a run counts only the events after it. That memory is a chain along the runs, which
/// SQL has no loop for; when the look-back is shorter than two intervals it reaches back only
/// one run, and the chain can be read off with window functions:
///
/// - `full`: the run's whole window qualifies; `fresh`: its events after the previous run's end
///   qualify (what the run counts when the previous run alerted). `fresh` implies `full`.
/// - A run is decided on its own when `fresh` holds (it alerts) or `full` fails (it does not).
///   Otherwise it alerts exactly when the run before it did not, so within a stretch of such
///   runs the outcome alternates from the last run decided on its own (an empty run counts as
///   one that did not alert).
extension SQLRuleCompiler {
    func thresholdSQL(
        rule: DetectionRule, condition: String, predicates: SQLPredicateCompiler
    ) throws(SQLCompileError) -> String {
        guard let settings = rule.threshold else { throw SQLCompileError(reason: "it has no threshold settings") }
        guard settings.fields.count <= 3, settings.value >= 1, settings.cardinality.count <= 1 else {
            throw SQLCompileError(reason: "its threshold settings are outside what Kibana accepts")
        }
        let interval = try Self.milliseconds(rule.interval, named: "interval")
        let lookback = try Self.milliseconds(rule.from, named: "from")
        guard interval > 0, lookback < 2 * interval else {
            throw SQLCompileError(
                reason: "its look-back (from \(rule.from)) spans two or more intervals (\(rule.interval)), so a "
                    + "group's memory of its last alert reaches past the previous run, which the SQL does not model")
        }
        let fields = try settings.fields.map { name throws(SQLCompileError) in try predicates.field(named: name) }
        let counted = try settings.cardinality.first.map { cardinality throws(SQLCompileError) in
            (field: cardinality.field, sql: try predicates.field(named: cardinality.field), minimum: cardinality.value)
        }
        let terms = fields.indices.map { "term_\($0 + 1)" }
        let partition = (terms.isEmpty ? ["tt_all"] : terms).joined(separator: ", ")
        let fresh = "tt_time > (tt_run - 1) * \(interval)"
        let valuesColumn = counted.map { ", \($0.sql.values(in: dialect)) AS tt_values" } ?? ""
        let distinctAll = counted.map { _ in ", \(distinctCount("tt_values", filter: nil)) AS tt_all_distinct" } ?? ""
        let distinctFresh =
            counted.map { _ in ", \(distinctCount("tt_values", filter: fresh)) AS tt_fresh_distinct" } ?? ""
        let minimum = counted.map { " AND tt_all_distinct >= \($0.minimum)" } ?? ""
        let minimumFresh = counted.map { " AND tt_fresh_distinct >= \($0.minimum)" } ?? ""
        let runs =
            "sequence(CAST(ceil(CAST(tt_time AS double) / \(interval)) AS bigint), "
            + "CAST(floor(CAST(tt_time + \(lookback) AS double) / \(interval)) AS bigint))"
        let rows = "OVER (PARTITION BY \(partition) ORDER BY tt_run ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
        let decidedAlone = "(tt_fresh OR NOT tt_full)"
        let sameGroup = (terms.isEmpty ? ["tt_all"] : terms).map { "i.\($0) = a.\($0)" }.joined(separator: " AND ")
        let group = "PARTITION BY " + (terms.isEmpty ? ["tt_all"] : terms).map { "i.\($0), " }.joined() + "i.tt_run"
        let termLiterals = zip(settings.fields, terms).flatMap { [dialect.literal($0), "g.\($1)"] }
        let membersText =
            "array_join(transform(array_sort(g.tt_members), k -> concat(\(dialect.character(30)), k)), '')"
        let material =
            "concat(concat_ws(\(dialect.character(31)), \(dialect.literal("trailtriage-group-alert-v1")), "
            + "\(([dialect.literal(rule.ruleID)] + termLiterals).joined(separator: ", "))), "
            + "\(dialect.character(29)), \(membersText))"
        let cardinalityOut = counted.map { _ in "g.tt_all_distinct" } ?? "CAST(NULL AS \(integerType))"
        let empty = dialect.array([])
        return uniqueMatches(condition: condition, extraFilter: "\n    WHERE tt_time IS NOT NULL") + ",\n" + """
            grouped AS (
              SELECT m.*, \(terms.isEmpty ? "1 AS tt_all" : terms.joined(separator: ", "))\(valuesColumn)
              FROM unique_matches m
            \(explode(fields.map { $0.values(in: dialect) }, as: terms))
            ),
            in_runs AS (
              SELECT g.*, tt_run
              FROM grouped g
            \(explode([runs], as: ["tt_run"]))
            ),
            per_run AS (
              SELECT \(partition), tt_run, count(*) AS tt_all_count,
                count(CASE WHEN \(fresh) THEN 1 END) AS tt_fresh_count\(distinctAll)\(distinctFresh)
              FROM in_runs
              GROUP BY \(partition), tt_run
            ),
            decided AS (
              SELECT *, tt_all_count >= \(settings.value)\(minimum) AS tt_full,
                tt_fresh_count >= \(settings.value)\(minimumFresh) AS tt_fresh,
                lag(tt_run) OVER (PARTITION BY \(partition) ORDER BY tt_run) AS tt_previous_run
              FROM per_run
            ),
            anchored AS (
              SELECT *,
                max(CASE WHEN \(decidedAlone) THEN tt_run WHEN tt_previous_run IS NULL OR tt_previous_run < tt_run - 1
                  THEN tt_run - 1 END) \(rows) AS tt_anchor_run,
                max(CASE WHEN \(decidedAlone) THEN 2 * tt_run + CASE WHEN tt_fresh THEN 1 ELSE 0 END
                  WHEN tt_previous_run IS NULL OR tt_previous_run < tt_run - 1 THEN 2 * (tt_run - 1) END)
                  \(rows) AS tt_anchor
              FROM decided
            ),
            outcomes AS (
              SELECT *, CASE WHEN \(decidedAlone) THEN tt_fresh
                ELSE mod(mod(tt_anchor, 2) + tt_run - tt_anchor_run, 2) = 1 END AS tt_alerts
              FROM anchored
            ),
            alerting AS (
              SELECT \(partition), tt_run, coalesce(tt_previous_run = tt_run - 1 AND tt_previous_alerts, false)
                AS tt_after_alert
              FROM (
                SELECT *, lag(tt_alerts) OVER (PARTITION BY \(partition) ORDER BY tt_run) AS tt_previous_alerts
                FROM outcomes
              ) chained
              WHERE tt_alerts
            ),
            members AS (
              SELECT i.*,
                row_number() OVER (\(group) ORDER BY i.tt_time DESC, i.tt_identity DESC) AS tt_rank,
                count(*) OVER (\(group)) AS tt_count,
                min(i.tt_time) OVER (\(group)) AS tt_from,
                \(aggregate("i.tt_identity")) OVER (\(group)) AS tt_members\(counted.map { _ in
                    ",\n    \(distinctCount("i.tt_values", filter: nil, over: group)) AS tt_all_distinct"
                } ?? "")
              FROM in_runs i
              JOIN alerting a ON \(sameGroup)
                AND i.tt_run = a.tt_run
              WHERE NOT a.tt_after_alert OR i.tt_time > (i.tt_run - 1) * \(interval)
            )
            SELECT
              \(dialect.literal(rule.ruleID)) AS rule_id,
              CAST(NULL AS \(stringType)) AS event_id,
              g.tt_event_key AS event_key,
              g.tt_time AS event_time_ms,
              \(dialect.sha256Hex(material)) AS alert_uuid,
              \(dialect == .spark ? "CAST(\(empty) AS array<string>)" : empty) AS new_terms,
              \(dialect.array(terms.map { "g.\($0)" })) AS threshold_terms,
              g.tt_count AS threshold_count,
              g.tt_from AS threshold_from_ms,
              \(cardinalityOut) AS threshold_cardinality,
              g.tt_members AS threshold_members\(recordSelection(of: "g"))
            FROM members g
            WHERE g.tt_rank = 1
            """
    }

    private var stringType: String { dialect == .spark ? "string" : "varchar" }
    private var integerType: String { dialect == .spark ? "int" : "integer" }

    /// Distinct values over the rows' value arrays, as an aggregate, or a window when `over` is given.
    private func distinctCount(_ column: String, filter: String?, over: String? = nil) -> String {
        let values = aggregate(column, filter: filter) + (over.map { " OVER (\($0))" } ?? "")
        let empty = dialect == .spark ? "CAST(array() AS array<string>)" : dialect.array([])
        return dialect.count(of: "array_distinct(coalesce(flatten(\(values)), \(empty)))")
    }

    private func aggregate(_ column: String, filter: String? = nil) -> String {
        let function = dialect == .spark ? "collect_list" : "array_agg"
        return "\(function)(\(column))" + (filter.map { " FILTER (WHERE \($0))" } ?? "")
    }

    /// One row per element of each array (a cross product), or nothing when there are none.
    private func explode(_ arrays: [String], as names: [String]) -> String {
        zip(arrays, names).map { array, name in
            switch dialect {
            case .spark: return "  LATERAL VIEW explode(\(array)) unnest_\(name) AS \(name)"
            case .trino: return "  CROSS JOIN UNNEST(\(array)) AS unnest_\(name) (\(name))"
            }
        }.joined(separator: "\n")
    }

    static func milliseconds(_ text: String, named name: String) throws(SQLCompileError) -> Int64 {
        do {
            return Int64(try RelativeDuration(parsing: text).seconds) * 1000
        } catch {
            throw SQLCompileError(reason: "its \(name) \"\(text)\" is invalid: \(error)")
        }
    }
}
