/// Formats epoch milliseconds as UTC text without Foundation or the C library, so rendering
/// never depends on the process time zone or locale.
enum TimeText {
    /// `2026-03-10 09:00:00`.
    static func dateTime(_ milliseconds: Int64) -> String {
        let parts = civil(milliseconds)
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day)) \(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
    }

    /// `03-10 09:00:00`, for narrow lists.
    static func short(_ milliseconds: Int64) -> String {
        let parts = civil(milliseconds)
        return "\(pad(parts.month))-\(pad(parts.day)) \(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
    }

    /// `2026-03-10T09:00:00Z`, for file names and the header.
    static func iso(_ milliseconds: Int64) -> String {
        let parts = civil(milliseconds)
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))Z"
    }

    /// A signed offset such as `+5m`, `-2h 10m`, for related activity.
    static func offset(_ milliseconds: Int64) -> String {
        let seconds = Int(milliseconds / 1000)
        if seconds == 0 { return "±0" }
        let sign = seconds > 0 ? "+" : "-"
        let magnitude = abs(seconds)
        let hours = magnitude / 3600
        let minutes = (magnitude % 3600) / 60
        let rest = magnitude % 60
        if hours > 0 { return sign + "\(hours)h" + (minutes > 0 ? " \(minutes)m" : "") }
        if minutes > 0 { return sign + "\(minutes)m" + (rest > 0 ? " \(rest)s" : "") }
        return sign + "\(rest)s"
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Howard Hinnant's days-to-civil algorithm, valid for the whole proleptic Gregorian range.
    private static func civil(_ milliseconds: Int64) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = floorDivide(milliseconds, 1000)
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, (secondOfDay % 3600) / 60, secondOfDay % 60)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
