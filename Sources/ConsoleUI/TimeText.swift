import ECSMapping

/// Formats epoch milliseconds as UTC text, from ``ECSTimestamp`` (no Foundation or C library),
/// so rendering never depends on the process time zone or locale.
public enum TimeText {
    /// `2026-03-10 09:00:00`.
    public static func dateTime(_ milliseconds: Int64) -> String {
        let iso = ECSTimestamp.format(milliseconds: milliseconds)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8))
    }

    /// `03-10 09:00:00`, for narrow lists.
    static func short(_ milliseconds: Int64) -> String {
        String(dateTime(milliseconds).dropFirst(5))
    }

    /// `2026-03-10T09:00:00Z`, for file names and the header.
    static func iso(_ milliseconds: Int64) -> String {
        String(ECSTimestamp.format(milliseconds: milliseconds).prefix(19)) + "Z"
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
}
