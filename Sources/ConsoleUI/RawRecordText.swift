import TerminalGrid
import TrailTriageJSON
import TriageModel

/// The raw record view: the rule's highlighted fields first, then the stored record
/// pretty-printed.
///
/// Strings are printed between quotes without JSON escaping: the screen buffer already makes
/// every control and invisible character visible, and escaping twice would double backslashes.
enum RawRecordText {
    static func lines(for record: AlertRecord) -> [String] {
        var lines: [String] = []
        let highlighted = record.highlightedFields
        if !highlighted.isEmpty {
            lines.append("Highlighted by the rule")
            for field in highlighted {
                lines.append("  \(field.field): " + field.values.joined(separator: ", "))
            }
            lines.append("")
        }
        lines.append("Stored record (\(record.flatJSON.members.count) fields)")
        print(.object(record.flatJSON), key: nil, indent: 0, last: true, into: &lines)
        return lines
    }

    /// One line wrapped to `width`, keeping its indentation (wrapping alone would drop it, and
    /// the nesting is what makes a record readable); continuation lines sit two further in.
    static func wrap(_ line: String, width: Int) -> [String] {
        let indent = line.prefix { $0 == " " }.count
        let depth = min(indent, max(0, width / 2))
        let pad = String(repeating: " ", count: depth)
        let body = String(line.dropFirst(indent))
        let first = TextLayout.wrap(body, width: max(1, width - depth))
        guard first.count > 1 else { return first.map { pad + $0 } }
        let rest = TextLayout.wrap(
            String(body.dropFirst(first[0].count).drop { $0 == " " }), width: max(1, width - depth - 2))
        return [pad + first[0]] + rest.map { pad + "  " + $0 }
    }

    /// `value` pretty-printed, two spaces per level.
    static func pretty(_ value: JSONValue) -> [String] {
        var lines: [String] = []
        print(value, key: nil, indent: 0, last: true, into: &lines)
        return lines
    }

    private static func print(_ value: JSONValue, key: String?, indent: Int, last: Bool, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        let name = key.map { "\"\($0)\": " } ?? ""
        let comma = last ? "" : ","
        switch value {
        case .object(let object) where !object.members.isEmpty:
            lines.append(pad + name + "{")
            for (index, member) in object.members.enumerated() {
                print(
                    member.value, key: member.key, indent: indent + 1, last: index == object.members.count - 1,
                    into: &lines)
            }
            lines.append(pad + "}" + comma)
        case .array(let elements) where !elements.isEmpty:
            lines.append(pad + name + "[")
            for (index, element) in elements.enumerated() {
                print(element, key: nil, indent: indent + 1, last: index == elements.count - 1, into: &lines)
            }
            lines.append(pad + "]" + comma)
        case .object: lines.append(pad + name + "{}" + comma)
        case .array: lines.append(pad + name + "[]" + comma)
        case .string(let text): lines.append(pad + name + "\"" + text + "\"" + comma)
        case .number(let text): lines.append(pad + name + text + comma)
        case .bool(let flag): lines.append(pad + name + (flag ? "true" : "false") + comma)
        case .null: lines.append(pad + name + "null" + comma)
        }
    }
}
