import Alerts
import CloudTrailReader
import DetectionRules
import ECSMapping
import EQL
import ESQL
import KQL
import RelatedActivity
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
    /// The mapper with the configured enrichment (user agent, GeoIP/ASN), for alerts and for
    /// records a candidate rule reads enriched fields on.
    let mapper: ECSMapper
    /// The same mapper without lookups, for every other record: enrichment costs time and no
    /// rule there reads its fields.
    private let plainMapper: ECSMapper
    /// Per rule, whether its query or new-terms fields read enriched fields.
    private let readsEnrichment: [Bool]
    let usesPrefilter: Bool
    /// Whether any rule reads `event.original`; only then is each parsed record copied into it.
    let keepsOriginalText: Bool
    private let index: RuleIndex
    /// Each rule's query over cheap fields, by rule index, and the slots they share.
    let partialRules: [PartialRule]
    let slots: CheapFieldSlots
    private let constants = ConstantBytes()
    /// `user_agent.name` by user-agent string, for rules that test it before mapping.
    private let userAgentNames: UserAgentNames
    private let geoIPKeywords: GeoIPKeywords?
    /// Whether the mapper keeps flattened payloads, and whether it has GeoIP/ASN databases: read
    /// once here, since every record's cheap fields need them.
    private let flattensPayloads: Bool
    private let enrichesSourceAddress: Bool

    let readLimits: ReadLimits
    /// The secret that keys matched records' digests (see ``RecordDigest``).
    let digestKey: UInt64
    /// Whether each query-rule match also gives a ``ProvisionalAlert`` (a console's scan).
    let streamsQueryMatches: Bool
    /// What alerts record about each rule, by rule index; filled only when streaming.
    private let alertRules: [AlertRule]
    /// The scan accumulator's ``EventAccumulator/actionsNeedingDocuments``, and their UTF-8.
    private let actionsNeedingDocuments: Set<String>
    private let documentActionBytes: [[UInt8]]

    init(
        rules: [CompiledRule], mapper: ECSMapper, usesPrefilter: Bool, readLimits: ReadLimits = ReadLimits(),
        digestKey: UInt64 = .random(in: .min ... .max), streamsQueryMatches: Bool = false,
        actionsNeedingDocuments: Set<String>
    ) {
        self.rules = rules
        self.actionsNeedingDocuments = actionsNeedingDocuments
        documentActionBytes = actionsNeedingDocuments.map { Array($0.utf8) }
        self.streamsQueryMatches = streamsQueryMatches
        alertRules = streamsQueryMatches ? rules.map(AlertDecider.alertRule(of:)) : []
        self.digestKey = digestKey
        self.mapper = mapper
        var plainOptions = mapper.options
        plainOptions.enrichment = ECSEnrichment()
        plainMapper = ECSMapper(options: plainOptions)
        userAgentNames = UserAgentNames(parser: mapper.options.enrichment.userAgents)
        geoIPKeywords = mapper.options.enrichment.geoIP.map(GeoIPKeywords.init(databases:))
        flattensPayloads = mapper.options.retain == .all || mapper.options.retain == .flattened
        enrichesSourceAddress = mapper.options.enrichment.geoIP != nil
        readsEnrichment = rules.map { rule in rule.fieldsRead.contains(where: ECSEnrichment.isEnrichedField) }
        self.usesPrefilter = usesPrefilter
        self.readLimits = readLimits
        keepsOriginalText = rules.contains { $0.fieldsRead.contains("event.original") }
        index = RuleIndex(rules: rules)
        var slots = CheapFieldSlots()
        partialRules = rules.map { PartialRule($0, slots: &slots) }
        self.slots = slots
    }

    /// Frames one file and evaluates each of its records.
    func evaluate<Accumulator: EventAccumulator>(_ input: InputFile, digests: inout Accumulator) -> FileOutcome {
        let framed = CloudTrailReader.read(input, limits: readLimits)
        var outcome = FileOutcome(ruleCount: rules.count)
        outcome.matches.paths = [input.path]
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
        if input.isStandardInput {
            // Standard input cannot be read again for the alerts' documents: its matches keep their bytes.
            for (position, record) in outcome.matches.records.enumerated() {
                outcome.matches.keptBytes[position] = Array(framed.bytes[record.range])
            }
        }
        return outcome
    }

    private func evaluate<Accumulator: EventAccumulator>(
        _ span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>, candidates: inout [Int],
        into outcome: inout FileOutcome, digests: inout Accumulator
    ) {
        let collectsDigests = Accumulator.self != NoEventAccumulator.self
        // One set of cheap fields serves the prefilter and matching from bytes, so no field is
        // read from the record twice.
        var fields = fields(of: span, in: buffer)
        let candidatesAllMatch = prefilter(span, fields: &fields, into: &candidates)
        if candidates.isEmpty {
            reportMissingKeys(span, into: &outcome)
            guard collectsDigests else { return }
            if let digest = EventSummary.raw(span: span, in: buffer, needingDocuments: documentActionBytes) {
                digests.add(raw: digest)
                return
            }
        }
        let record = UnsafeBufferPointer(rebasing: buffer[span.range])
        if usesPrefilter && candidatesAllMatch
            && matchFromBytes(span, in: buffer, fields: &fields, candidates: candidates, into: &outcome)
        {
            guard collectsDigests else { return }
            // Matched without mapping: the digest comes from the bytes too, or, for the few
            // records it cannot, from the document after all.
            if let digest = EventSummary.raw(span: span, in: buffer, needingDocuments: documentActionBytes) {
                digests.add(raw: digest)
            } else if let document = alertDocument(record) {
                digests.add(digest(of: document))
            }
            return
        }
        let enriched = candidates.contains { readsEnrichment[$0] }
        guard let document = map(record, enriched: enriched, at: span.location, into: &outcome) else { return }
        outcome.evaluated += 1
        if collectsDigests {
            digests.add(digest(of: document))
        }
        match(document, record: record, at: span, candidates: candidates, into: &outcome)
    }

    /// The rules that may match the record, in rule order: every rule without the prefilter;
    /// with it, the indexed candidates whose query the cheap fields do not rule out. Returns
    /// whether the cheap fields settle every remaining candidate as a match (so the record may
    /// match from its bytes alone).
    private func prefilter(_ span: RecordSpan, fields: inout RecordFields, into candidates: inout [Int]) -> Bool {
        guard usesPrefilter else {
            candidates.removeAll(keepingCapacity: true)
            candidates.append(contentsOf: index.logRules)
            return false
        }
        index.candidates(action: fields.action, provider: fields.provider, into: &candidates)
        // A record framing could not read goes to the mapper, which reports what is wrong with it.
        guard fields.isUsable else { return false }
        var allMatch = true
        var kept = 0
        for position in candidates.indices {
            let candidate = candidates[position]
            switch partialRules[candidate].query.evaluate(&fields) {
            case .fails: continue
            case .unknown: allMatch = false
            case .matches: break
            }
            candidates[kept] = candidate
            kept += 1
        }
        candidates.removeLast(candidates.count - kept)
        return allMatch
    }

    /// Records the matches of a record whose every candidate rule matches on cheap fields alone
    /// (the prefilter found so, on these `fields`), with new-terms values, time and identity all
    /// read from bytes, so the record need not be mapped now (its document is built later if it
    /// alerts). Returns `false`, having recorded nothing, when any of that needs the document.
    private func matchFromBytes(
        _ span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>, fields: inout RecordFields, candidates: [Int],
        into outcome: inout FileOutcome
    ) -> Bool {
        func text(_ range: Range<Int>?) -> KQLPartialValue {
            RecordFields.plainText(range.map { UnsafeBufferPointer(rebasing: buffer[$0]) })
        }
        guard fields.isUsable, case .text(let timeText) = text(span.keyFields.eventTime),
            let time = ECSTimestamp.parse(timeText)
        else { return false }
        // A record without an eventID is mapped, so the mapper's warning about it is reported.
        guard case .text(let idBytes) = text(span.keyFields.eventID) else { return false }
        let eventID = String(decoding: idBytes, as: UTF8.self)
        var found: [(rule: Int, combinations: [[String]]?)] = []
        for index in candidates {
            // Read in place: copying a compiled rule out of the array retains every reference it holds.
            guard !rules[index].needsDocumentToMatch else { return false }
            guard rules[index].historyWindowMilliseconds != nil else {
                found.append((index, nil))
                continue
            }
            guard let newTermsFields = partialRules[index].newTermsSlots else { return false }
            var values: [[String]] = []
            var product = 1
            for slot in newTermsFields {
                guard let keywords = fields.keywords(of: slots.fields[slot]) else { return false }
                values.append(keywords)
                // Nearly every field has one value: only several need a set to count distinct ones.
                product *= keywords.count > 1 ? Set(keywords).count : 1
            }
            // Past the cap of 100 the mapper's value order decides which combinations count.
            guard product <= 100 else { return false }
            let combinations = NewTermsEvaluator.combinations(of: values)
            // An event missing a new-terms field has no combination and can never alert.
            if !combinations.isEmpty { found.append((index, combinations)) }
        }
        guard !found.isEmpty else { return true }
        let record = UnsafeBufferPointer(rebasing: buffer[span.range])
        let position = outcome.matches.add(
            span, file: 0, time: time, eventKey: AlertIdentity.eventKey(eventID: eventID, recordBytes: record),
            digest: RecordDigest(record, key: digestKey))
        for (index, combinations) in found {
            outcome.matches.addMatch(rule: index, record: position, combinations: combinations)
        }
        if streamsQueryMatches, found.contains(where: { $0.combinations == nil }) {
            let key = outcome.matches.records[position].eventKey
            // Read from the bytes when they are plain; the few other records are mapped now.
            let row =
                EventSummary.raw(span: span, in: buffer, needingDocuments: documentActionBytes).map(\.summary)
                ?? alertDocument(record).map(EventSummary.init(document:))
            for (index, combinations) in found where combinations == nil {
                if let row { outcome.provisional.append(provisional(rule: index, eventKey: key, time: time, row)) }
            }
        }
        return true
    }

    /// The list row of a query-rule match, as soon as its file is read.
    private func provisional(rule: Int, eventKey: String, time: Int64, _ row: EventSummary) -> ProvisionalAlert {
        let info = alertRules[rule]
        return ProvisionalAlert(
            uuid: AlertIdentity.uuid(ruleID: info.ruleID, eventKey: eventKey), rule: info, time: time,
            actor: row.actorARN, action: row.action, account: row.account, region: row.region
        )
    }

    /// The cheap fields of a record, for the rules of this scan.
    func fields(of span: RecordSpan, in buffer: UnsafeBufferPointer<UInt8>) -> RecordFields {
        RecordFields(
            span: span, in: buffer, slots: slots.fields, constants: constants,
            flattensPayloads: flattensPayloads, enrichesSourceAddress: enrichesSourceAddress,
            userAgentNames: userAgentNames,
            geoIPKeywords: geoIPKeywords
        )
    }

    /// Parses and maps one record, reporting what goes wrong; `nil` when it cannot be mapped.
    private func map(
        _ record: UnsafeBufferPointer<UInt8>, enriched: Bool, at location: RecordLocation,
        into outcome: inout FileOutcome
    ) -> ECSDocument? {
        func issue(_ reason: String) -> ReadIssue {
            ReadIssue(kind: .malformedRecord, file: location.file, location: location, reason: reason)
        }
        switch mapped(record, enriched: enriched) {
        case .success(let result):
            outcome.issues.append(contentsOf: result.warnings.map(issue))
            return result.document
        case .failure(let failure):
            outcome.malformed += 1
            outcome.issues.append(issue(failure.reason))
            return nil
        }
    }

    /// Evaluates the candidate rules on the mapped document and records their matches.
    private func match(
        _ document: ECSDocument, record: UnsafeBufferPointer<UInt8>, at span: RecordSpan,
        candidates: [Int], into outcome: inout FileOutcome
    ) {
        var position: Int?
        for index in candidates {
            let rule = rules[index]
            guard rule.query.matches(document) else { continue }
            var combinations: [[String]]?
            var values: [String] = []
            var stages: UInt32 = 0
            var row: ESQLRow?
            if let eql = rule.eql {
                if let sequence = eql.query.sequence {
                    let matched = sequence.stagesMatched(by: document, categoryField: eql.categoryField)
                    // An event without every `by` field cannot join a sequence.
                    guard !matched.isEmpty, let key = sequence.joinKey(of: document) else { continue }
                    combinations = [key]
                    stages = matched.reduce(0) { $0 | (1 << UInt32($1 % 32)) }
                } else {
                    guard eql.query.matches(document, categoryField: eql.categoryField) else { continue }
                }
            } else if let esql = rule.esql {
                let key = AlertIdentity.eventKey(eventID: document.eventID, recordBytes: record)
                guard let prepared = esql.prepare(document, metadata: ESQLMetadata(id: key, index: Self.esqlIndex))
                else { continue }
                row = prepared
                combinations = []
            } else if let threshold = rule.threshold {
                let groups = NewTermsEvaluator.combinations(
                    of: threshold.fields.map { document.keywordValues(at: $0) })
                // An event missing a group-by field is not counted (Kibana's terms aggregation).
                guard !groups.isEmpty else { continue }
                combinations = groups
                values = threshold.cardinality.map { document.keywordValues(at: $0.field) } ?? []
            } else if let fields = rule.rule.newTerms?.fields {
                let found = NewTermsEvaluator.combinations(of: fields.map { document.keywordValues(at: $0) })
                // An event missing a new-terms field has no combination and can never alert.
                guard !found.isEmpty else { continue }
                combinations = found
            }
            let matched =
                position
                ?? outcome.matches.add(
                    span, file: 0, time: document.timestampMilliseconds,
                    eventKey: AlertIdentity.eventKey(eventID: document.eventID, recordBytes: record),
                    digest: RecordDigest(record, key: digestKey))
            position = matched
            outcome.matches.addMatch(
                rule: index, record: matched, combinations: combinations, values: values, stages: stages, row: row)
            if streamsQueryMatches && combinations == nil {
                let key = outcome.matches.records[matched].eventKey
                outcome.provisional.append(
                    provisional(
                        rule: index, eventKey: key, time: document.timestampMilliseconds,
                        EventSummary(document: document)))
            }
        }
    }

    /// The `_index` ES|QL's `METADATA _index` gives CloudTrail documents: the integration's data stream.
    static let esqlIndex = "logs-aws.cloudtrail-default"

    /// A record's parse and mapping: the same steps for evaluating it and, later, for building
    /// the document of an alert it raised.
    func mapped(_ record: UnsafeBufferPointer<UInt8>, enriched: Bool = true) -> Result<ECSMappingResult, MappingFailure>
    {
        let value: JSONValue
        do {
            value = try JSONParser.parse(record, repairingInvalidUTF8: true)
        } catch {
            return .failure(MappingFailure(reason: "not valid JSON: \(error)"))
        }
        let originalText = keepsOriginalText ? String(decoding: record, as: UTF8.self) : nil
        do {
            let chosen = enriched ? mapper : plainMapper
            return .success(try chosen.map(Self.unwrapEventBridge(value), originalText: originalText))
        } catch {
            return .failure(MappingFailure(reason: error.description))
        }
    }

    /// The document of an alert's record, mapped again from its bytes.
    func alertDocument(_ record: UnsafeBufferPointer<UInt8>) -> ECSDocument? {
        if case .success(let result) = mapped(record) { return result.document }
        return nil
    }

    struct MappingFailure: Error {
        var reason: String
    }

    private func digest(of document: ECSDocument) -> EventSummary {
        var digest = EventSummary(document: document)
        if !actionsNeedingDocuments.contains(digest.action) {
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
            outcome.issues.append(
                ReadIssue(
                    kind: .malformedRecord, file: span.location.file, location: span.location,
                    reason: "eventTime is missing, so the event cannot be placed in time."))
        } else if span.keyFields.eventID == nil {
            outcome.issues.append(
                ReadIssue(
                    kind: .malformedRecord, file: span.location.file, location: span.location,
                    reason:
                        "eventID is missing, so event.id is not set and a duplicate delivery of this event "
                        + "cannot be recognised."
                ))
        }
    }

    static func unwrapEventBridge(_ value: JSONValue) -> JSONValue {
        EventBridgeEnvelope.unwrap(value)
    }
}
