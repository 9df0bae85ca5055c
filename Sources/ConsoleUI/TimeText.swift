import ECSMapping
import RelatedActivity
import TriageModel

/// Formats epoch milliseconds as UTC text, from ``ECSTimestamp`` (no Foundation or C library),
/// so rendering never depends on the process time zone or locale.
public enum TimeText {
    /// `2026-03-10 09:00:00`. Times from a log or the state database can lie far outside
    /// years 0–9999 (`-292275055-05-16 16:47:04`), so the date is cut at the `T`, not at a
    /// fixed column.
    public static func dateTime(_ milliseconds: Int64) -> String {
        let iso = ECSTimestamp.format(milliseconds: milliseconds)
        guard let separator = iso.firstIndex(of: "T") else { return iso }
        return String(iso[..<separator]) + " " + String(iso[iso.index(after: separator)...].prefix(8))
    }

    /// `03-10 09:00:00`, for narrow lists.
    static func short(_ milliseconds: Int64) -> String {
        String(dateTime(milliseconds).dropFirst(5))
    }

    /// `2026-03-10T09:00:00Z`, for file names and the header.
    static func iso(_ milliseconds: Int64) -> String {
        let text = ECSTimestamp.format(milliseconds: milliseconds)
        guard let fraction = text.lastIndex(of: ".") else { return text }
        return String(text[..<fraction]) + "Z"
    }

    /// The signed offset of `time` from `origin`, such as `+5m`, `-2h 10m`, for related
    /// activity. Computed on the exact distance, so no pair of times can overflow.
    static func offset(_ time: Int64, from origin: Int64) -> String {
        let magnitude = time.distance(magnitudeTo: origin) / 1000
        if magnitude == 0 { return "±0" }
        let sign = time > origin ? "+" : "-"
        let hours = magnitude / 3600
        let minutes = (magnitude % 3600) / 60
        let rest = magnitude % 60
        if hours > 0 { return sign + "\(hours)h" + (minutes > 0 ? " \(minutes)m" : "") }
        if minutes > 0 { return sign + "\(minutes)m" + (rest > 0 ? " \(rest)s" : "") }
        return sign + "\(rest)s"
    }
}
