/// The SQL engines the compiler writes for. They agree on most of ANSI SQL but differ in how a
/// string literal is escaped, in their array functions and in how rows are unnested.
public enum SQLDialect: String, Sendable, CaseIterable {
    /// Spark SQL (3.4 or later; tested on 4.x).
    case spark
    /// Trino, the engine behind Amazon Athena (engine version 3).
    case trino

    /// `text` as a string literal.
    ///
    /// Spark reads backslash escapes inside literals, so a backslash and a quote must be escaped
    /// with a backslash; Trino takes backslashes literally and only doubles the quote. Control
    /// characters are spelled out as escapes in Spark and passed through `chr` in Trino, so no
    /// log or rule text puts a raw control character into the SQL.
    func literal(_ text: String) -> String {
        switch self {
        case .spark:
            var out = "'"
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "'": out += "\\'"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        out += "\\u" + hex4(scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "'"
        case .trino:
            var parts: [String] = []
            var current = ""
            for scalar in text.unicodeScalars {
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    parts.append("'" + current + "'")
                    parts.append("chr(\(scalar.value))")
                    current = ""
                } else if scalar == "'" {
                    current += "''"
                } else {
                    current.unicodeScalars.append(scalar)
                }
            }
            parts.append("'" + current + "'")
            let nonEmpty = parts.count > 1 ? parts.filter { $0 != "''" } : parts
            return nonEmpty.count == 1 ? nonEmpty[0] : "(" + nonEmpty.joined(separator: " || ") + ")"
        }
    }

    /// True when any element of the array `list` satisfies `predicate` over the lambda variable `x`.
    func anyElement(of list: String, _ predicate: String) -> String {
        switch self {
        case .spark: return "exists(\(list), x -> \(predicate))"
        case .trino: return "any_match(\(list), x -> \(predicate))"
        }
    }

    /// The number of elements of an array.
    func count(of list: String) -> String {
        switch self {
        case .spark: return "size(\(list))"
        case .trino: return "cardinality(\(list))"
        }
    }

    /// An array literal of string expressions.
    func array(_ elements: [String]) -> String {
        switch self {
        case .spark: return "array(\(elements.joined(separator: ", ")))"
        case .trino:
            return elements.isEmpty ? "CAST(ARRAY[] AS array(varchar))" : "ARRAY[\(elements.joined(separator: ", "))]"
        }
    }

    /// The lower-case hexadecimal SHA-256 of the UTF-8 of a string expression.
    func sha256Hex(_ text: String) -> String {
        switch self {
        case .spark: return "sha2(\(text), 256)"
        case .trino: return "lower(to_hex(sha256(to_utf8(\(text)))))"
        }
    }

    /// Epoch milliseconds of an ISO 8601 time string, NULL when it does not parse.
    func epochMilliseconds(_ text: String) -> String {
        switch self {
        case .spark: return "unix_millis(try_to_timestamp(\(text)))"
        case .trino: return "CAST(floor(to_unixtime(try(from_iso8601_timestamp(\(text)))) * 1000) AS bigint)"
        }
    }

    /// The character with a code point, as a string expression.
    func character(_ code: Int) -> String {
        "chr(\(code))"
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
