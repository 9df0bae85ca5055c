import Alerts
import RelatedActivity
import TestSupport
import Testing
import TriageModel
import TriageTestSupport

@testable import TriageStore

/// A group alert read back from the store knows its shape, and its stored related activity is
/// still its own events.
@Suite struct StoredAlertShapeTests {
    @Test func everyShapeSurvivesReopening() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("state.sqlite")
        let alerts =
            [GroupAlerts.threshold, GroupAlerts.sequence, GroupAlerts.aggregation] + GroupAlerts.buildingBlocks
        let records = alerts.map { GroupAlerts.record($0) }
        do {
            let store = try TriageStore(path: path)
            try store.save(records)
        }
        let reopened = try TriageStore(path: path)
        for record in records {
            let stored = try #require(try reopened.record(uuid: record.uuid))
            #expect(stored.shape == record.shape, "\(record.uuid)")
            #expect(stored.members.map(\.eventKey) == record.members.map(\.eventKey), "\(record.uuid)")
            #expect(stored.members.map(\.time) == record.members.map(\.time), "\(record.uuid)")
            #expect(stored.relatedActivity == record.relatedActivity, "\(record.uuid)")
            #expect(stored.actorText == record.actorText, "\(record.uuid)")
            #expect(stored.actionText == record.actionText, "\(record.uuid)")
        }
        let threshold = try #require(try reopened.record(uuid: GroupAlerts.threshold.uuid))
        #expect(threshold.relatedActivity.allSatisfy { $0.relation == .member })
    }
}
