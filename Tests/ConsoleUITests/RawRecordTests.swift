import ConsoleTestSupport
import TerminalGrid
import Testing
import TrailTriageJSON
import TriageModel

@testable import ConsoleUI

/// `R` shows the original CloudTrail record, read again from its file, pretty-printed; when it
/// cannot be read the stored document is shown and the view says why.
@Suite struct RawRecordTests {
    /// The profile alert with the source location a scan gives every alert (record `index`).
    static func locatedConsole(
        index: Int = 3, size: TerminalSize = TerminalSize(rows: 40, columns: 120)
    ) -> ConsoleState {
        var flat = TestAlerts.profile.flatJSON
        flat["trailtriage.source.file"] = .string("logs/trail.json")
        flat["trailtriage.source.record"] = .number("\(index)")
        let record = AlertRecord(
            uuid: TestAlerts.profile.uuid, rule: TestAlerts.profile.rule, originalTime: TestAlerts.profile.originalTime,
            flatJSON: flat)
        var state = TestAlerts.console(size: size)
        state.load(alerts: [record], states: [:])
        return state
    }

    @Test func theOriginalRecordIsAskedForAndShownIndented() throws {
        var state = Self.locatedConsole()
        let effects = state.press(.key("R"))
        #expect(effects == [.readOriginalRecord(uuid: TestAlerts.profile.uuid, file: "logs/trail.json", index: 3)])
        let original = try JSONParser.parse(
            #"{"eventName":"CreateProfile","requestParameters":{"roleArns":["arn:aws:iam::1:role/A"]}}"#)
        state.didReadOriginalRecord(.success(original), uuid: TestAlerts.profile.uuid)
        guard case .raw(let rawLines)? = state.overlay, case let lines = rawLines.map(\.text) else {
            Issue.record("raw view not open")
            return
        }
        #expect(
            lines == [
                "Original CloudTrail record · logs/trail.json · record 3", "{", "  \"eventName\": \"CreateProfile\",",
                "  \"requestParameters\": {", "    \"roleArns\": [", "      \"arn:aws:iam::1:role/A\"", "    ]", "  }",
                "}",
            ])
    }

    @Test func anUnreadableOriginalFallsBackToTheStoredDocumentAndSaysWhy() {
        var state = Self.locatedConsole()
        state.press(.key("R"))
        state.didReadOriginalRecord(
            .failure(OriginalRecordFailure(reason: "no such file")), uuid: TestAlerts.profile.uuid)
        guard case .raw(let rawLines)? = state.overlay, case let lines = rawLines.map(\.text) else {
            Issue.record("raw view not open")
            return
        }
        #expect(lines.first == "The original record could not be read from logs/trail.json: no such file")
        #expect(lines.contains { $0.hasPrefix("Stored record (") })
        #expect(state.message?.kind == .warning)
    }
}
