import CloudTrailGenerator
import RelatedActivity
import TestSupport
import Testing

@testable import DetectionEngine

/// Collects digests in a plain array, for comparisons.
struct DigestList: EventAccumulator {
    static let actionsNeedingDocuments = EventIndexBuilder.actionsNeedingDocuments
    var digests: [EventSummary] = []
    mutating func add(_ digest: EventSummary) { digests.append(digest) }
    mutating func merge(_ other: DigestList) { digests += other.digests }
}

/// Collects digests like ``DigestList`` but names no action whose documents it needs.
struct DocumentlessDigestList: EventAccumulator {
    static let actionsNeedingDocuments: Set<String> = []
    var digests: [EventSummary] = []
    mutating func add(_ digest: EventSummary) { digests.append(digest) }
    mutating func merge(_ other: DocumentlessDigestList) { digests += other.digests }
}

/// Digests read from bytes must say exactly what the mapped documents say.
@Suite struct EventDigestTests {
    private func fields(_ digest: EventSummary) -> [String] {
        [
            String(digest.time), digest.eventID, digest.provider, digest.action, digest.outcome, digest.actorARN,
            digest.accessKeyID, digest.sessionID, digest.account, digest.region, digest.source, digest.target,
        ]
    }

    private func compare(_ paths: [String]) -> (fromBytes: Int, total: Int) {
        let rules = RuleSet.load(paths: [RepositoryPaths.bundledRules])
        let fast = DetectionScan.run(
            paths: paths, configuration: ScanConfiguration(ruleSet: rules), accumulating: DigestList.self)
        let full = DetectionScan.run(
            paths: paths, configuration: ScanConfiguration(ruleSet: rules, usesPrefilter: false),
            accumulating: DigestList.self)
        let fastRows = fast.events.digests.map(fields).sorted { $0.lexicographicallyPrecedes($1) }
        let fullRows = full.events.digests.map(fields).sorted { $0.lexicographicallyPrecedes($1) }
        #expect(fastRows.count == fullRows.count)
        for (fastRow, fullRow) in zip(fastRows, fullRows) where fastRow != fullRow {
            Issue.record("digest from bytes \(fastRow) differs from the document's \(fullRow)")
            break
        }
        return (fast.events.digests.filter { $0.document == nil }.count, fast.events.digests.count)
    }

    @Test func generatedCorpusDigestsMatchTheMapper() throws {
        let directory = try ScratchDirectory()
        _ = try CloudTrailGenerator(configuration: GeneratorConfiguration(events: 4_000, seed: 3, days: 2, accounts: 2))
            .write(to: directory.path)
        let counts = compare([directory.path])
        #expect(counts.total == 4_000)
        #expect(counts.fromBytes > 3_900, "nearly every event is summarised without parsing")
    }

    @Test(
        .enabled(if: RepositoryPaths.hasRecordedCorpus, "../shared/corpus/recorded is absent (a user's clone): skipped")
    )
    func recordedCorpusDigestsMatchTheMapper() {
        #expect(compare([RepositoryPaths.recordedCorpus]).total == 310)
    }

    @Test func trustAnchorCreationsKeepTheirDocumentForDetails() {
        let result = DetectionScan.run(
            paths: [RepositoryPaths.fixtures + "/seed-rules"],
            configuration: ScanConfiguration(ruleSet: RuleSet.load(paths: [RepositoryPaths.bundledRules])),
            accumulating: DigestList.self)
        let anchor = result.events.digests.first { $0.action == "CreateTrustAnchor" }
        #expect(anchor?.document != nil)
        #expect(result.events.digests.count == 15)
    }

    /// The scan keeps documents for the actions its accumulator names and no others, on the
    /// prefiltered path and on the one that maps every record.
    @Test(arguments: [true, false])
    func documentsAreKeptOnlyForTheActionsTheAccumulatorNames(usesPrefilter: Bool) {
        let paths = [RepositoryPaths.fixtures + "/seed-rules"]
        let configuration = ScanConfiguration(
            ruleSet: RuleSet.load(paths: [RepositoryPaths.bundledRules]), usesPrefilter: usesPrefilter)
        let naming = DetectionScan.run(paths: paths, configuration: configuration, accumulating: DigestList.self)
        let kept = Set(naming.events.digests.filter { $0.document != nil }.map(\.action))
        #expect(kept == ["CreateTrustAnchor"])
        let none = DetectionScan.run(
            paths: paths, configuration: configuration, accumulating: DocumentlessDigestList.self)
        #expect(none.events.digests.count == 15)
        #expect(none.events.digests.contains { $0.action == "CreateTrustAnchor" })
        #expect(none.events.digests.allSatisfy { $0.document == nil })
    }
}
