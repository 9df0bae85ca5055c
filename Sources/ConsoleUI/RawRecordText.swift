import TerminalGrid
import TrailTriageJSON
import TriageModel

/// The raw record view: the rule's highlighted fields first, then the stored record
/// pretty-printed.
///
/// Strings are printed between quotes without JSON escaping: the screen buffer already makes
/// every control and invisible character visible, and escaping twice would double backslashes.
enum RawRecordText {
    static func lines(for record: AlertRecord) -> [RawRecordLine] {
        var lines: [RawRecordLine] = []
        let highlighted = record.highlightedFields
        if !highlighted.isEmpty {
            lines.append(RawRecordLine("Highlighted by the rule"))
            for field in highlighted {
                let values = field.values.joined(separator: ", ")
                lines.append(RawRecordLine("  \(field.field): " + values, value: values))
            }
            lines.append(RawRecordLine(""))
        }
        lines.append(RawRecordLine("Stored record (\(record.flatJSON.members.count) fields)"))
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
    static func pretty(_ value: JSONValue) -> [RawRecordLine] {
        var lines: [RawRecordLine] = []
        print(value, key: nil, indent: 0, last: true, into: &lines)
        return lines
    }

    private static func print(
        _ value: JSONValue, key: String?, indent: Int, last: Bool, into lines: inout [RawRecordLine]
    ) {
        let pad = String(repeating: "  ", count: indent)
        let name = key.map { "\"\($0)\": " } ?? ""
        let comma = last ? "" : ","
        switch value {
        case .object(let object) where !object.members.isEmpty:
            lines.append(RawRecordLine(pad + name + "{"))
            for (index, member) in object.members.enumerated() {
                print(
                    member.value, key: member.key, indent: indent + 1, last: index == object.members.count - 1,
                    into: &lines)
            }
            lines.append(RawRecordLine(pad + "}" + comma))
        case .array(let elements) where !elements.isEmpty:
            lines.append(RawRecordLine(pad + name + "["))
            for (index, element) in elements.enumerated() {
                print(element, key: nil, indent: indent + 1, last: index == elements.count - 1, into: &lines)
            }
            lines.append(RawRecordLine(pad + "]" + comma))
        case .object: lines.append(RawRecordLine(pad + name + "{}" + comma))
        case .array: lines.append(RawRecordLine(pad + name + "[]" + comma))
        case .string(let text): lines.append(RawRecordLine(pad + name + "\"" + text + "\"" + comma, value: text))
        case .number(let text): lines.append(RawRecordLine(pad + name + text + comma, value: text))
        case .bool(let flag):
            let text = flag ? "true" : "false"
            lines.append(RawRecordLine(pad + name + text + comma, value: text))
        case .null: lines.append(RawRecordLine(pad + name + "null" + comma, value: "null"))
        }
    }
}
