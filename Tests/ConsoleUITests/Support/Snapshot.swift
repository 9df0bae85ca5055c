import Foundation
import TerminalGrid
import Testing

/// Compares a rendered screen with `Snapshots/<name>.txt`. A missing file, or
/// `RECORD_SNAPSHOTS=1`, writes the file and fails, so a recording never passes silently.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = framed(buffer)
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name + ".txt")
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? text.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded snapshot \(name); check it and run again", sourceLocation: sourceLocation)
        return
    }
    if expected != text {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let old = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
            let new = index < actualLines.count ? String(actualLines[index]) : "<none>"
            if old != new { diff.append("line \(index):\n  - \(old)\n  + \(new)") }
        }
        let shown = diff.prefix(10).joined(separator: "\n")
        Issue.record("Snapshot \(name) differs:\n\(shown)", sourceLocation: sourceLocation)
    }
}

/// The screen between two rulers, so trailing blank rows and the width are visible in review.
func framed(_ buffer: ScreenBuffer) -> String {
    let ruler = "+" + String(repeating: "-", count: buffer.size.columns) + "+"
    return ([ruler] + buffer.textLines.map { "|" + $0 } + [ruler]).joined(separator: "\n") + "\n"
}
