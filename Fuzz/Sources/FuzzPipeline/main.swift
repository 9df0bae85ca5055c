import ConsoleUI
import DetectionEngine
import Foundation
import FuzzSupport
import TerminalGrid
import TrailTriageJSON
import TriageModel

/// The bundled rules, loaded once (the fuzzer mutates logs, not rules).
let ruleSet: RuleSet = {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let rules = RuleSet.load(paths: [root.appendingPathComponent("Assets/rules").path])
    fuzzCheck(rules.rules.count == 2 && rules.errors.isEmpty, "the bundled rules did not load: \(rules.errors)")
    return rules
}()

let scratchFile = NSTemporaryDirectory() + "trailtriage-fuzz-\(getpid()).json"

/// The whole way from a log file to what an analyst sees and hands on: scan with the bundled
/// rules, index related activity, build alert records, export case notes in both formats, and
/// render the console on every alert's detail. Nothing from the log may reach an export or the
/// screen raw, and the JSON export must stay valid JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard FileManager.default.createFile(atPath: scratchFile, contents: Data(fuzzBytes(data, size))) else {
        fuzzCheck(false, "cannot write \(scratchFile)")
        return 0
    }
    let configuration = ScanConfiguration(ruleSet: ruleSet, workerCount: 1)
    let (result, builder) = DetectionScan.run(
        paths: [scratchFile], configuration: configuration, accumulating: EventIndexBuilder.self
    )
    let index = builder.build()
    let rulesByID = Dictionary(ruleSet.rules.map { ($0.rule.ruleID, $0.rule) }) { first, _ in first }
    let records = result.alerts.map { AlertRecord(alert: $0, rule: rulesByID[$0.rule.ruleID], index: index) }
    guard !records.isEmpty else { return 0 }

    let items = records.map { CaseNotesExporter.Item(record: $0, state: .untouched, audit: []) }
    let markdown = CaseNotesExporter(format: .markdown).export(items)
    fuzzCheck(!holdsUnsafeScalar(markdown), "the Markdown export holds an unescaped control or bidi character")
    let json = CaseNotesExporter(format: .json).export(items)
    fuzzCheck((try? JSONParser.parse(json)) != nil, "the JSON export is not valid JSON")
    fuzzCheck(!holdsUnsafeScalar(json), "the JSON export holds an unescaped control or bidi character")

    let size = TerminalSize(rows: 40, columns: 120)
    var state = ConsoleState(alerts: records, analyst: "fuzz", now: 0, size: size)
    for _ in records.indices {
        for key in [KeyEvent.character("j"), .tab, .character("G"), .tab] {
            _ = state.handle(key)
            checkScreen(ConsoleRenderer.render(state, size: size))
        }
    }
    return 0
}

private func checkScreen(_ screen: ScreenBuffer) {
    for line in screen.textLines {
        fuzzCheck(!holdsUnsafeScalar(line), "the console drew a control or bidi character: \(line.debugDescription)")
    }
}

runFuzzer(fuzzPipeline)
