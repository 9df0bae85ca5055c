import CloudTrailReader
import DetectionRules
import ECSMapping
import Foundation
import KQL
import TestSupport
import Testing

@testable import DetectionEngine

/// The values read from record bytes must be exactly what the mapper puts in the document, and a
/// rule's three-valued verdict must never contradict its verdict on the document.
@Suite struct RecordFieldsTests {
    private static let fields: [CheapField] = [
        .provider, .action, .dataset, .outcome, .errorCode, .sourceAddress, .sourceIP, .userAgent, .identityType,
        .identityARN, .accessKeyID, .invokedBy, .sessionIssuerARN, .userName, .accountID, .resourceARNs, .enrichment,
        .userID, .principalID,
        .requestParameter("userName"), .requestParameter("reason"), .requestParameter("omitted"),
        .requestParameter("withDecryption"), .requestParameter("serialNumber"),
    ]

    private struct Checked {
        var records = 0
        var known = 0
        var excluded = 0
    }

    /// Reads `path`, and for every record compares each cheap field and each rule's partial
    /// verdict with the mapped document.
    private func check(_ path: String, rules: [CompiledRule], into checked: inout Checked) {
        let evaluator = RecordEvaluator(
            rules: rules, mapper: .init(), usesPrefilter: true,
            actionsNeedingDocuments: NoEventAccumulator.actionsNeedingDocuments)
        let framed = CloudTrailReader.read(InputFile(path: path))
        framed.bytes.withUnsafeBufferPointer { buffer in
            for span in framed.records {
                guard case .success(let result) = evaluator.mapped(UnsafeBufferPointer(rebasing: buffer[span.range]))
                else { continue }
                let document = result.document
                checked.records += 1
                var fields = evaluator.fields(of: span, in: buffer)
                for field in Self.fields {
                    let mapped = document.keywordValues(at: field.path)
                    let value = fields.value(of: field)
                    switch value {
                    case .unknown: continue
                    case .absent: #expect(mapped.isEmpty, "\(field) absent in \(span.location), mapped \(mapped)")
                    case .present: #expect(!mapped.isEmpty, "\(field) present in \(span.location)")
                    case .text(let bytes):
                        let text = String(decoding: bytes, as: UTF8.self)
                        #expect(mapped == [text], "\(field) in \(span.location): \(mapped)")
                    }
                    checked.known += 1
                }
                for field in Self.fields {
                    guard let keywords = fields.keywords(of: field) else { continue }
                    let mapped = document.keywordValues(at: field.path)
                    #expect(Set(keywords) == Set(mapped), "\(field) in \(span.location): \(keywords) vs \(mapped)")
                }
                for (rule, partial) in zip(rules, evaluator.partialRules) {
                    let verdict = partial.query.evaluate(&fields)
                    let matches = rule.query.matches(document)
                    if verdict == .fails { checked.excluded += 1 }
                    #expect(
                        verdict != (matches ? .fails : .matches),
                        "\(rule.rule.name) on \(span.location): partial \(verdict), document \(matches)")
                }
            }
        }
    }

    @Test func cheapFieldsAgreeWithTheMapperOnRecordsShapedToMisleadAReader() throws {
        let directory = try ScratchDirectory()
        let queries = [
            "event.action: CreateUser and event.outcome: success",
            "event.provider: iam.amazonaws.com and aws.cloudtrail.user_identity.type: IAMUser",
            "event.outcome: failure or aws.cloudtrail.error_code: *",
            "not aws.cloudtrail.user_identity.type: Root and user_agent.original: aws*",
            "source.ip: * and aws.cloudtrail.user_identity.access_key_id: AKIA*",
            "event.action: CreateAccessKey and data_stream.dataset: aws.cloudtrail",
            #"event.action: GetCallerIdentity and user.id: *\:i-*"#,
            "aws.cloudtrail.user_identity.principal_id: AROA* or user.id: u-*",
        ]
        for (index, query) in queries.enumerated() {
            let file = RuleSetTests.ruleFile(id: "rf-\(index)", name: "R\(index)", query: query)
            try directory.write("rules/r\(index).toml", file)
        }
        let rules = RuleSet.load(paths: [directory.path + "/rules"]).rules
        #expect(rules.count == queries.count)
        let path = try directory.write("odd.ndjson", PackRecords.lines(for: rules).joined(separator: "\n") + "\n")
        var checked = Checked()
        check(path, rules: rules, into: &checked)
        #expect(checked.records > 50)
        #expect(checked.known > checked.records * Self.fields.count / 2, "fields read from bytes: \(checked.known)")
        #expect(checked.excluded > 0)
    }

    @Test(
        .enabled(
            if: FastPathEquivalenceTests.hasPack && RepositoryPaths.hasPipelineCorpus,
            "../shared/corpus (rules pack, pipeline corpus) is absent (a user's clone): skipped"))
    func theUpstreamPackNeverRulesOutARecordItsQueryMatches() throws {
        let rules = RuleSet.load(paths: [FastPathEquivalenceTests.packDirectory]).rules
        var checked = Checked()
        for corpus in ["elastic-cloudtrail-pipeline", "elastic-cloudtrail-pipeline-current"] {
            let root = RepositoryPaths.root + "/../shared/corpus/" + corpus
            for log in (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
            where log.hasSuffix(".log") {
                check(root + "/" + log, rules: rules, into: &checked)
            }
        }
        if RepositoryPaths.hasRecordedCorpus {
            for file in InputDiscovery.discover([RepositoryPaths.recordedCorpus]).files {
                check(file.path, rules: rules, into: &checked)
            }
        }
        #expect(checked.records > 100)
        #expect(checked.excluded > checked.records * rules.count / 2, "most rule-record pairs are excluded cheaply")
    }
}
