import Testing

@testable import DetectionRules

@Suite("Relative durations")
struct RelativeDurationTests {
    @Test(arguments: [
        ("now-14d", 14 * 86_400, true),
        ("now-6m", 360, true),
        ("now-1h", 3_600, true),
        ("now-30s", 30, true),
        ("now-2w", 2 * 604_800, true),
        ("now", 0, true),
        ("5m", 300, false),
        ("1h", 3_600, false),
        ("10d", 864_000, false),
    ])
    func parses(text: String, seconds: Int, relative: Bool) throws {
        let duration = try RelativeDuration(parsing: text)
        #expect(duration.seconds == seconds)
        #expect(duration.timeInterval == Double(seconds))
        #expect(duration.isRelativeToNow == relative)
        #expect(duration.description == text)
    }

    @Test(arguments: [
        ("now+5m", "expected 'now-<number><unit>'"),
        ("now-", "expected a number and a unit"),
        ("now-5", "missing a unit"),
        ("5y", "unknown unit 'y'"),
        ("now-1M", "unknown unit 'M'"),
        ("m", "whole number"),
        ("now-1.5h", "whole number"),
        ("", "expected a number and a unit"),
        ("now-99999999999999999w", "too large"),
        ("now-999999999999999999999d", "whole number"),
    ])
    func rejects(text: String, fragment: String) {
        #expect {
            try RelativeDuration(parsing: text)
        } throws: { error in
            guard let error = error as? RelativeDuration.ParseError else { return false }
            return error.text == text && error.reason.contains(fragment)
                && error.description.hasPrefix("invalid duration '\(text)'")
        }
    }
}
