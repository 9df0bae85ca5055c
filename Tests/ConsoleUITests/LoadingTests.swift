import Alerts
import ConsoleTestSupport
import DetectionEngine
import TerminalGrid
import Testing
import TrailTriageJSON
import TriageModel

@testable import ConsoleUI

/// While a scan runs the console lists the query-rule alerts it has found so far; the decided
/// list replaces them, and related activity fills in after that. Triage must work as soon as
/// the decided list is there, and nothing provisional may be triaged.
@Suite struct LoadingTests {
    static let wide = TerminalSize(rows: 40, columns: 160)

    /// The row a scan streams for `record` as its file finishes.
    static func provisional(_ record: AlertRecord) -> ProvisionalAlert {
        ProvisionalAlert(
            uuid: record.uuid, rule: record.rule, time: record.originalTime,
            actor: record.flatJSON["aws.cloudtrail.user_identity.arn"]?.stringValue ?? "", action: record.action,
            account: record.flatJSON["cloud.account.id"]?.stringValue ?? "",
            region: record.flatJSON["cloud.region"]?.stringValue ?? "")
    }

    /// A record as the console has it before the related-activity index is built.
    static func unrelated(_ record: AlertRecord) -> AlertRecord {
        var copy = record
        copy.relatedActivity = []
        copy.trustAnchors = []
        copy.firstSeen = nil
        return copy
    }

    @Test func provisionalRowsAreReplacedByTheDecidedListKeepingTheSelection() {
        var state = ConsoleState(analyst: "analyst1", now: 1_773_400_000_000, size: Self.wide)
        state.progress = LoadingProgress(files: 1, filesTotal: 4, records: 900)
        state.showProvisional([Self.provisional(TestAlerts.hostile)], states: [:])
        // The same event in a later file (a re-delivery) is listed once.
        state.showProvisional(
            [Self.provisional(TestAlerts.profile), Self.provisional(TestAlerts.hostile)], states: [:])
        #expect(state.isProvisional)
        #expect(state.visible.map { state.alerts[$0].uuid } == [TestAlerts.profile.uuid, TestAlerts.hostile.uuid])
        #expect(state.screen[0].contains("loading: 1 of 4 files, 900 records read · 2 of 2 alerts so far"))
        #expect(state.screen[3].contains("CreateUser"), "\(state.screen[3])")
        // Account and region make room for the rest at this width; scrolled right they show.
        for _ in 0..<20 { state.press(.right) }
        #expect(state.screen[3].contains("111122223333/us-east-1"), "\(state.screen[3])")
        for _ in 0..<20 { state.press(.left) }

        state.press(.down)
        #expect(state.selectedRecord?.uuid == TestAlerts.hostile.uuid)
        #expect(state.screen.contains { $0.contains("Provisional: the scan is still reading files") })
        // Nothing provisional is triaged: the decided list may still drop or renumber it.
        #expect(state.press(.key("r")).isEmpty)
        #expect(state.message?.text.contains("provisional") == true)

        // The decided list has alerts the stream never showed (new_terms, other files): the
        // selected alert moves down the list, and stays selected.
        state.progress = nil
        state.load(alerts: TestAlerts.all.map(Self.unrelated), states: [:])
        #expect(!state.isProvisional)
        #expect(state.alerts.count == 4)
        #expect(state.selectedRecord?.uuid == TestAlerts.hostile.uuid)
        #expect(state.selection == 3)
        #expect(state.screen[0].contains("4 of 4 alerts"))
        #expect(!state.screen.contains { $0.contains("Provisional") })
        // Rows streamed after the decided list came in are too late and are left out.
        state.showProvisional([Self.provisional(TestAlerts.many(1)[0])], states: [:])
        #expect(state.alerts.count == 4)
    }

    @Test func provisionalRowsShowStoredTriage() {
        var state = ConsoleState(analyst: "analyst1", now: 0, size: Self.wide)
        let closed = TriageState(status: .closed, disposition: .falsePositive)
        state.showProvisional([Self.provisional(TestAlerts.profile)], states: [TestAlerts.profile.uuid: closed])
        #expect(state.screen[2].contains("closed FP"))
    }

    @Test func triageWorksWhileRelatedActivityIsIndexed() {
        var state = ConsoleState(
            alerts: TestAlerts.all.map(Self.unrelated), analyst: "analyst1", now: 1_773_400_000_000, size: Self.wide)
        state.isIndexingRelatedActivity = true
        #expect(state.selectedRecord?.uuid == TestAlerts.profile.uuid)
        #expect(state.screen[0].contains("related activity: indexing…"))
        #expect(state.screen.contains { $0.contains("related activity: indexing… (A shows it when ready)") })

        let effects = state.press(.key("r"))
        #expect(effects.count == 1)
        state.commit(effects)
        #expect(state.selectedState?.reviewed == true)
        state.commit(state.press(.key("a")))
        #expect(state.selectedState?.status == .acknowledged)

        state.press(.key("A"))
        let waiting = state.screen
        #expect(waiting.contains { $0.contains("related activity: indexing…") })
        #expect(!waiting.contains { $0.contains("CreateTrustAnchor") })
        // An export now would leave related activity out, so it waits.
        state.press(.escape, .key("e"))
        #expect(state.prompt == nil)
        #expect(state.message?.text.contains("indexing") == true)

        state.didIndexRelatedActivity(TestAlerts.all)
        #expect(!state.isIndexingRelatedActivity)
        #expect(state.selectedState?.reviewed == true && state.selectedState?.status == .acknowledged)
        #expect(state.selectedRecord?.uuid == TestAlerts.profile.uuid)
        state.press(.key("A"))
        let related = state.screen
        #expect(related.contains { $0.contains("CreateTrustAnchor") })
        #expect(!related.contains { $0.contains("indexing") })
    }

    @Test func theHeaderSaysWhatLoadingIsDoing() {
        var state = ConsoleState(analyst: "analyst1", now: 0, size: Self.wide)
        state.progress = LoadingProgress(files: 0, filesTotal: 1, records: 0)
        #expect(state.screen[0].contains("loading: 0 of 1 file, 0 records read"))
        #expect(!state.screen[0].contains("alerts so far"))
        state.progress = LoadingProgress(files: 40, filesTotal: 40, records: 20_000, isDeciding: true)
        #expect(state.screen[0].contains("loading: deciding alerts (40 of 40 files, 20000 records read)"))
        // Matches are not alerts: the header never counts them as such.
        #expect(!state.screen[0].contains("alerts found"))
    }
}
