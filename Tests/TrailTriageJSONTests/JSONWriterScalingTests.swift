import Foundation
import Testing
import TrailTriageJSON

/// A hostile log field can be megabytes of characters that all need escaping; writing it must
/// cost time in proportion to its size, or one record stalls an export or the console's load.
@Suite struct JSONWriterScalingTests {
    /// CPU time of the calling thread, so the bound holds on a loaded machine.
    static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    // The limit turns the old quadratic writer (hours for this input) into a failure, not a hang.
    @Test(.timeLimit(.minutes(1)))
    func tenMegabytesOfEscapesIsWrittenInLinearTime() throws {
        // Controls, quotes, a bidi override and plain text: 10 MB, half of the scalars escaped.
        let unit = "a\u{01}b\"c\u{202E}de\\\u{1B}"
        let value = String(repeating: unit, count: 10_000_000 / unit.utf8.count)
        let object = JSONValue.object(["userAgent": .string(value), "eventName": .string("CreateUser")])
        let started = Self.threadSeconds()
        let text = object.jsonText
        let seconds = Self.threadSeconds() - started
        // About 0.5 s of CPU in a debug build on a quiet machine, and 1 s when the rest of the suite
        // shares its cores; the old quadratic writer took hours, so 5 s tells them apart safely.
        #expect(seconds < 5, "writing took \(seconds) s of CPU")
        let escapedUnit = #"a\u0001b\"c\u202Ede\\\u001B"#
        #expect(text.hasPrefix(#"{"userAgent":""# + escapedUnit + escapedUnit))
        #expect(text.utf8.count == value.utf8.count / unit.utf8.count * escapedUnit.utf8.count + 41)
    }

    @Test func escapedTextRoundTripsIncludingCharactersOutsideTheBMP() throws {
        // A tag character (U+E0041) must be escaped as a surrogate pair to stay valid JSON.
        let hostile = "é日本\u{E0041}\u{1F600}\u{9F}\u{2028}end"
        let text = JSONValue.string(hostile).jsonText
        #expect(text == #""é日本\uDB40\uDC41😀\u009F\u2028end""#)
        #expect(try JSONParser.parse(text) == .string(hostile))
    }

    @Test func bytesAndStringAgree() {
        let value: JSONValue = .object(["k\"": .array([.string("a\nb"), .number("1"), .null, .bool(true)])])
        #expect(String(decoding: JSONWriter(pretty: true).bytes(from: value), as: UTF8.self) == value.prettyJSONText)
    }
}
