import CloudTrailReader
import ECSMapping
import TrailTriageJSON

/// Turns one file's records into rule matches: peek, parse, map, evaluate.
struct RecordEvaluator {
    let rules: [CompiledRule]
    let mapper: ECSMapper
    let usesPrefilter: Bool
    /// Whether any rule reads `event.original`; only then is each parsed record copied into it.
    let keepsOriginalText: Bool
    let readLimits: ReadLimits

    init(rules: [CompiledRule], mapper: ECSMapper, usesPrefilter: Bool, readLimits: ReadLimits = ReadLimits()) {
        self.rules = rules
        self.mapper = mapper
        self.usesPrefilter = usesPrefilter
        self.readLimits = readLimits
        keepsOriginalText = rules.contains { $0.query.fieldNames.contains("event.original") }
    }

    func evaluate<Accumulator: EventAccumulator>(_ input: InputFile, digests: inout Accumulator) -> FileOutcome {
        let framed = CloudTrailReader.read(input, limits: readLimits)
        var outcome = FileOutcome(ruleCount: rules.count)
        outcome.issues = framed.issues
        outcome.wasUnreadable = framed.issues.contains { $0.kind == .unreadableFile }
        outcome.wasSkipped = framed.wasSkipped && !outcome.wasUnreadable
        outcome.records = framed.records.count
        outcome.malformed = framed.issues.filter { $0.kind == .malformedRecord }.count
        outcome.bytesCompressed = framed.compressedSize
        outcome.bytesDecompressed = framed.bytes.count
        framed.bytes.withUnsafeBufferPointer { buffer in
            for span in framed.records {
                evaluate(span, in: buffer, into: &outcome, digests: &digests)
            }
        }
        return outcome
    }

    private func evaluate<Accumulator: EventAccumulator>(
        _ span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>, into outcome: inout FileOutcome, digests: inout Accumulator
    ) {
        let record = UnsafeBufferPointer(rebasing: buffer[span.range])
        let location = span.location
        let collectsDigests = Accumulator.self != NoEventAccumulator.self
        // Framing already located the provider and action; records no rule can match stop here.
        var sourceBytes: UnsafeBufferPointer<UInt8>?
        var nameBytes: UnsafeBufferPointer<UInt8>?
        var mayMatch = true
        if usesPrefilter && span.keyFields.isKnown {
            sourceBytes = span.keyFields.eventSource.map { UnsafeBufferPointer(rebasing: buffer[$0]) }
            nameBytes = span.keyFields.eventName.map { UnsafeBufferPointer(rebasing: buffer[$0]) }
            // No list of candidate rules is built: this runs for every record, and the few that
            // pass ask each rule again below.
            mayMatch = rules.contains { $0.mightMatch(eventSource: sourceBytes, eventName: nameBytes) }
        }
        if !mayMatch {
            reportMissingKeys(span, into: &outcome)
            if collectsDigests, let digest = EventDigest.raw(span: span, in: buffer) {
                digests.add(raw: digest)
                return
            }
            if !collectsDigests { return }
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(record, repairingInvalidUTF8: true)
        } catch {
            outcome.malformed += 1
            outcome.issues.append(ReadIssue(kind: .malformedRecord, file: location.file, location: location, reason: "not valid JSON: \(error)"))
            return
        }
        let event = Self.unwrapEventBridge(value)
        let document: ECSDocument
        do {
            let result = try mapper.map(event, originalText: keepsOriginalText ? String(decoding: record, as: UTF8.self) : nil)
            document = result.document
            for warning in result.warnings {
                outcome.issues.append(ReadIssue(kind: .malformedRecord, file: location.file, location: location, reason: warning))
            }
        } catch {
            outcome.malformed += 1
            outcome.issues.append(ReadIssue(kind: .malformedRecord, file: location.file, location: location, reason: error.description))
            return
        }
        outcome.evaluated += 1
        if collectsDigests {
            var digest = EventDigest(document: document)
            if !EventDigest.actionsNeedingDocuments.contains(digest.action) {
                digest.document = nil  // keep memory for the few events that need their details
            }
            digests.add(digest)
        }
        guard mayMatch else { return }
        var eventKey: String?
        var contentKey: String?
        for (index, rule) in rules.enumerated() where rule.mightMatch(eventSource: sourceBytes, eventName: nameBytes) {
            guard rule.query.matches(document) else { continue }
            var combinations: [[String]]?
            if let fields = rule.rule.newTerms?.fields {
                let found = NewTermsEvaluator.combinations(of: fields.map { document.keywordValues(at: $0) })
                // An event missing a new-terms field has no combination and can never alert.
                guard !found.isEmpty else { continue }
                combinations = found
            }
            let key = eventKey ?? AlertIdentity.eventKey(eventID: document.eventID, recordBytes: record)
            eventKey = key
            // Hashed only for the few records that match: it tells re-deliveries from eventID clashes.
            let content = contentKey ?? AlertIdentity.contentKey(of: event)
            contentKey = content
            outcome.matches[index].append(RuleMatch(
                time: document.timestampMilliseconds, eventKey: key, contentKey: content, document: document,
                location: location, combinations: combinations
            ))
        }
    }

    /// Reports what framing can tell without parsing about a record no rule needs: the same
    /// missing-field problems the mapper would report, so the fast path hides nothing it can see.
    private func reportMissingKeys(_ span: RecordSpan, into outcome: inout FileOutcome) {
        guard span.keyFields.isKnown else { return }
        if span.keyFields.eventTime == nil {
            outcome.malformed += 1
            outcome.issues.append(ReadIssue(kind: .malformedRecord, file: span.location.file, location: span.location,
                                            reason: "eventTime is missing, so the event cannot be placed in time."))
        } else if span.keyFields.eventID == nil {
            outcome.issues.append(ReadIssue(kind: .malformedRecord, file: span.location.file, location: span.location,
                                            reason: "eventID is missing, so event.id is not set and a duplicate delivery of this event cannot be recognised."))
        }
    }

    /// EventBridge wraps a CloudTrail event as `{"detail-type": "AWS API Call via CloudTrail", "detail": {…}}`;
    /// Elastic does not unwrap it, so rules would silently miss such exports. We unwrap.
    static func unwrapEventBridge(_ value: JSONValue) -> JSONValue {
        guard let object = value.objectValue,
              object["eventName"] == nil,
              object["detail-type"]?.stringValue != nil,
              let detail = object["detail"], detail.objectValue?["eventName"] != nil
        else { return value }
        return detail
    }
}
