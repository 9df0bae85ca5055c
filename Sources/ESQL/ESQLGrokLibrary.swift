/// The grok pattern library entries GROK supports, written for the standard library's regex engine
/// (no look-behind). They follow the meaning of the common grok names.
enum ESQLGrokLibrary {
    static let patterns: [String: String] = [
        "NOTSPACE": #"\S+"#,
        "SPACE": #"\s*"#,
        "DATA": #".*?"#,
        "GREEDYDATA": #".*"#,
        "WORD": #"\b\w+\b"#,
        "INT": #"[+-]?[0-9]+"#,
        "POSINT": #"\b[1-9][0-9]*\b"#,
        "NONNEGINT": #"\b[0-9]+\b"#,
        "BASE10NUM": #"[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"#,
        "NUMBER": #"%{BASE10NUM}"#,
        "BASE16NUM": #"(?:0[xX])?[0-9A-Fa-f]+"#,
        "IPV4OCTET": #"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"#,
        "IPV4": #"\b(?:%{IPV4OCTET}\.){3}%{IPV4OCTET}(?![0-9])"#,
        "IPV6":
            #"(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"#
            + #"|(?:[0-9A-Fa-f]{1,4}:){1,6}(?::[0-9A-Fa-f]{1,4}){1,6}"#
            + #"|(?:[0-9A-Fa-f]{1,4}:){1,7}:"#
            + #"|::(?:[0-9A-Fa-f]{1,4}:){0,6}(?:[0-9A-Fa-f]{1,4})?"#
            + #"|(?:[0-9A-Fa-f]{1,4}:){1,6}:%{IPV4}"#
            + #"|::%{IPV4}"#,
        "IP": #"(?:%{IPV4}|%{IPV6})"#,
        "USERNAME": #"[a-zA-Z0-9._-]+"#,
        "USER": #"%{USERNAME}"#,
        "UUID": #"[A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}"#,
        "HOSTNAME": #"\b[0-9A-Za-z][0-9A-Za-z-]{0,62}(?:\.[0-9A-Za-z][0-9A-Za-z-]{0,62})*\.?"#,
        "IPORHOST": #"(?:%{IP}|%{HOSTNAME})"#,
        "EMAILADDRESS": #"[A-Za-z0-9._%+-]+@%{HOSTNAME}"#,
        "QUOTEDSTRING": #""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'"#,
        "TIMESTAMP_ISO8601":
            #"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:?[0-9]{2}"#
            + #"(?::?[0-9]{2}(?:[.,][0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?"#,
    ]
}
