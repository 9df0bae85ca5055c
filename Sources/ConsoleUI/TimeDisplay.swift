import Glibc

/// Whether the console shows times in UTC (the default, as CloudTrail logs them) or in the
/// analyst's local time. `t` toggles it; the list's column header names the zone shown.
public enum TimeDisplay: String, Sendable, Hashable {
    case utc
    case local
}

/// The analyst's local time zone, as the app found it: its abbreviation for headers and its
/// offset from UTC at a given time (offsets change with daylight saving, so per time).
public struct LocalTimeZone: Sendable {
    /// A short name such as `CET`, for the column header.
    public var name: String
    /// Seconds east of UTC at an epoch-milliseconds time.
    public var offsetSeconds: @Sendable (Int64) -> Int

    public init(name: String, offsetSeconds: @escaping @Sendable (Int64) -> Int) {
        self.name = name
        self.offsetSeconds = offsetSeconds
    }

    /// UTC itself, which tests and hosts without a zone use.
    public static let utc = LocalTimeZone(name: "UTC") { _ in 0 }

    /// The process's zone (`TZ`, else `/etc/localtime`), read through the C library.
    public static func current() -> LocalTimeZone {
        tzset()
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let name = parts.tm_zone.map { String(cString: $0) } ?? "local"
        return LocalTimeZone(name: name) { milliseconds in
            var seconds = time_t(clamping: milliseconds / 1000)
            var local = tm()
            guard localtime_r(&seconds, &local) != nil else { return 0 }
            return local.tm_gmtoff
        }
    }
}
