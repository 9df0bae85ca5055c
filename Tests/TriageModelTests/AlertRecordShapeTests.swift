import Alerts
import CloudTrailReader
import ECSMapping
import RelatedActivity
import Testing
import TrailTriageJSON
import TriageModel
import TriageTestSupport

/// A record knows what its alert is about from the flat form the store keeps, and a group
/// alert's related activity is its own events.
@Suite struct AlertRecordShapeTests {
    /// What identifies a member again (the flat form keeps no byte offset).
    func places(_ members: [AlertMember]) -> [String] {
        members.map { "\($0.eventKey)@\($0.time) \($0.location.file)#\($0.location.index)/\($0.location.line ?? -1)" }
    }

    @Test func thresholdShapeSurvivesTheStore() {
        let scanned = GroupAlerts.record(GroupAlerts.threshold)
        let stored = GroupAlerts.stored(scanned)
        for record in [scanned, stored] {
            guard case .threshold(let result) = record.shape else {
                Issue.record("not a threshold record: \(record.shape)")
                continue
            }
            #expect(result.terms == [.init(field: "cloud.account.id", value: "111122223333")])
            #expect(result.count == 4)
            #expect(result.fromMilliseconds == GroupAlerts.failures[0].timestampMilliseconds)
            #expect(result.cardinality == [.init(field: "source.ip", value: 1)])
            #expect(record.isGroupAlert)
            #expect(!record.isBuildingBlock)
        }
        #expect(places(stored.members) == places(GroupAlerts.threshold.members))
        #expect(stored.members.map(\.eventKey) == ["fail-0", "fail-1", "fail-2", "fail-3"])
    }

    @Test func sequenceAndBuildingBlockShapesSurviveTheStore() {
        let sequence = GroupAlerts.stored(GroupAlerts.record(GroupAlerts.sequence))
        #expect(sequence.shape == .sequence(groupID: "seq-group-1"))
        #expect(sequence.members.map(\.eventKey) == ["ra-related-anchor", "ra-tp-profile"])
        let block = GroupAlerts.stored(GroupAlerts.record(GroupAlerts.buildingBlocks[1]))
        #expect(block.shape == .buildingBlock(groupID: "seq-group-1", index: 1))
        #expect(block.isBuildingBlock)
        #expect(!block.isGroupAlert)
    }

    @Test func aggregationShapeKeepsTheColumnOrder() {
        let stored = GroupAlerts.stored(GroupAlerts.record(GroupAlerts.aggregation))
        #expect(stored.shape == .aggregation(columns: GroupAlerts.aggregationColumns))
        #expect(stored.columnValues("Esql.source_ip_values") == ["198.51.100.9", "198.51.100.10"])
        #expect(stored.columnValues("Esql.event_count") == ["4"])
        #expect(stored.columnValues("Esql.not_returned").isEmpty)
    }

    @Test func oneEventAlertHasTheEventShape() {
        let record = GroupAlerts.stored(GroupAlerts.record(GroupAlerts.buildingBlocks[0]).withoutGroup)
        #expect(record.shape == .event)
        #expect(record.members.isEmpty)
        #expect(record.threshold == nil)
        #expect(record.resultColumns.isEmpty)
    }

    @Test func groupRelatedActivityIsItsMembersInTimeOrder() {
        // Members named out of time order, and only three of the actor's four sign-ins: the
        // actor's ±24 h window would list all four.
        var alert = GroupAlerts.threshold
        alert.members = [alert.members[2], alert.members[0], alert.members[1]]
        let record = GroupAlerts.record(alert)
        #expect(record.relatedActivity.map(\.event.eventID) == ["fail-0", "fail-1", "fail-2"])
        #expect(record.relatedActivity.allSatisfy { $0.relation == .member && $0.isAlertEvent })
        #expect(record.relatedActivity.first?.relation.label == "member")

        // A record read back from the store relates the same way.
        var stored = GroupAlerts.stored(record)
        stored.relate(EventSummary(document: stored.document), in: GroupAlerts.index)
        #expect(stored.relatedActivity == record.relatedActivity)
    }

    @Test func oneEventRelatedActivityIsStillTheActorsWindow() {
        // A building block is about one event: its related activity is alice's window.
        let record = GroupAlerts.record(GroupAlerts.buildingBlocks[1])
        #expect(record.relatedActivity.map(\.event.eventID) == ["ra-related-anchor", "ra-tp-profile"])
        #expect(record.relatedActivity.map(\.isAlertEvent) == [false, true])
        #expect(record.relatedActivity.allSatisfy { !$0.relation.contains(.member) })
        #expect(record.trustAnchors.count == 1)
    }

    @Test func groupAlertTakesActorAndActionFromItsEvents() {
        // The threshold document holds only the account; its events agree on actor and action.
        let threshold = GroupAlerts.record(GroupAlerts.threshold)
        #expect(threshold.flatJSON["event.action"] == nil)
        #expect(threshold.actorText == "arn:aws:iam::111122223333:root")
        #expect(threshold.actionText == "ConsoleLogin")
        #expect(threshold.firstSeen?.eventID == "fail-0")

        // A sequence's action is its steps, in order.
        let sequence = GroupAlerts.record(GroupAlerts.sequence)
        #expect(sequence.actionText == "CreateTrustAnchor → CreateProfile")
        #expect(sequence.actorText == "arn:aws:iam::111122223333:user/alice")

        // Before related activity is in, nothing is made up.
        let unindexed = AlertRecord(
            alert: GroupAlerts.threshold, guide: GroupAlerts.record(GroupAlerts.threshold).guide, mitre: [], index: nil)
        #expect(unindexed.actorText == nil)
        #expect(unindexed.actionText == nil)
    }

    @Test func aggregationTakesActorAndActionFromItsColumns() {
        let record = GroupAlerts.stored(GroupAlerts.record(GroupAlerts.aggregation))
        #expect(record.actorText == "arn:aws:iam::111122223333:root")
        #expect(record.actionText == "ConsoleLogin")

        // A user name column stands in when no ARN column is returned.
        var alert = GroupAlerts.aggregation
        alert.resultColumns = ["Esql.user_name_values", "Esql.event_count"]
        var flat = alert.flatJSON
        flat["Esql.user_name_values"] = .array([.string("alice"), .string("bob")])
        let named = AlertRecord(uuid: "named", rule: alert.rule, originalTime: alert.originalTime, flatJSON: flat)
        #expect(named.actorText == "alice, bob")
    }
}

extension AlertRecord {
    fileprivate var withoutGroup: AlertRecord {
        var flat = flatJSON
        flat.members.removeAll {
            $0.key.hasPrefix("kibana.alert.group.") || $0.key == "kibana.alert.building_block_type"
        }
        return AlertRecord(uuid: uuid, rule: rule, originalTime: originalTime, flatJSON: flat)
    }
}
