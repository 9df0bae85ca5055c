import Alerts
import DetectionRules
import EQL

extension AlertDecider {
    /// An EQL sequence rule's alerts: for each completed sequence, one building-block alert per
    /// event and one sequence alert, sharing a group id. Events are taken in time order, ties
    /// broken by event key, as Elasticsearch orders them. `max_signals` caps sequences per run.
    func sequenceAlerts(
        _ matches: [RuleMatch], sequence: EQLSequence, in table: MatchTable, terms: CombinationTerms,
        rule info: AlertRule
    ) -> (alerts: [PendingAlert], dropped: Int) {
        let records = table.records
        let ordered = matches.sorted { lhs, rhs in
            let left = records[lhs.record]
            let right = records[rhs.record]
            if left.time != right.time { return left.time < right.time }
            return table.identity(of: lhs.record) < table.identity(of: rhs.record)
        }
        var matcher = EQLSequenceMatcher(sequence)
        var completed: [[Int]] = []
        for match in ordered {
            let key = match.combinations.first.flatMap { terms[table.combinationKeys[$0]] }
            let stages = (0..<sequence.stageCount).filter { match.stages & (1 << UInt32($0)) != 0 }
            let event = EQLSequenceMatcher.Event(time: records[match.record].time, joinKey: key, stagesMatched: stages)
            if let indices = matcher.add(event) {
                completed.append(indices.map { ordered[$0].record })
            }
        }
        var alerts: [PendingAlert] = []
        var dropped = 0
        var perRun: [Int64: Int] = [:]
        for members in completed {
            guard let last = members.last else { continue }
            let run = Self.floorDivide(records[last].time, rule.intervalMilliseconds)
            if appliesMaxSignals && rule.rule.maxSignals > 0 && perRun[run, default: 0] >= rule.rule.maxSignals {
                dropped += members.count + 1
                continue
            }
            perRun[run, default: 0] += 1
            let keys = members.map { table.identity(of: $0) }
            let groupID = AlertIdentity.groupUUID(ruleID: info.ruleID, terms: ["sequence"] + keys, memberKeys: keys)
            for (position, member) in members.enumerated() {
                var block = PendingAlert(
                    uuid: AlertIdentity.groupUUID(
                        ruleID: info.ruleID, terms: ["building-block", groupID, String(position)],
                        memberKeys: [keys[position]]),
                    rule: info, ruleIndex: ruleIndex, newTerms: nil, record: member, time: records[member].time)
                block.group = AlertGroupMembership(id: groupID, index: position)
                alerts.append(block)
            }
            var whole = PendingAlert(
                uuid: AlertIdentity.groupUUID(
                    ruleID: info.ruleID, terms: ["sequence-alert", groupID], memberKeys: keys),
                rule: info, ruleIndex: ruleIndex, newTerms: nil, record: last,
                time: records[last].time)
            whole.group = AlertGroupMembership(id: groupID, index: nil)
            whole.members = members
            whole.sharesMembersFields = true
            alerts.append(whole)
        }
        alerts.sort(by: PendingAlert.reportOrder)
        return (alerts, dropped)
    }
}
