import ECSMapping

/// Calendar arithmetic on Unix seconds, in UTC only.
///
/// Foundation's `Date` and formatters are avoided: they are slower, and the generator must never
/// read the clock or depend on the host's locale or time zone.
enum UTCTime {
    static let secondsPerDay: Int64 = 86_400

    /// Seconds since 1970-01-01 for a `YYYY-MM-DD` string, or `nil` when it is not a valid date.
    static func parseDate(_ text: String) -> Int64? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
            (1...12).contains(month), (1...ECSTimestamp.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        return ECSTimestamp.days(year: year, month: month, day: day) * secondsPerDay
    }

    struct Components {
        var year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64
    }

    static func components(_ seconds: Int64) -> Components {
        let days = dayNumber(seconds)
        let remainder = seconds - days * secondsPerDay
        let (year, month, day) = ECSTimestamp.civilDate(fromDays: days)
        return Components(
            year: year, month: month, day: day,
            hour: remainder / 3600, minute: remainder % 3600 / 60, second: remainder % 60
        )
    }

    /// `2026-10-01T09:14:02Z`, the form of `eventTime`.
    static func iso8601(_ seconds: Int64) -> String {
        let c = components(seconds)
        return "\(c.year)-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    /// `2026-10-01T09:14:02.123456789Z`, the nanosecond form Roles Anywhere responses use.
    static func iso8601Nanos(_ seconds: Int64, nanos: Int) -> String {
        let c = components(seconds)
        var fraction = String(nanos)
        fraction = String(repeating: "0", count: max(0, 9 - fraction.count)) + fraction
        return "\(c.year)-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)).\(fraction)Z"
    }

    /// `20261001T0915Z`, the stamp in CloudTrail object names.
    static func fileStamp(_ seconds: Int64) -> String {
        let c = components(seconds)
        return "\(c.year)\(pad(c.month))\(pad(c.day))T\(pad(c.hour))\(pad(c.minute))Z"
    }

    /// `2026/10/01`, the date folders of the S3 layout.
    static func folderDate(_ seconds: Int64) -> String {
        let c = components(seconds)
        return "\(c.year)/\(pad(c.month))/\(pad(c.day))"
    }

    /// `Mar 24, 2026 9:11:59 PM`, the Java-style date IAM and STS responses carry.
    static func javaStyle(_ seconds: Int64) -> String {
        let c = components(seconds)
        let hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12
        let meridiem = c.hour < 12 ? "AM" : "PM"
        let clock = "\(hour12):\(pad(c.minute)):\(pad(c.second))"
        return "\(monthNames[Int(c.month) - 1]) \(c.day), \(c.year) \(clock) \(meridiem)"
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    static func weekday(_ seconds: Int64) -> Int {
        let days = dayNumber(seconds)
        // 1970-01-01 was a Thursday (3 when Monday is 0).
        return Int(((days % 7) + 7 + 3) % 7)
    }

    /// Whole days since 1970-01-01, rounding down for times before it.
    private static func dayNumber(_ seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / secondsPerDay : (seconds - secondsPerDay + 1) / secondsPerDay
    }

    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    @inline(__always)
    private static func pad(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
