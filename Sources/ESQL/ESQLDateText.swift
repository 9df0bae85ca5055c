/// Reading and writing the ISO 8601 timestamps ECS documents carry, as epoch milliseconds in UTC.
///
/// Written out here rather than with Foundation's formatters: every `@timestamp` of every row goes
/// through it, and the civil-date arithmetic is a few lines.
enum ESQLDateText {
    /// Parses `yyyy-MM-dd`, optionally followed by `THH:mm[:ss[.fraction]]` and `Z` or `±hh[:]mm`.
    /// Without a zone the time is UTC, as in Elasticsearch's default date format.
    static func milliseconds(from text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int64? {
            guard index + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for offset in 0..<width {
                let byte = bytes[index + offset]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            index += width
            return value
        }
        func accept(_ character: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), accept(0x2D), let month = number(2), accept(0x2D), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var milliseconds = days(year: year, month: month, day: day) * 86_400_000
        guard index < bytes.count else { return milliseconds }
        guard accept(0x54) || accept(0x20), let hour = number(2), accept(0x3A), let minute = number(2),
            hour < 24, minute < 60
        else { return nil }
        milliseconds += (hour * 60 + minute) * 60_000
        if accept(0x3A) {
            guard let second = number(2), second < 61 else { return nil }
            milliseconds += second * 1000
            if accept(0x2E) || accept(0x2C) {
                var digits = 0
                var fraction: Int64 = 0
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    if digits < 3 { fraction = fraction * 10 + Int64(bytes[index] - 0x30) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 3) { fraction *= 10 }
                milliseconds += fraction
            }
        }
        if accept(0x5A) || index == bytes.count {
            return index == bytes.count ? milliseconds : nil
        }
        let sign: Int64
        if accept(0x2B) {
            sign = 1
        } else if accept(0x2D) {
            sign = -1
        } else {
            return nil
        }
        guard let zoneHour = number(2) else { return nil }
        _ = accept(0x3A)
        let zoneMinute = number(2) ?? 0
        guard index == bytes.count else { return nil }
        return milliseconds - sign * (zoneHour * 60 + zoneMinute) * 60_000
    }

    /// `2024-05-01T12:00:00.000Z`, the form ES|QL prints dates in.
    static func iso8601(_ milliseconds: Int64) -> String {
        let dayNumber = floorDivide(milliseconds, 86_400_000)
        let withinDay = milliseconds - dayNumber * 86_400_000
        let (year, month, day) = civil(days: dayNumber)
        let hour = withinDay / 3_600_000
        let minute = withinDay / 60_000 % 60
        let second = withinDay / 1000 % 60
        let millisecond = withinDay % 1000
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):"
            + "\(pad(second, 2)).\(pad(millisecond, 3))Z"
    }

    /// Division rounding towards negative infinity, so that times before 1970 fall in the right bucket.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(year:month:day:)`.
    private static func civil(days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
