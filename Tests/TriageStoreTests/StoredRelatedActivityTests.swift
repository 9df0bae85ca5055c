import Alerts
import DetectionRules
import RelatedActivity
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
}
