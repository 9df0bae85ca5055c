/// Interned strings: each distinct string is stored once and rows refer to it by number.
///
/// CloudTrail repeats the same providers, actions, ARNs, keys, accounts and regions across
/// thousands of events, so a 4-byte id per field is far smaller than a `String` per field.
struct StringTable: Sendable {
    /// Id 0 is always the empty string, so "no value" needs no optional.
    private(set) var strings: [String] = [""]
    private var ids: [String: UInt32] = ["": 0]

    mutating func intern(_ text: String) -> UInt32 {
        if let id = ids[text] { return id }
        let id = UInt32(strings.count)
        strings.append(text)
        ids[text] = id
        return id
    }

    /// The id of `text` when it was interned; lookups never grow the table.
    func id(of text: String) -> UInt32? { ids[text] }

    subscript(id: UInt32) -> String { strings[Int(id)] }
}
