import TrailTriageJSON

/// Finds record boundaries in a decompressed input.
///
/// Works on raw bytes with ``JSONScanner``'s skipping mode, so framing costs one pass over the
/// bytes and builds no trees. Structure errors are reported with the record index or line and
/// the byte offset; framing keeps every record before the damage, line-oriented input resumes at
/// the next line, and a record nested too deep to parse is reported on its own while framing goes
/// on after it.
///
/// A file is skipped as a whole ("not CloudTrail", "a digest") only when the file as a whole says
/// so: nothing in it looks like an event and nothing in it is broken. Otherwise every value that
/// is not an event is reported as a malformed record, so one crafted value cannot make the rules
/// pass over the events beside it.
struct RecordFramer {
    let input: InputFile
    private(set) var format: InputFormat?
    private(set) var records: [RecordSpan] = []
    private(set) var issues: [ReadIssue] = []
    /// Values read whole that are not events (reported as malformed records).
    private var foreignCount = 0
    /// Whether some structure was broken or too deep to read; such a file is never called "not
    /// CloudTrail", because what could not be read may have been an event.
    private var sawBrokenInput = false

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
        let first = scanner
        switch scanner.current {
        case UInt8(ascii: "["):
            format = .array
            var nextIndex = 0
            if frameArray(&scanner, index: &nextIndex) {
                reportTrailingContent(&scanner, after: "the JSON array")
            }
        case UInt8(ascii: "{"):
            frameObjectInput(bytes, scanner: scanner)
        default:
            guard Self.hasSecondLine(bytes, after: scanner.position) else {
                skipFile(Self.verdict(on: first))
                return
            }
            // A stray first line (a header, a comment) must not hide the NDJSON records after it.
            format = .lineDelimited
            frameLines(bytes, from: scanner.position)
        }
        if records.isEmpty && foreignCount > 0 && !sawBrokenInput {
            // Every value was read and none is an event: the file itself is not CloudTrail.
            issues.removeAll { $0.kind == .malformedRecord }
            skipFile(Self.verdict(on: first))
            return
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
            issues.append(
                ReadIssue(
                    kind: .repairedRecord, file: input.path, location: record.location,
                    reason: "invalid UTF-8 at byte \(badOffset); shown as U+FFFD and still checked by the rules"))
        }
    }

    // MARK: - Inputs that start with an object

    private mutating func frameObjectInput(_ bytes: UnsafeBufferPointer<UInt8>, scanner start: JSONScanner) {
        var probe = start
        var walked: RecordWalk?
        do throws(JSONParseError) {
            walked = try probe.skipRecord(stoppingAtEnvelope: true)
        } catch {
            probe = start
            walked = nil
        }
        if walked?.stoppedAtEnvelope == true && !input.isLineDelimitedByName {
            // A log file as AWS delivers it (or several, one after another).
            format = .recordsEnvelope
            var scanner = start
            var nextIndex = 0
            frameValueStream(&scanner, nextIndex: &nextIndex)
            return
        }
        // An over-deep first record still has an end, which tells the layout like any other.
        let firstEnds = walked != nil || probe.skipOverDeepValue()
        var afterFirst = probe
        afterFirst.skipWhitespace()
        let hasMore = firstEnds && !afterFirst.atEnd
        let firstIsOneLine = !bytes[start.position..<probe.position].contains(0x0A)

        if input.isLineDelimitedByName || (hasMore && firstIsOneLine)
            || (!firstEnds && Self.hasSecondLine(bytes, after: start.position))
        {
            format = .lineDelimited
            frameLines(bytes, from: start.position)
            return
        }
        format = hasMore ? .valueStream : .singleRecord
        var scanner = start
        var nextIndex = 0
        frameValueStream(&scanner, nextIndex: &nextIndex)
    }

    /// Frames consecutive top-level values; a `{"Records":[…]}` envelope contributes its elements.
    private mutating func frameValueStream(_ scanner: inout JSONScanner, nextIndex: inout Int) {
        while true {
            scanner.skipWhitespace()
            if scanner.atEnd { return }
            guard scanner.current == UInt8(ascii: "{") else {
                broken(
                    index: nextIndex, offset: scanner.position,
                    "expected a JSON object, found '\(JSONScanner.printable(scanner.current))'; "
                        + "the rest of the file was not read")
                return
            }
            guard frameObject(&scanner, index: &nextIndex, topLevel: true) else { return }
        }
    }

    /// Frames the object at the read position as one record or, at the top level of the file, as
    /// an envelope. Returns whether framing can go on after it.
    private mutating func frameObject(_ scanner: inout JSONScanner, index: inout Int, topLevel: Bool) -> Bool {
        let start = scanner.position
        var walk = scanner
        let walked: RecordWalk
        do throws(JSONParseError) {
            walked = try walk.skipRecord(stoppingAtEnvelope: topLevel)
        } catch {
            return frameUnreadable(&scanner, index: &index, error: error)
        }
        if walked.stoppedAtEnvelope {
            return frameEnvelope(&scanner, nextIndex: &index)
        }
        scanner = walk
        let location = RecordLocation(file: input.path, index: index, byteOffset: start)
        if walked.looksLikeEvent {
            records.append(RecordSpan(range: start..<walk.position, location: location, keyFields: walked.fields))
        } else if walked.holdsRecordsArray {
            foreign(
                location,
                "record \(index) holds a Records array but no event fields; "
                    + "a log file inside another is not read")
        } else {
            foreign(location, "record \(index) is not a CloudTrail event (\(Self.noEventKeys))")
        }
        index += 1
        return true
    }

    /// Reports a value that failed validation. One nested too deep is skipped whole (framing goes
    /// on after it); anything else ends the file. Returns whether framing can go on.
    private mutating func frameUnreadable(
        _ scanner: inout JSONScanner, index: inout Int, error: JSONParseError
    ) -> Bool {
        let start = scanner.position
        if scanner.skipOverDeepValue() {
            broken(
                index: index, offset: start,
                "record \(index) is nested deeper than \(JSONParser.maximumDepth) levels, so it was not read; "
                    + "the records after it were")
            index += 1
            return true
        }
        if error.offset >= scanner.bytes.count {
            broken(index: index, offset: start, "the file ends inside record \(index) (truncated?)")
        } else {
            broken(
                index: index, offset: start,
                "record \(index) is not valid JSON (\(error.reason) at byte \(error.offset)); "
                    + "the rest of the file was not read")
        }
        return false
    }

    /// Frames the members of a `{"Records":[…]}` object. Returns whether framing can go on after it.
    ///
    /// The walk only starts here when a `Records` array came before any event key. Should an event
    /// key follow it, the object is an event with a `Records` field: what was framed from it is
    /// taken back and the object is framed as one record.
    private mutating func frameEnvelope(_ scanner: inout JSONScanner, nextIndex: inout Int) -> Bool {
        let start = scanner.position
        let marks = (
            records: records.count, issues: issues.count, index: nextIndex,
            foreign: foreignCount, broken: sawBrokenInput
        )
        var isEvent = false
        scanner.position += 1  // {
        while true {
            scanner.skipWhitespace()
            guard !scanner.atEnd else {
                broken(
                    index: nextIndex, offset: scanner.position, "the file ends inside the Records object (truncated?)")
                return false
            }
            if scanner.current == UInt8(ascii: "}") {
                scanner.position += 1
                break
            }
            if scanner.current == UInt8(ascii: ",") {
                scanner.position += 1
                continue
            }
            let keyOffset = scanner.position
            let key: [UInt8]
            do throws(JSONParseError) {
                guard scanner.current == UInt8(ascii: "\"") else {
                    throw JSONParseError(offset: keyOffset, reason: "expected a key")
                }
                key = Array(try scanner.parseString().utf8)
                scanner.skipWhitespace()
                guard !scanner.atEnd, scanner.current == UInt8(ascii: ":") else {
                    throw JSONParseError(offset: scanner.position, reason: "expected ':'")
                }
                scanner.position += 1
                scanner.skipWhitespace()
            } catch {
                broken(
                    index: nextIndex, offset: keyOffset,
                    "the Records object is not valid JSON (\(error.reason) at byte \(error.offset))")
                return false
            }
            if key.withUnsafeBufferPointer({ JSONScanner.isEventKey($0, matching: RecordKey.matching($0)) }) {
                isEvent = true
            }
            if key == JSONScanner.recordsKey, !scanner.atEnd, scanner.current == UInt8(ascii: "[") {
                guard frameArray(&scanner, index: &nextIndex) else { return false }
                continue
            }
            let valueStart = scanner.position
            do throws(JSONParseError) {
                try scanner.skipValue()
            } catch {
                scanner.position = valueStart
                if scanner.skipOverDeepValue() {
                    broken(
                        index: nextIndex, offset: valueStart,
                        "a member of the Records object is nested deeper than "
                            + "\(JSONParser.maximumDepth) levels; it was skipped")
                    continue
                }
                broken(
                    index: nextIndex, offset: keyOffset,
                    "the Records object is not valid JSON (\(error.reason) at byte \(error.offset))")
                return false
            }
        }
        guard isEvent else { return true }
        records.removeSubrange(marks.records...)
        issues.removeSubrange(marks.issues...)
        nextIndex = marks.index
        foreignCount = marks.foreign
        sawBrokenInput = marks.broken
        scanner.position = start
        return frameObject(&scanner, index: &nextIndex, topLevel: false)
    }

    /// Frames the elements of an array of records. Returns whether the array closed properly.
    private mutating func frameArray(_ scanner: inout JSONScanner, index: inout Int) -> Bool {
        scanner.position += 1  // [
        while true {
            scanner.skipWhitespace()
            guard !scanner.atEnd else {
                broken(index: index, offset: scanner.position, "the file ends before record \(index) (truncated?)")
                return false
            }
            if scanner.current == UInt8(ascii: "]") {
                scanner.position += 1
                return true
            }
            let start = scanner.position
            if scanner.current == UInt8(ascii: "{") {
                guard frameObject(&scanner, index: &index, topLevel: false) else { return false }
            } else {
                let found = scanner.current
                var element = scanner
                do throws(JSONParseError) {
                    try element.skipValue()
                    scanner = element
                    foreign(
                        RecordLocation(file: input.path, index: index, byteOffset: start),
                        "record \(index) is not a JSON object (it starts with '\(JSONScanner.printable(found))')")
                    index += 1
                } catch {
                    guard frameUnreadable(&scanner, index: &index, error: error) else { return false }
                }
            }
            scanner.skipWhitespace()
            guard !scanner.atEnd else {
                broken(index: index, offset: scanner.position, "the file ends after record \(index - 1) (truncated?)")
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
            broken(
                index: index, offset: scanner.position,
                "expected ',' or ']' after record \(index - 1); the rest of the file was not read")
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

    private mutating func frameLine(
        _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, lineNumber: Int, index: inout Int
    ) {
        let line = UnsafeBufferPointer(rebasing: bytes[range])
        var scanner = JSONScanner(bytes: line)
        let location = RecordLocation(file: input.path, index: index, line: lineNumber, byteOffset: range.lowerBound)
        defer { index += 1 }
        guard scanner.current == UInt8(ascii: "{") else {
            foreign(location, "line is not a JSON object (it starts with '\(JSONScanner.printable(scanner.current))')")
            return
        }
        do throws(JSONParseError) {
            let walked = try scanner.skipRecord(stoppingAtEnvelope: true)
            if walked.stoppedAtEnvelope {
                scanner.position = 0
                frameLineOfRecords(&scanner, range: range, lineNumber: lineNumber, index: &index)
                index -= 1  // the deferred step; the envelope's records took their own indices
                return
            }
            scanner.skipWhitespace()
            guard scanner.atEnd else {
                throw JSONParseError(offset: scanner.position, reason: "unexpected text after the record")
            }
            guard walked.looksLikeEvent else {
                foreign(location, "line is not a CloudTrail event (\(Self.noEventKeys))")
                return
            }
            let fields = walked.fields.shifted(by: range.lowerBound)
            records.append(RecordSpan(range: range, location: location, keyFields: fields))
        } catch {
            var deep = JSONScanner(bytes: line)
            if deep.skipOverDeepValue() {
                report(
                    location, "line is nested deeper than \(JSONParser.maximumDepth) levels, so it was not read",
                    broken: true)
            } else {
                report(location, "line is not valid JSON (\(error.reason) at column \(error.offset + 1))", broken: true)
            }
        }
    }

    /// Frames a line that holds a whole `{"Records":[…]}` log file, as some SIEM exports write it.
    private mutating func frameLineOfRecords(
        _ scanner: inout JSONScanner, range: Range<Int>, lineNumber: Int, index: inout Int
    ) {
        var lineFramer = RecordFramer(input: input)
        var firstIndex = index
        lineFramer.frameValueStream(&scanner, nextIndex: &firstIndex)
        for var record in lineFramer.records {
            record.range = (record.range.lowerBound + range.lowerBound)..<(record.range.upperBound + range.lowerBound)
            record.keyFields = record.keyFields.shifted(by: range.lowerBound)
            record.location = RecordLocation(
                file: input.path, index: record.location.index, line: lineNumber, byteOffset: record.range.lowerBound)
            records.append(record)
        }
        issues.append(
            contentsOf: lineFramer.issues.map { issue in
                var moved = issue
                moved.location = RecordLocation(
                    file: input.path, index: issue.location?.index ?? index, line: lineNumber,
                    byteOffset: range.lowerBound + (issue.location?.byteOffset ?? 0))
                return moved
            })
        foreignCount += lineFramer.foreignCount
        sawBrokenInput = sawBrokenInput || lineFramer.sawBrokenInput
        index = firstIndex
    }

    // MARK: - Helpers

    private static let noEventKeys =
        "it has none of eventVersion, eventSource, eventName, eventTime, eventID, "
        + "userIdentity or detail at its top level"

    private mutating func skipFile(_ reason: String) {
        format = nil
        issues.append(ReadIssue(kind: .skippedFile, file: input.path, reason: reason))
    }

    private mutating func report(_ location: RecordLocation, _ reason: String, broken: Bool) {
        if broken { sawBrokenInput = true } else { foreignCount += 1 }
        issues.append(ReadIssue(kind: .malformedRecord, file: input.path, location: location, reason: reason))
    }

    /// A value read whole that is not an event.
    private mutating func foreign(_ location: RecordLocation, _ reason: String) {
        report(location, reason, broken: false)
    }

    /// Structure that could not be read.
    private mutating func broken(index: Int, offset: Int, _ reason: String) {
        report(RecordLocation(file: input.path, index: index, byteOffset: offset), reason, broken: true)
    }

    private mutating func reportTrailingContent(_ scanner: inout JSONScanner, after what: String) {
        scanner.skipWhitespace()
        guard !scanner.atEnd else { return }
        broken(index: records.count, offset: scanner.position, "unexpected content after \(what); it was not read")
    }

    /// Why a file in which nothing is an event (and nothing is broken) is skipped, judged by its
    /// first value.
    static func verdict(on first: JSONScanner) -> String {
        switch first.current {
        case UInt8(ascii: "{"):
            let keys = topLevelKeys(of: first)
            if keys.contains("digestStartTime") || keys.contains("digestEndTime") {
                return "CloudTrail digest file (holds hashes, not events)"
            }
            let shown = keys.sorted().prefix(5).joined(separator: ", ")
            return "not CloudTrail: a JSON object without Records or event fields (keys: \(shown))"
        case UInt8(ascii: "["):
            var element = first
            element.position += 1
            element.skipWhitespace()
            guard !element.atEnd, element.current == UInt8(ascii: "{") else {
                return "not CloudTrail: an array without event objects"
            }
            let shown = topLevelKeys(of: element).sorted().prefix(5).joined(separator: ", ")
            return "not CloudTrail: an array of objects without event fields (keys: \(shown))"
        default:
            return "not JSON (it starts with '\(JSONScanner.printable(first.current))'); expected CloudTrail JSON"
        }
    }

    /// The keys of the object starting at `scanner`, read without building values. Stops quietly
    /// at the first structural problem, returning the keys seen so far, and stops at a `Records`
    /// key, so probing a whole log file costs nothing.
    static func topLevelKeys(of start: JSONScanner) -> Set<String> {
        var scanner = start
        var keys: Set<String> = []
        do throws(JSONParseError) {
            try scanner.skipObject(
                stoppingBefore: { key in
                    let isRecords = key.elementsEqual(JSONScanner.recordsKey)
                    if isRecords { keys.insert("Records") }
                    return isRecords
                },
                visitingMembers: { key, _ in
                    keys.insert(String(decoding: key, as: UTF8.self))
                })
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
