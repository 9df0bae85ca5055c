import TrailTriageJSON

extension JSONScanner {
    private static let recordsKey: [UInt8] = Array("Records".utf8)

    /// Moves past the record object at the read position, validating it, and notes where its
    /// top-level key fields are (see ``RecordKeyFields``).
    ///
    /// Doing both in one pass is what keeps framing, prefiltering and summarising close to the
    /// cost of reading the bytes once. When the object turns out to hold a `Records` key (a whole
    /// log file rather than one record) the walk stops there and `holdsRecords` is set, so the
    /// caller can go back and frame its elements.
    mutating func skipRecord() throws(JSONParseError) -> (fields: RecordKeyFields, holdsRecords: Bool) {
        var fields = RecordKeyFields(isKnown: true)
        let buffer = bytes
        let reader = self
        let holdsRecords = try skipObject(stoppingBefore: { $0.elementsEqual(Self.recordsKey) }) { key, value in
            guard let recordKey = RecordKey.matching(key) else {
                if key.contains(UInt8(ascii: "\\")) {
                    fields = .unknown  // an escaped key might spell one of ours
                }
                return
            }
            guard fields.isKnown else { return }
            let first = buffer[value.lowerBound]
            if recordKey.range(in: fields) != nil {
                fields = .unknown  // a repeated key: only the full parser can say which wins
            } else if recordKey == .userIdentity {
                if first == UInt8(ascii: "{") { recordKey.set(value, in: &fields) } else { fields = .unknown }
            } else if reader.isPlainString(value) {
                recordKey.set((value.lowerBound + 1)..<(value.upperBound - 1), in: &fields)
            } else if first == UInt8(ascii: "\"") || recordKey.isRequired {
                // Escapes, or an odd type where a string belongs: the parser decides.
                fields = .unknown
            }
        }
        return (fields, holdsRecords)
    }
}
