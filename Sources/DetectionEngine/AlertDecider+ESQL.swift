import Alerts
import ECSMapping
import ESQL
import TrailTriageJSON

extension AlertDecider {
    /// An ES|QL rule's alerts, from the rows its matching documents prepared, run by simulated run.
    ///
    /// - Row-level queries (no STATS): each row is finished in the runs whose window holds its
    ///   event, and the first run that returns it gives one alert on that event, with the row's
    ///   columns added to the document; the id is the event's, so overlapping runs agree.
    /// - Aggregating queries: each run's rows are finished together; each returned row is an
    ///   alert holding only its columns, its members the events of its group. Kibana's id hashes
    ///   the run, so overlapping runs alert again; here a group that a later run returns again
    ///   from some of the same events is one alert whose run count goes up.
    func esqlAlerts(
        _ matches: [RuleMatch], query: ESQLQuery, in table: MatchTable, rule info: AlertRule
    ) -> (alerts: [PendingAlert], dropped: Int) {
        let records = table.records
        let ordered = matches.sorted { lhs, rhs in
            let left = records[lhs.record]
            let right = records[rhs.record]
            if left.time != right.time { return left.time < right.time }
            return table.identity(of: lhs.record) < table.identity(of: rhs.record)
        }
        let runs = RuleRuns(
            intervalMilliseconds: rule.intervalMilliseconds, lookbackMilliseconds: rule.lookbackMilliseconds)
        var alerts: [PendingAlert]
        if query.isAggregating {
            alerts = aggregatedAlerts(ordered, query: query, runs: runs, in: table, rule: info)
        } else {
            alerts = rowAlerts(ordered, query: query, runs: runs, in: table, rule: info)
        }
        alerts.sort(by: PendingAlert.reportOrder)
        return (alerts, applyMaxSignals(to: &alerts))
    }

    private func rowAlerts(
        _ ordered: [RuleMatch], query: ESQLQuery, runs: RuleRuns, in table: MatchTable, rule info: AlertRule
    ) -> [PendingAlert] {
        var alerts: [PendingAlert] = []
        for match in ordered where match.row >= 0 {
            let record = table.records[match.record]
            let row = table.preparedRows[Int(match.row)]
            var end = runs.firstRunEnd(holding: record.time)
            var returned: ESQLRow?
            // The runs whose window holds the event: from the first to `lookback` later.
            while returned == nil && runs.window(endingAt: end).contains(record.time) {
                returned = query.finish([row], now: end).first
                end = runs.nextRunEnd(after: end)
            }
            guard let returned else { continue }
            var alert = PendingAlert(
                uuid: AlertIdentity.uuid(
                    ruleID: info.ruleID, eventKey: record.eventKey, content: table.conflictContents[match.record]),
                rule: info, ruleIndex: ruleIndex, newTerms: nil, record: match.record, time: record.time)
            alert.addedFields = returned.namedValues.compactMap { column, value in
                Self.jsonValue(of: value).map { JSONMember(key: column, value: $0) }
            }
            alerts.append(alert)
        }
        return alerts
    }

    private func aggregatedAlerts(
        _ ordered: [RuleMatch], query: ESQLQuery, runs: RuleRuns, in table: MatchTable, rule info: AlertRule
    ) -> [PendingAlert] {
        let items = ordered.filter { $0.row >= 0 }.map { match in
            ESQLRunSimulator.Item(
                time: table.records[match.record].time, row: table.preparedRows[Int(match.row)], payload: match.record)
        }
        return ESQLRunSimulator(query: query, runs: runs).run(items).map { result in
            var alert = aggregatedAlert(
                result.row, members: Set(result.members), key: result.groupKey, in: table, rule: info)
            alert.runCount = result.runCount
            return alert
        }
    }

    private func aggregatedAlert(
        _ row: ESQLRow, members: Set<Int>, key: [ESQLValue], in table: MatchTable, rule info: AlertRule
    ) -> PendingAlert {
        let records = table.records
        let orderedMembers = members.sorted { table.readOrder($0, $1) }
        let latest = orderedMembers.last ?? 0
        let earliestKey = orderedMembers.first.map { table.identity(of: $0) } ?? ""
        // The group's keys name it; its earliest event tells it apart from the same group returned
        // again hours later by a run that shares none of its events.
        let uuid = AlertIdentity.groupUUID(
            ruleID: info.ruleID, terms: ["esql"] + key.map(\.description), memberKeys: [earliestKey])
        let time = records[latest].time
        var flat = [JSONMember(key: "@timestamp", value: .string(ECSTimestamp.format(milliseconds: time)))]
        flat += row.namedValues.compactMap { column, value in
            Self.jsonValue(of: value).map { JSONMember(key: column, value: $0) }
        }
        var alert = PendingAlert(
            uuid: uuid, rule: info, ruleIndex: ruleIndex, newTerms: nil, record: latest, time: time,
            members: orderedMembers,
            builtDocument: ECSDocument(flattened: flat, timestampMilliseconds: time, eventID: nil))
        alert.resultColumns = row.columns
        alert.runCount = 1
        return alert
    }

    /// An ES|QL value as JSON; `nil` for null, which Kibana leaves out of the alert.
    static func jsonValue(of value: ESQLValue) -> JSONValue? {
        switch value {
        case .null: return nil
        case .boolean(let flag): return .bool(flag)
        case .integer(let number): return .number(String(number))
        case .double(let number): return number.isFinite ? .number(value.description) : .string(value.description)
        case .keyword(let text), .ip(let text): return .string(text)
        case .date(let milliseconds): return .string(ECSTimestamp.format(milliseconds: milliseconds))
        case .multi(let elements): return .array(elements.compactMap(jsonValue(of:)))
        }
    }
}
