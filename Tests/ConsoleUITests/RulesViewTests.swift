import ConsoleTestSupport
import DetectionRules
import TerminalGrid
import Testing
import TriageModel

@testable import ConsoleUI

/// The rules view lists every loaded rule, and the header says when some did not run.
@Suite struct RulesViewTests {
    static let rules = [
        RuleStatus(
            ruleID: "a", name: "AWS IAM Roles Anywhere Profile Creation", type: .query, severity: .low, run: .ran,
            alerts: 3),
        RuleStatus(
            ruleID: "b", name: "Root Brute Force", type: .threshold, severity: .high,
            run: .ranWithoutData(["reads source.geo.country_name, which needs a GeoIP database"]), alerts: 0),
        RuleStatus(
            ruleID: "c", name: "Spike in AWS Error Messages", type: .machineLearning, severity: .low,
            run: .notRun("machine learning rules need Elastic's anomaly detection jobs")),
        RuleStatus(
            ruleID: "d", name: "Rapid Bucket Posture Calls", type: .esql, severity: .medium,
            run: .notRun("rule type esql is not supported yet")),
    ]

    static func console(rules: [RuleStatus] = rules, loadErrors: [String] = []) -> ConsoleState {
        var state = TestAlerts.console(size: TerminalSize(rows: 40, columns: 120))
        state.rules = rules
        state.ruleLoadErrors = loadErrors
        return state
    }

    @Test func headerSaysHowManyRulesDidNotRun() {
        #expect(Self.console().screen[0].contains("2 rules not run — L for rules"))
        #expect(
            Self.console(loadErrors: ["x.toml: bad TOML at line 3, column 1"]).screen[0].contains("3 rules not run"))
        let allRan = Self.console(rules: [Self.rules[0]])
        #expect(!allRan.screen[0].contains("not run"))
    }

    @Test func rulesViewListsEveryRuleWithItsRunAndAlerts() {
        var state = Self.console(loadErrors: ["broken.toml: unexpected '=' at line 4, column 9"])
        state.press(.key("L"))
        #expect(state.overlay == .rules)
        let screen = state.screen
        let text = screen.joined(separator: "\n")
        #expect(text.contains("4 rules loaded: 2 ran (1 without some of their data), 2 not run; 1 did not load"))
        func row(_ name: String) -> String? { screen.first { $0.contains(name) } }
        #expect(row("AWS IAM Roles Anywhere Profile Creation")?.contains("query            yes    3") == true)
        #expect(row("Root Brute Force")?.contains("threshold        partly 0") == true)
        #expect(row("Spike in AWS Error Messages")?.contains("machine_learning no     —") == true)
        #expect(row("Rapid Bucket Posture Calls")?.contains("esql             no     —") == true)
        // Rules that did not run first, then those without some data, then the rest.
        let order = [
            "Spike in AWS Error Messages", "Rapid Bucket Posture Calls", "Root Brute Force", "Profile Creation",
        ]
        let positions = order.map { name in screen.firstIndex { $0.contains(name) } ?? -1 }
        #expect(positions == positions.sorted() && !positions.contains(-1), "\(positions)")
        // Each reason sits under its rule.
        #expect(text.contains("↳ reads source.geo.country_name, which needs a GeoIP database"))
        #expect(text.contains("↳ machine learning rules need Elastic's anomaly detection jobs"))
        #expect(text.contains("↳ rule type esql is not supported yet"))
        #expect(text.contains("broken.toml: unexpected '=' at line 4, column 9"))
        // Esc closes it, as every view.
        state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test func countsWaitForTheScan() {
        var state = Self.console(rules: [
            RuleStatus(ruleID: "a", name: "Still Scanning", type: .query, severity: .low, run: .ran)
        ])
        state.progress = LoadingProgress(files: 1, filesTotal: 4)
        state.press(.key("L"))
        let text = state.screen.joined(separator: "\n")
        #expect(text.contains("alert counts follow once the scan has decided"))
        #expect(state.screen.first { $0.contains("Still Scanning") }?.contains("yes    …") == true)
    }

    @Test func rulesKeyIsInTheHelpAndTheHints() {
        #expect(Keymap.standard.command(for: .character("L"), in: [.list, .global]) == .showRules)
        #expect(Keymap.standard.helpLines().contains { $0.hasPrefix("  L") && $0.contains("loaded rules") })
        #expect(Keymap.standard.hints(for: [.list, .global]).contains("L:rules"))
    }
}
