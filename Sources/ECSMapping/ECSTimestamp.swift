/// Timestamp parsing and formatting for CloudTrail times, without Foundation.
///
/// `DateFormatter` and `ISO8601DateFormatter` are far too slow for millions of records, and
/// CloudTrail only ever writes a handful of ISO 8601 shapes, so the calendar arithmetic is done
/// here directly (proleptic Gregorian, UTC).
public enum ECSTimestamp {
    /// Parses an ISO 8601 time to epoch milliseconds (UTC).
    ///
    /// Accepted shapes:
    /// - extended: `2014-03-24T21:11:59Z`, with optional fractional seconds of any length
    ///   (truncated to milliseconds, as Elasticsearch's millisecond format does), optional
    ///   seconds, and a zone of `Z`, `±HH:MM`, `±HHMM` or `±HH` (no zone means UTC);
    /// - basic: `20131102T010628Z` (used by STS for `creationDate`), same fraction and zone rules;
    /// - a bare date `2014-03-24` (midnight UTC).
    ///
    /// Returns `nil` for anything else, including out-of-range fields such as month 13.
    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Parses UTF-8 bytes, as ``parse(_:)-(String)`` does, without making a `String` first.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var scanner = TimestampScanner(bytes: bytes)
        return scanner.parse()
    }

    /// Formats epoch milliseconds as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public static func format(milliseconds: Int64) -> String {
        let (days, msOfDay) = floorDivide(milliseconds, 86_400_000)
        let (year, month, day) = civilDate(fromDays: days)
        let hour = msOfDay / 3_600_000
        let minute = (msOfDay / 60_000) % 60
        let second = (msOfDay / 1000) % 60
        let millis = msOfDay % 1000

        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        if year < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(abs(year), width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(hour, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(minute, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(second, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(millis, width: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Calendar arithmetic (Howard Hinnant's days-from-civil algorithms)

    /// Days since 1970-01-01 of a proleptic Gregorian date (month 1–12).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (negative for earlier dates).
    public static func civilDate(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` (1–12) of `year`.
    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    private static func appendDigits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        // Written in place, most significant digit first, with no temporary buffer: this runs
        // several times per record.
        var count = 1
        var divisor: Int64 = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            divisor *= 10
            rest /= 10
        }
        if count < width {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - count))
        }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
            divisor /= 10
        }
    }
}

/// A one-shot cursor over the UTF-8 bytes of a timestamp.
private struct TimestampScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parse() -> Int64? {
        guard let year = number(digits: 4) else { return nil }
        // A dash right after the year selects the extended format; a digit selects basic.
        let extended = peek() == UInt8(ascii: "-")
        if extended { position += 1 }
        guard let month = number(digits: 2) else { return nil }
        if extended {
            guard consume(UInt8(ascii: "-")) else { return nil }
        }
        guard let day = number(digits: 2) else { return nil }
        guard (1...12).contains(month), day >= 1,
            day <= ECSTimestamp.daysInMonth(year: year, month: month)
        else { return nil }

        var hour: Int64 = 0
        var minute: Int64 = 0
        var second: Int64 = 0
        var millis: Int64 = 0
        var offsetMinutes: Int64 = 0

        if position < bytes.count {
            guard let separator = peek(),
                separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            else { return nil }
            position += 1
            guard let h = number(digits: 2) else { return nil }
            hour = h
            if extended {
                guard consume(UInt8(ascii: ":")) else { return nil }
            }
            guard let m = number(digits: 2) else { return nil }
            minute = m
            // Seconds are optional in ISO 8601 ("2014-03-24T21:11Z").
            let hasSeconds = extended ? peek() == UInt8(ascii: ":") : isDigit(peek())
            if hasSeconds {
                if extended { position += 1 }
                guard let s = number(digits: 2) else { return nil }
                second = s
                if peek() == UInt8(ascii: ".") || peek() == UInt8(ascii: ",") {
                    position += 1
                    guard let fraction = fractionMillis() else { return nil }
                    millis = fraction
                }
            }
            guard hour <= 23, minute <= 59, second <= 59 else { return nil }
            if position < bytes.count {
                guard let offset = zoneOffsetMinutes() else { return nil }
                offsetMinutes = offset
            }
        }
        guard position == bytes.count else { return nil }

        let days = ECSTimestamp.days(year: year, month: month, day: day)
        let secondsOfDay = hour * 3600 + minute * 60 + second - offsetMinutes * 60
        return (days * 86_400 + secondsOfDay) * 1000 + millis
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Exactly `digits` decimal digits.
    private mutating func number(digits: Int) -> Int64? {
        guard position + digits <= bytes.count else { return nil }
        var value: Int64 = 0
        for _ in 0..<digits {
            let byte = bytes[position]
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            position += 1
        }
        return value
    }

    /// One or more fraction digits, truncated to milliseconds.
    private mutating func fractionMillis() -> Int64? {
        var count = 0
        var millis: Int64 = 0
        while isDigit(peek()) {
            if count < 3 {
                millis = millis * 10 + Int64(bytes[position] - UInt8(ascii: "0"))
            }
            count += 1
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 3) { millis *= 10 }
        return millis
    }

    /// `Z`, `±HH`, `±HHMM` or `±HH:MM`, as minutes east of UTC.
    private mutating func zoneOffsetMinutes() -> Int64? {
        guard let byte = peek() else { return nil }
        if byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "z") {
            position += 1
            return 0
        }
        guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else { return nil }
        position += 1
        guard let hours = number(digits: 2) else { return nil }
        var minutes: Int64 = 0
        if position < bytes.count {
            _ = consume(UInt8(ascii: ":"))
            guard let m = number(digits: 2) else { return nil }
            minutes = m
        }
        guard hours <= 23, minutes <= 59 else { return nil }
        let total = hours * 60 + minutes
        return byte == UInt8(ascii: "-") ? -total : total
    }
}
