import TrailTriageJSON

extension JSONScanner {
    static let recordsKey: [UInt8] = Array("Records".utf8)
    private static let eventVersionKey: [UInt8] = Array("eventVersion".utf8)
    private static let detailKey: [UInt8] = Array("detail".utf8)

    /// Moves past the record object at the read position, validating it, and notes where its
    /// top-level key fields are (see ``RecordKeyFields``) and whether it looks like an event.
    ///
    /// Doing both in one pass is what keeps framing, prefiltering and summarising close to the
    /// cost of reading the bytes once. With `stoppingAtEnvelope`, a `Records` array met before any
    /// event key stops the walk right after that key (a whole log file rather than one record), so
    /// the caller can frame its elements without skipping the file twice. A `Records` key in an
    /// object that is an event is just one of its fields: it never hides the record.
    mutating func skipRecord(stoppingAtEnvelope: Bool = false) throws(JSONParseError) -> RecordWalk {
        var walk = RecordWalk()
        var identity = IdentityMemberRanges()
        let buffer = bytes
        let reader = self
        let stopped = try skipObject(
            stoppingBefore: { key in
                guard stoppingAtEnvelope, !walk.looksLikeEvent, Self.isRecordsKey(key, in: buffer) else { return false }
                return Self.valueAfterKey(key, in: buffer) == UInt8(ascii: "[")
            },
            descendingInto: { key in
                // The identity's members are noted on the way through it (see IdentityMemberRanges).
                guard RecordKey.matching(key) == .userIdentity else { return false }
                identity = IdentityMemberRanges()
                return true
            },
            visitingNested: { key, value in identity.note(key: key, value: value) },
            visitingMembers: { key, value in
                let first = buffer[value.lowerBound]
                let escaped = key.contains(UInt8(ascii: "\\"))
                let recordKey = RecordKey.matching(key)
                if escaped {
                    Self.memberName(key, in: buffer).withUnsafeBufferPointer { decoded in
                        Self.classify(decoded, matching: RecordKey.matching(decoded), valueStart: first, into: &walk)
                    }
                } else {
                    Self.classify(key, matching: recordKey, valueStart: first, into: &walk)
                }
                guard let recordKey else {
                    if escaped {
                        walk.fields = .unknown  // an escaped key might spell one of ours
                    }
                    return
                }
                guard walk.fields.isKnown else { return }
                if recordKey.range(in: walk.fields) != nil {
                    walk.fields = .unknown  // a repeated key: only the full parser can say which wins
                } else if recordKey == .userIdentity {
                    if first == UInt8(ascii: "{") {
                        recordKey.set(value, in: &walk.fields)
                        walk.fields.identityMembers = identity
                    } else {
                        walk.fields = .unknown
                    }
                } else if recordKey == .requestParameters {
                    // Any type is valid here; only an object is worth locating.
                    if first == UInt8(ascii: "{") { recordKey.set(value, in: &walk.fields) }
                } else if reader.isPlainString(value) {
                    recordKey.set((value.lowerBound + 1)..<(value.upperBound - 1), in: &walk.fields)
                } else if first == UInt8(ascii: "\"") || recordKey.isRequired {
                    // Escapes, or an odd type where a string belongs: the parser decides.
                    walk.fields = .unknown
                }
            })
        walk.stoppedAtEnvelope = stopped
        if stopped { walk.fields = .unknown }
        return walk
    }

    /// Notes in `walk` whether a top-level member (its decoded name, `known` being its ``RecordKey``,
    /// and the first byte of its value) marks an event or is a `Records` array.
    private static func classify(
        _ name: UnsafeBufferPointer<UInt8>, matching known: RecordKey?, valueStart first: UInt8,
        into walk: inout RecordWalk
    ) {
        if isEventKey(name, matching: known) {
            walk.looksLikeEvent = true
        } else if first == UInt8(ascii: "["), ByteSearch.equal(name, recordsKey) {
            walk.holdsRecordsArray = true
        }
    }

    /// Whether a top-level key (decoded; `known` is its ``RecordKey``) marks a CloudTrail event or
    /// an EventBridge wrapper of one.
    static func isEventKey(_ name: UnsafeBufferPointer<UInt8>, matching known: RecordKey?) -> Bool {
        if let known {
            return known == .eventSource || known == .eventName || known == .eventTime || known == .eventID
                || known == .userIdentity
        }
        // memcmp after a length check: this runs for every other top-level key of every record.
        switch name.count {
        case 6: return ByteSearch.equal(name, detailKey)
        case 12: return ByteSearch.equal(name, eventVersionKey)
        default: return false
        }
    }

    /// Whether `key` (raw, escapes undecoded) spells `Records`.
    static func isRecordsKey(_ key: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        if !key.contains(UInt8(ascii: "\\")) { return ByteSearch.equal(key, recordsKey) }
        return memberName(key, in: buffer) == recordsKey
    }

    /// The key's decoded bytes. Escapes are decoded, so `"Rec\u006Frds"` cannot pose as a field
    /// while the parser reads it as `Records`. Plain keys (nearly all) are returned as they are.
    static func memberName(_ key: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard key.contains(UInt8(ascii: "\\")), let keyBase = key.baseAddress, let base = buffer.baseAddress else {
            return Array(key)
        }
        var decoder = JSONScanner(bytes: buffer, position: keyBase - base - 1)
        do throws(JSONParseError) {
            return Array(try decoder.parseString().utf8)
        } catch {
            return Array(key)
        }
    }

    /// The first byte of the value after `key` (past the colon), if any.
    private static func valueAfterKey(
        _ key: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>
    ) -> UInt8? {
        guard let keyBase = key.baseAddress, let base = buffer.baseAddress else { return nil }
        var probe = JSONScanner(bytes: buffer, position: keyBase - base + key.count + 1)
        probe.skipWhitespace()
        guard !probe.atEnd, probe.current == UInt8(ascii: ":") else { return nil }
        probe.position += 1
        probe.skipWhitespace()
        return probe.atEnd ? nil : probe.current
    }
}
