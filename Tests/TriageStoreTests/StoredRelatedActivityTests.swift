import Alerts
import DetectionRules
import RelatedActivity
import TestSupport
import Testing
import TrailTriageJSON

@testable import TriageModel
@testable import TriageStore

/// A busy actor can have thousands of related events; the stored case file keeps the ones that
/// matter and says how many there were.
@Suite struct StoredRelatedActivityTests {
    @Test func storageKeepsFollowUpsAndTheNearestEventsUpToTheLimit() throws {
        let alertTime: Int64 = 1_000_000_000
        var related: [RelatedEvent] = []
        for number in 0..<1_000 {
            let action = number == 7 ? "CreateAccessKey" : "GetObject"
            let event = EventSummary(
                time: alertTime - 500_000 + Int64(number) * 1_000, eventID: "e\(number)", provider: "s3.amazonaws.com",
                action: action)
            related.append(
                RelatedEvent(event: event, relation: .sameARN, isFollowUp: number == 7, isAlertEvent: number == 500))
        }
        let record = AlertRecord(
            uuid: "u", rule: AlertRule(ruleID: "r", name: "R", type: .query, severity: .low, riskScore: 21),
            originalTime: alertTime, flatJSON: [:], relatedActivity: related)
        let kept = record.caseFileRelatedActivity
        #expect(kept.count == AlertRecord.caseFileRelatedLimit)
        #expect(kept.contains { $0.isFollowUp }, "a follow-up far from the alert is kept")
        #expect(kept.contains { $0.isAlertEvent })
        #expect(kept.map(\.event.time) == kept.map(\.event.time).sorted())
        // The rest are the nearest to the alert: nothing kept is farther than anything dropped.
        let farthestKept = kept.filter { !$0.isFollowUp }.map { abs($0.event.time - alertTime) }.max() ?? 0
        #expect(farthestKept <= 100_000)
        let stored = try #require(record.storageJSON.objectValue)
        #expect(stored["related_total"] == .number("1000"))
    }

    private static func record(target: String) -> AlertRecord {
        let event = EventSummary(
            time: 1_000, eventID: "e1", provider: "iam.amazonaws.com", action: "AttachRolePolicy",
            actorARN: "arn:alice", target: target)
        return AlertRecord(
            uuid: "u-target", rule: AlertRule(ruleID: "r", name: "R", type: .query, severity: .low, riskScore: 21),
            originalTime: 1_000, flatJSON: [:],
            relatedActivity: [RelatedEvent(event: event, relation: .sameARN, isFollowUp: false, isAlertEvent: true)])
    }

    @Test func theTargetIsStoredWithTheRelatedEvents() throws {
        let directory = try ScratchDirectory()
        let store = try TriageStore(path: directory.file("state.sqlite"))
        try store.save([Self.record(target: "partner-admin")])
        let read = try TriageStore(path: directory.file("state.sqlite")).records()
        #expect(read.first?.relatedActivity.map(\.event.target) == ["partner-admin"])
    }

    /// A database written before the target existed holds events without it: it still opens,
    /// and those events read back with no target.
    @Test func aDatabaseFromBeforeTheTargetStillOpens() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        let store = try TriageStore(path: path)
        try store.save([Self.record(target: "partner-admin")])
        // Rewritten as the old code wrote it: no target member at all.
        try store.connection.execute(
            #"UPDATE alerts SET record = replace(record, ',"target":"partner-admin"', '')"#)
        let statement = try store.connection.prepare("SELECT record FROM alerts")
        #expect(try statement.step())
        let old = try #require(statement.text(at: 0))
        #expect(!old.contains(#""target""#))
        #expect(old.contains(#""action":"AttachRolePolicy""#))
        let read = try TriageStore(path: path).records()
        #expect(read.count == 1)
        #expect(read.first?.relatedActivity.map(\.event.target) == [""])
        #expect(read.first?.relatedActivity.map(\.event.action) == ["AttachRolePolicy"])
    }
}
