import CloudTrailGenerator
import RelatedActivity
import TestSupport
import Testing

@testable import DetectionEngine

/// Collects digests in a plain array, for comparisons.
struct DigestList: EventAccumulator {
    var digests: [EventSummary] = []
    mutating func add(_ digest: EventSummary) { digests.append(digest) }
    mutating func merge(_ other: DigestList) { digests += other.digests }
}

/// Digests read from bytes must say exactly what the mapped documents say.
@Suite struct EventDigestTests {
    private func fields(_ digest: EventSummary) -> [String] {
        [
            String(digest.time), digest.eventID, digest.provider, digest.action, digest.outcome, digest.actorARN,
            digest.accessKeyID, digest.sessionID, digest.account, digest.region, digest.source,
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
}
