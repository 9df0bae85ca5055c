import TrailTriageJSON

/// Finds record boundaries in a decompressed input.
///
/// Works on raw bytes with ``JSONScanner``'s skipping mode, so framing costs one pass over the
/// bytes and builds no trees. Structure errors are reported with the record index or line and
/// the byte offset; framing keeps every record before the damage, and line-oriented input
/// resumes at the next line.
struct RecordFramer {
    let input: InputFile
    private(set) var format: InputFormat?
    private(set) var records: [RecordSpan] = []
    private(set) var issues: [ReadIssue] = []

    /// Keys whose presence marks a JSON object as a CloudTrail event.
    static let recordKeys: Set<String> = ["eventVersion", "eventSource", "userIdentity", "detail"]

    init(input: InputFile) {
        self.input = input
    }

    mutating func frame(_ bytes: UnsafeBufferPointer<UInt8>) {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            scanner.position = 3  // a UTF-8 byte-order mark, as some Windows exports write
        }
        scanner.skipWhitespace()
        guard !scanner.atEnd else {
            skipFile("the file is empty")
            return
        }
        switch scanner.current {
        case UInt8(ascii: "["):
            var first = scanner
            first.position += 1
            first.skipWhitespace()
            if !first.atEnd, first.current == UInt8(ascii: "{") {
                let keys = Self.topLevelKeys(of: first)
                if !keys.isEmpty && keys.isDisjoint(with: Self.recordKeys) {
                    let shown = keys.sorted().prefix(5).joined(separator: ", ")
                    skipFile("not CloudTrail: an array of objects without event fields (keys: \(shown))")
                    return
                }
            }
            format = .array
            var nextIndex = 0
            frameArray(&scanner, index: &nextIndex)
            reportTrailingContent(&scanner, after: "the JSON array")
        case UInt8(ascii: "{"):
            frameObjectInput(bytes, scanner: scanner)
        default:
            skipFile("not JSON (it starts with '\(JSONScanner.printable(scanner.current))'); expected CloudTrail JSON")
        }
        reportInvalidUTF8(bytes)
    }

    /// Reports records holding bytes that are not UTF-8. They stay in the scan (the parser
    /// replaces the bad bytes with U+FFFD), so tampering cannot hide an event from the rules.
    private mutating func reportInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !UTF8Validation.isASCII(bytes) else { return }
        for record in records {
            let slice = UnsafeBufferPointer(rebasing: bytes[record.range])
            guard let offset = UTF8Validation.firstInvalidOffset(slice) else { continue }
            let badOffset = record.range.lowerBound + offset
            issues.append(ReadIssue(kind: .repairedRecord, file: input.path, location: record.location,
                                    reason: "invalid UTF-8 at byte \(badOffset); shown as U+FFFD and still checked by the rules"))
        }
    }

    // MARK: - Inputs that start with an object

    private mutating func frameObjectInput(_ bytes: UnsafeBufferPointer<UInt8>, scanner start: JSONScanner) {
        let firstKeys = Self.topLevelKeys(of: start)
        if firstKeys.contains("Records") && !input.isLineDelimitedByName {
            // A log file as AWS delivers it (or several, one after another).
            format = .recordsEnvelope
            var scanner = start
            var nextIndex = 0
            frameValueStream(&scanner, nextIndex: &nextIndex)
            return
        }
        var probe = start
        let probeResult: JSONParseError?
        do throws(JSONParseError) {
            try probe.skipValue()
            probeResult = nil
        } catch {
            probeResult = error
        }
        let firstEnd = probe.position
        var afterFirst = probe
        afterFirst.skipWhitespace()
        let hasMore = probeResult == nil && !afterFirst.atEnd
        let firstIsOneLine = !bytes[start.position..<firstEnd].contains(0x0A)

        if firstKeys.contains("digestStartTime") || firstKeys.contains("digestEndTime") {
            skipFile("CloudTrail digest file (holds hashes, not events)")
            return
        }
        if !firstKeys.isEmpty && firstKeys.isDisjoint(with: Self.recordKeys) && !firstKeys.contains("Records") {
            let shown = firstKeys.sorted().prefix(5).joined(separator: ", ")
            skipFile("not CloudTrail: a JSON object without Records or event fields (keys: \(shown))")
            return
        }
        if input.isLineDelimitedByName || (hasMore && firstIsOneLine) || (probeResult != nil && Self.hasSecondLine(bytes, after: start.position)) {
            format = .lineDelimited
            frameLines(bytes, from: start.position)
            return
        }
        if hasMore {
            format = .valueStream
        } else {
            format = .singleRecord
        }
        var scanner = start
        var nextIndex = 0
        frameValueStream(&scanner, nextIndex: &nextIndex)
    }

    /// Frames consecutive top-level values; an object holding `Records` contributes its elements.
    private mutating func frameValueStream(_ scanner: inout JSONScanner, nextIndex: inout Int) {
        while true {
            scanner.skipWhitespace()
            if scanner.atEnd { return }
            let start = scanner.position
            guard scanner.current == UInt8(ascii: "{") else {
                malformed(index: nextIndex, offset: start, "expected a JSON object, found '\(JSONScanner.printable(scanner.current))'; the rest of the file was not read")
                return
            }
            let keyFields: RecordKeyFields
            do throws(JSONParseError) {
                let walked = try scanner.skipRecord()
                if walked.holdsRecords {
                    scanner.position = start
                    guard frameEnvelope(&scanner, nextIndex: &nextIndex) else { return }
                    continue
                }
                keyFields = walked.fields
            } catch {
                malformed(index: nextIndex, offset: start, "record is cut off or not valid JSON (\(error.reason) at byte \(error.offset)); the rest of the file was not read")
                return
            }
            records.append(RecordSpan(range: start..<scanner.position, location: RecordLocation(file: input.path, index: nextIndex, byteOffset: start), keyFields: keyFields))
            nextIndex += 1
        }
    }

    /// Frames the members of a `{"Records":[…]}` object. Returns whether framing can go on after it.
    private mutating func frameEnvelope(_ scanner: inout JSONScanner, nextIndex: inout Int) -> Bool {
        scanner.position += 1  // {
        while true {
            scanner.skipWhitespace()
            guard !scanner.atEnd else {
                malformed(index: nextIndex, offset: scanner.position, "the file ends inside the Records object (truncated?)")
                return false
            }
            if scanner.current == UInt8(ascii: "}") {
                scanner.position += 1
                return true
            }
            if scanner.current == UInt8(ascii: ",") {
                scanner.position += 1
                continue
            }
            let keyOffset = scanner.position
            let key: String
            do throws(JSONParseError) {
                guard scanner.current == UInt8(ascii: "\"") else {
                    throw JSONParseError(offset: keyOffset, reason: "expected a key")
                }
                key = try scanner.parseString()
                scanner.skipWhitespace()
                guard !scanner.atEnd, scanner.current == UInt8(ascii: ":") else {
                    throw JSONParseError(offset: scanner.position, reason: "expected ':'")
                }
                scanner.position += 1
                scanner.skipWhitespace()
            } catch {
                malformed(index: nextIndex, offset: keyOffset, "the Records object is not valid JSON (\(error.reason) at byte \(error.offset))")
                return false
            }
            if key == "Records", !scanner.atEnd, scanner.current == UInt8(ascii: "[") {
                guard frameArray(&scanner, index: &nextIndex) else { return false }
                continue
            }
            do throws(JSONParseError) {
                try scanner.skipValue()
            } catch {
                malformed(index: nextIndex, offset: keyOffset, "the Records object is not valid JSON (\(error.reason) at byte \(error.offset))")
                return false
            }
        }
    }

    /// Frames the elements of an array of records. Returns whether the array closed properly.
    @discardableResult
    private mutating func frameArray(_ scanner: inout JSONScanner, index: inout Int) -> Bool {
        scanner.position += 1  // [
        while true {
            scanner.skipWhitespace()
            guard !scanner.atEnd else {
                malformed(index: index, offset: scanner.position, "the file ends before record \(index) (truncated?)")
                return false
            }
            if scanner.current == UInt8(ascii: "]") {
                scanner.position += 1
                return true
            }
            let start = scanner.position
            let isObject = scanner.current == UInt8(ascii: "{")
            let found = scanner.current
            var keyFields = RecordKeyFields.unknown
            do throws(JSONParseError) {
                if isObject {
                    let walked = try scanner.skipRecord()
                    keyFields = walked.fields
                    if walked.holdsRecords {
                        // A whole log file as an array element: not a record; move past it.
                        scanner.position = start
                        try scanner.skipValue()
                        keyFields = .unknown
                    }
                } else {
                    try scanner.skipValue()
                }
            } catch {
                if error.offset >= scanner.bytes.count {
                    malformed(index: index, offset: start, "the file ends inside record \(index) (truncated?)")
                } else {
                    malformed(index: index, offset: start, "record \(index) is not valid JSON (\(error.reason) at byte \(error.offset)); the rest of the file was not read")
                }
                return false
            }
            if isObject {
                records.append(RecordSpan(range: start..<scanner.position, location: RecordLocation(file: input.path, index: index, byteOffset: start), keyFields: keyFields))
            } else {
                malformed(index: index, offset: start, "record \(index) is not a JSON object (it starts with '\(JSONScanner.printable(found))')")
            }
            index += 1
            scanner.skipWhitespace()
            guard !scanner.atEnd else {
                malformed(index: index, offset: scanner.position, "the file ends after record \(index - 1) (truncated?)")
                return false
            }
            if scanner.current == UInt8(ascii: ",") {
                scanner.position += 1
                continue
            }
            if scanner.current == UInt8(ascii: "]") {
                scanner.position += 1
                return true
            }
            malformed(index: index, offset: scanner.position, "expected ',' or ']' after record \(index - 1); the rest of the file was not read")
            return false
        }
    }

    // MARK: - Line-delimited input

    /// One record per line; a bad line is reported and the next line is read as usual.
    private mutating func frameLines(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) {
        var lineStart = offset
        var lineNumber = 1 + bytes[0..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        var index = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var trimmedStart = lineStart
            var trimmedEnd = lineEnd
            while trimmedStart < trimmedEnd, JSONScanner.isWhitespace(bytes[trimmedStart]) { trimmedStart += 1 }
            while trimmedEnd > trimmedStart, JSONScanner.isWhitespace(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
            if trimmedStart < trimmedEnd {
                frameLine(bytes, range: trimmedStart..<trimmedEnd, lineNumber: lineNumber, index: &index)
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
    }

    private mutating func frameLine(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, lineNumber: Int, index: inout Int) {
        let line = UnsafeBufferPointer(rebasing: bytes[range])
        var scanner = JSONScanner(bytes: line)
        let location = RecordLocation(file: input.path, index: index, line: lineNumber, byteOffset: range.lowerBound)
        guard scanner.current == UInt8(ascii: "{") else {
            issues.append(ReadIssue(kind: .malformedRecord, file: input.path, location: location, reason: "line is not a JSON object (it starts with '\(JSONScanner.printable(scanner.current))')"))
            index += 1
            return
        }
        var keyFields = RecordKeyFields.unknown
        do throws(JSONParseError) {
            let walked = try scanner.skipRecord()
            if walked.holdsRecords {
                scanner.position = 0
                frameLineOfRecords(&scanner, range: range, lineNumber: lineNumber, index: &index)
                return
            }
            keyFields = walked.fields
            scanner.skipWhitespace()
            guard scanner.atEnd else {
                throw JSONParseError(offset: scanner.position, reason: "unexpected text after the record")
            }
        } catch {
            issues.append(ReadIssue(kind: .malformedRecord, file: input.path, location: location, reason: "line is not valid JSON (\(error.reason) at column \(error.offset + 1))"))
            index += 1
            return
        }
        records.append(RecordSpan(range: range, location: location, keyFields: keyFields.shifted(by: range.lowerBound)))
        index += 1
    }

    /// Frames a line that holds a whole `{"Records":[…]}` log file, as some SIEM exports write it.
    private mutating func frameLineOfRecords(_ scanner: inout JSONScanner, range: Range<Int>, lineNumber: Int, index: inout Int) {
        // A whole log file on one line, as some SIEM exports write it: split it.
        var lineFramer = RecordFramer(input: input)
        var firstIndex = index
        lineFramer.frameValueStream(&scanner, nextIndex: &firstIndex)
        for var record in lineFramer.records {
            record.range = (record.range.lowerBound + range.lowerBound)..<(record.range.upperBound + range.lowerBound)
            record.keyFields = record.keyFields.shifted(by: range.lowerBound)
            record.location = RecordLocation(file: input.path, index: record.location.index, line: lineNumber, byteOffset: record.range.lowerBound)
            records.append(record)
        }
        issues.append(contentsOf: lineFramer.issues.map { issue in
            var moved = issue
            moved.location = RecordLocation(file: input.path, index: issue.location?.index ?? index, line: lineNumber, byteOffset: range.lowerBound + (issue.location?.byteOffset ?? 0))
            return moved
        })
        index = firstIndex
    }

    // MARK: - Helpers

    private mutating func skipFile(_ reason: String) {
        format = nil
        issues.append(ReadIssue(kind: .skippedFile, file: input.path, reason: reason))
    }

    private mutating func malformed(index: Int, offset: Int, _ reason: String) {
        let location = RecordLocation(file: input.path, index: index, byteOffset: offset)
        issues.append(ReadIssue(kind: .malformedRecord, file: input.path, location: location, reason: reason))
    }

    private mutating func reportTrailingContent(_ scanner: inout JSONScanner, after what: String) {
        scanner.skipWhitespace()
        guard !scanner.atEnd else { return }
        malformed(index: records.count, offset: scanner.position, "unexpected content after \(what); it was not read")
    }

    /// The keys of the object starting at `scanner`, read without building values. Stops quietly
    /// at the first structural problem, returning the keys seen so far, and stops at a `Records`
    /// key, so probing a whole log file costs nothing.
    static func topLevelKeys(of start: JSONScanner) -> Set<String> {
        var scanner = start
        var keys: Set<String> = []
        do throws(JSONParseError) {
            try scanner.skipObject(stoppingBefore: { key in
                let isRecords = key.elementsEqual("Records".utf8)
                if isRecords { keys.insert("Records") }
                return isRecords
            }) { key, _ in
                keys.insert(String(decoding: key, as: UTF8.self))
            }
        } catch {
            return keys
        }
        return keys
    }

    private static func hasSecondLine(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Bool {
        guard let newline = bytes[offset...].firstIndex(of: 0x0A) else { return false }
        return bytes[(newline + 1)...].contains { !JSONScanner.isWhitespace($0) }
    }
}
