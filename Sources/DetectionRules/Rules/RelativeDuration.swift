/// A duration written in Elastic's date-math shorthand.
///
/// Accepts look-backs such as `"now-6m"`, `"now-14d"` (how far before now) and intervals such
/// as `"5m"` or `"1h"`. Units are `s`, `m`, `h`, `d` and `w`; `"now"` alone is zero.
/// Calendar units (`M`, `y`) and rounding (`/d`) are rejected: their length depends on the date,
/// and no AWS rule uses them.
public struct RelativeDuration: Sendable, Hashable, CustomStringConvertible {
    /// Why a duration could not be parsed.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The rejected text.
        public var text: String
        /// What is wrong with it.
        public var reason: String

        public var description: String { "invalid duration '\(text)': \(reason)" }
    }

    /// The text as written.
    public var text: String
    /// The length in whole seconds.
    public var seconds: Int
    /// Whether the text was relative to now (`now-…`), as opposed to a bare interval.
    public var isRelativeToNow: Bool

    /// The length in seconds, as a `Double` for date arithmetic.
    public var timeInterval: Double { Double(seconds) }

    /// Parses `now-<n><unit>`, `now` or `<n><unit>`.
    public init(parsing text: String) throws(ParseError) {
        self.text = text
        var body = Substring(text.trimmingWhitespace())
        isRelativeToNow = body.hasPrefix("now")
        if isRelativeToNow {
            body = body.dropFirst(3)
            if body.isEmpty {
                seconds = 0
                return
            }
            guard body.first == "-" else {
                throw ParseError(text: text, reason: "expected 'now-<number><unit>', e.g. 'now-6m'")
            }
            body = body.dropFirst()
        }
        guard let unit = body.last else {
            throw ParseError(text: text, reason: "expected a number and a unit, e.g. '5m'")
        }
        guard unit.isLetter else {
            throw ParseError(text: text, reason: "missing a unit after the number (use s, m, h, d or w)")
        }
        let number = body.dropLast()
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(number) else {
            throw ParseError(text: text, reason: "expected a whole number before the unit")
        }
        let unitSeconds: Int
        switch unit {
        case "s": unitSeconds = 1
        case "m": unitSeconds = 60
        case "h": unitSeconds = 3_600
        case "d": unitSeconds = 86_400
        case "w": unitSeconds = 604_800
        default:
            throw ParseError(text: text, reason: "unknown unit '\(unit)' (use s, m, h, d or w)")
        }
        let (product, overflow) = count.multipliedReportingOverflow(by: unitSeconds)
        guard !overflow else { throw ParseError(text: text, reason: "the duration is too large") }
        seconds = product
    }

    public var description: String { text }
}
