/// Formats second counts the way analysts read them: `43200` is "12h", `5400` is "1h 30m".
public enum HumanDuration {
    /// Days are not used because Roles Anywhere and STS express limits in hours (up to 12h or
    /// 36h), and "1d 12h" reads worse than "36h" next to those limits.
    ///
    /// Works on the magnitude, so every `Int` formats, `Int.min` included: the count comes
    /// straight from a log.
    public static func format(seconds: Int) -> String {
        guard seconds != 0 else { return "0s" }
        let magnitude = seconds.magnitude
        let hours = magnitude / 3600
        let minutes = (magnitude % 3600) / 60
        let rest = magnitude % 60
        var parts: [String] = []
        if hours > 0 { parts.append("\(hours)h") }
        if minutes > 0 { parts.append("\(minutes)m") }
        if rest > 0 { parts.append("\(rest)s") }
        return (seconds < 0 ? "-" : "") + parts.joined(separator: " ")
    }
}
