/// Typed access to one TOML table of a rule file, producing `RuleLoadError`s that name the
/// file, the dotted key, and the position of the offending value (or of the table, when a key is missing).
struct RuleTableReader {
    let table: TOMLTable
    /// The dotted path of `table`, e.g. `"rule.threat"`.
    let name: String
    let path: String

    func qualified(_ key: String) -> String {
        name.isEmpty ? key : "\(name).\(key)"
    }

    func missing(_ key: String) -> RuleLoadError {
        RuleLoadError(
            kind: .missingKey(qualified(key)),
            path: path,
            position: table.position,
            message: "missing required key '\(qualified(key))'"
        )
    }

    func wrongType(_ key: String, expected: String, entry: TOMLTable.Entry) -> RuleLoadError {
        RuleLoadError(
            kind: .wrongType(key: qualified(key), expected: expected, found: entry.value.typeName),
            path: path,
            position: entry.valuePosition,
            message: "key '\(qualified(key))' must be \(expected), found \(entry.value.typeName)"
        )
    }

    func invalid(_ key: String, _ message: String) -> RuleLoadError {
        RuleLoadError(
            kind: .invalidValue(key: qualified(key)),
            path: path,
            position: table.entry(for: key)?.valuePosition ?? table.position,
            message: "key '\(qualified(key))': \(message)"
        )
    }

    func string(_ key: String) throws(RuleLoadError) -> String? {
        guard let entry = table.entry(for: key) else { return nil }
        guard let value = entry.value.stringValue else { throw wrongType(key, expected: "a string", entry: entry) }
        return value
    }

    func requiredString(_ key: String) throws(RuleLoadError) -> String {
        guard let value = try string(key) else { throw missing(key) }
        return value
    }

    func integer(_ key: String) throws(RuleLoadError) -> Int? {
        guard let entry = table.entry(for: key) else { return nil }
        guard let value = entry.value.integerValue else { throw wrongType(key, expected: "an integer", entry: entry) }
        return value
    }

    func requiredInteger(_ key: String) throws(RuleLoadError) -> Int {
        guard let value = try integer(key) else { throw missing(key) }
        return value
    }

    /// An array of strings; absent means empty. A lone string is accepted as a one-element
    /// array because Kibana's API allows it for fields such as `threshold.field`.
    func stringArray(_ key: String, allowSingleString: Bool = false) throws(RuleLoadError) -> [String] {
        guard let entry = table.entry(for: key) else { return [] }
        if let array = entry.value.stringArrayValue { return array }
        if allowSingleString, let string = entry.value.stringValue { return [string] }
        throw wrongType(key, expected: "an array of strings", entry: entry)
    }

    func subtable(_ key: String) throws(RuleLoadError) -> RuleTableReader? {
        guard let entry = table.entry(for: key) else { return nil }
        guard let child = entry.value.tableValue else { throw wrongType(key, expected: "a table", entry: entry) }
        return RuleTableReader(table: child, name: qualified(key), path: path)
    }

    func requiredSubtable(_ key: String) throws(RuleLoadError) -> RuleTableReader {
        guard let child = try subtable(key) else { throw missing(key) }
        return child
    }

    /// An array of tables (`[[key]]`); a single table is accepted too.
    func tableArray(_ key: String) throws(RuleLoadError) -> [RuleTableReader] {
        guard let entry = table.entry(for: key) else { return [] }
        if let child = entry.value.tableValue {
            return [RuleTableReader(table: child, name: qualified(key), path: path)]
        }
        guard let array = entry.value.arrayValue else {
            throw wrongType(key, expected: "an array of tables", entry: entry)
        }
        var readers: [RuleTableReader] = []
        for element in array {
            guard let child = element.tableValue else {
                throw wrongType(key, expected: "an array of tables", entry: entry)
            }
            readers.append(RuleTableReader(table: child, name: qualified(key), path: path))
        }
        return readers
    }
}
