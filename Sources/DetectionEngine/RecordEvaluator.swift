import CloudTrailReader
import ECSMapping
import KQL
import TrailTriageJSON

/// Turns one file's records into rule matches: frame → prefilter → map → match. Deciding which
/// matches become alerts happens after every file is read (``AlertDecider``).
///
/// The prefilter is where the time goes, or rather does not: it looks up the few rules whose
/// pinned provider or action fit the record (``RuleIndex``), then evaluates their queries over
/// the fields the record's bytes give cheaply (``RecordFields``). Only records that some rule
/// matches, or cannot rule out, are parsed and mapped.
struct RecordEvaluator {
    let rules: [CompiledRule]
    let mapper: ECSMapper
    let usesPrefilter: Bool
    /// Whether any rule reads `event.original`; only then is each parsed record copied into it.
    let keepsOriginalText: Bool
    private let index: RuleIndex
    private let constants = ConstantBytes()

    init(rules: [CompiledRule], mapper: ECSMapper, usesPrefilter: Bool) {
        self.rules = rules
        self.mapper = mapper
        self.usesPrefilter = usesPrefilter
        keepsOriginalText = rules.contains { $0.query.fieldNames.contains("event.original") }
        index = RuleIndex(rules: rules)
    }

    /// Frames one file and evaluates each of its records.
    func evaluate<Accumulator: EventAccumulator>(_ input: InputFile, digests: inout Accumulator) -> FileOutcome {
        let framed = CloudTrailReader.read(input)
        var outcome = FileOutcome(ruleCount: rules.count)
        outcome.issues = framed.issues
        outcome.wasUnreadable = framed.issues.contains { $0.kind == .unreadableFile }
        outcome.wasSkipped = framed.wasSkipped && !outcome.wasUnreadable
        outcome.records = framed.records.count
        outcome.malformed = framed.issues.filter { $0.kind == .malformedRecord }.count
        outcome.bytesCompressed = framed.compressedSize
        outcome.bytesDecompressed = framed.bytes.count
        var candidates: [Int] = []
        candidates.reserveCapacity(rules.count)
        framed.bytes.withUnsafeBufferPointer { buffer in
            for span in framed.records {
                evaluate(span, in: buffer, candidates: &candidates, into: &outcome, digests: &digests)
            }
        }
        return outcome
    }

    private func evaluate<Accumulator: EventAccumulator>(
        _ span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>, candidates: inout [Int],
        into outcome: inout FileOutcome, digests: inout Accumulator
    ) {
        let collectsDigests = Accumulator.self != NoEventAccumulator.self
        prefilter(span, in: buffer, into: &candidates)
        if candidates.isEmpty {
            reportMissingKeys(span, into: &outcome)
            guard collectsDigests else { return }
            if let digest = EventDigest.raw(span: span, in: buffer) {
                digests.add(raw: digest)
                return
            }
        }
        let record = UnsafeBufferPointer(rebasing: buffer[span.range])
        guard let document = map(record, at: span.location, into: &outcome) else { return }
        outcome.evaluated += 1
        if collectsDigests {
            digests.add(Self.digest(of: document))
        }
        match(document, record: record, at: span.location, candidates: candidates, into: &outcome)
    }

    /// The rules that may match the record, in rule order: every rule without the prefilter;
    /// with it, the indexed candidates whose query the cheap fields do not rule out.
    private func prefilter(_ span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>, into candidates: inout [Int]) {
        guard usesPrefilter else {
            candidates.removeAll(keepingCapacity: true)
            candidates.append(contentsOf: rules.indices)
            return
        }
        var fields = RecordFields(span: span, in: buffer, constants: constants)
        index.candidates(action: fields.action, provider: fields.provider, into: &candidates)
        candidates.removeAll { rules[$0].partialQuery.evaluate(&fields) == .fails }
    }

    /// Parses and maps one record, reporting what goes wrong; `nil` when it cannot be mapped.
    private func map(_ record: UnsafeBufferPointer<UInt8>, at location: RecordLocation, into outcome: inout FileOutcome) -> ECSDocument? {
        switch mapped(record) {
        case .success(let result):
            for warning in result.warnings {
                outcome.issues.append(ReadIssue(kind: .malformedRecord, file: location.file, location: location, reason: warning))
            }
            return result.document
        case .failure(let failure):
            outcome.malformed += 1
            outcome.issues.append(ReadIssue(kind: .malformedRecord, file: location.file, location: location, reason: failure.reason))
            return nil
        }
    }

    /// Evaluates the candidate rules on the mapped document and records their matches.
    private func match(
        _ document: ECSDocument, record: UnsafeBufferPointer<UInt8>, at location: RecordLocation,
        candidates: [Int], into outcome: inout FileOutcome
    ) {
        var eventKey: String?
        var bytes: [UInt8]?
        for index in candidates {
            let rule = rules[index]
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
            let copy = bytes ?? Array(record)
            bytes = copy
            outcome.matches[index].append(RuleMatch(
                time: document.timestampMilliseconds, eventKey: key, record: copy,
                location: location, combinations: combinations
            ))
        }
    }

    /// A record's parse and mapping: the same steps for evaluating it and, later, for building
    /// the document of an alert it raised.
    func mapped(_ record: UnsafeBufferPointer<UInt8>) -> Result<ECSMappingResult, MappingFailure> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(record, repairingInvalidUTF8: true)
        } catch {
            return .failure(MappingFailure(reason: "not valid JSON: \(error)"))
        }
        let originalText = keepsOriginalText ? String(decoding: record, as: UTF8.self) : nil
        do {
            return .success(try mapper.map(Self.unwrapEventBridge(value), originalText: originalText))
        } catch {
            return .failure(MappingFailure(reason: error.description))
        }
    }

    /// The document of an alert's record, mapped again from its bytes.
    func alertDocument(_ record: [UInt8]) -> ECSDocument? {
        record.withUnsafeBufferPointer { bytes in
            if case .success(let result) = mapped(bytes) { return result.document }
            return nil
        }
    }

    struct MappingFailure: Error {
        var reason: String
    }

    private static func digest(of document: ECSDocument) -> EventDigest {
        var digest = EventDigest(document: document)
        if !EventDigest.actionsNeedingDocuments.contains(digest.action) {
            digest.document = nil  // keep memory for the few events that need their details
        }
        return digest
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
