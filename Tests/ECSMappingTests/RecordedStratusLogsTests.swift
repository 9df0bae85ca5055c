import ECSMapping
import Foundation
import Testing
import TrailTriageJSON

/// Real CloudTrail records from Stratus Red Team detonations (Apache-2.0): every one must map
/// without errors or warnings, and the fields the seed rules read must be there.
@Suite struct RecordedStratusLogsTests {
    @Test(
        .enabled(
            if: SharedCorpus.isStratusAvailable, "../shared/corpus/recorded is absent; recorded-log checks skipped"))
    func everyRecordedRecordMapsCleanly() throws {
        let folder = try #require(SharedCorpus.stratusFolder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        let mapper = ECSMapper(options: ECSMapperOptions(readTime: "2024-01-01T00:00:00Z"))
        var mapped = 0
        var problems: [String] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let records = try #require(JSONParser.parse(text).arrayValue, "\(file) is not a JSON array")
            for (index, record) in records.enumerated() {
                do {
                    let result = try mapper.map(record, originalText: record.jsonText)
                    problems += result.warnings.map { "\(file)[\(index)]: \($0)" }
                    let document = result.document
                    for field in [
                        "event.provider", "event.action", "event.outcome", "aws.cloudtrail.user_identity.type",
                        "cloud.account.id",
                    ]
                    where document.keywordValues(at: field).isEmpty {
                        problems.append("\(file)[\(index)]: \(field) is missing")
                    }
                    let outcome = document.string(at: "event.outcome")
                    if outcome != "success" && outcome != "failure" {
                        problems.append("\(file)[\(index)]: event.outcome is \(outcome ?? "absent")")
                    }
                    mapped += 1
                } catch {
                    problems.append("\(file)[\(index)]: \(error)")
                }
            }
        }
        print("Recorded Stratus logs: \(mapped) records from \(files.count) files, \(problems.count) problems")
        #expect(mapped > 0)
        #expect(problems.count == 0, "\(problems.joined(separator: "\n"))")
    }

    @Test(
        .enabled(
            if: SharedCorpus.isStratusAvailable, "../shared/corpus/recorded is absent; recorded-log checks skipped"))
    func recordedTrustAnchorCreation() throws {
        let folder = try #require(SharedCorpus.stratusFolder)
        let text = try String(
            contentsOf: folder.appendingPathComponent("aws.persistence.rolesanywhere-create-trust-anchor.json"),
            encoding: .utf8
        )
        let records = try #require(JSONParser.parse(text).arrayValue)
        let documents = try records.map { try ECSMapper().map($0, originalText: nil).document }
        let anchors = documents.filter { $0.string(at: "event.action") == "CreateTrustAnchor" }
        #expect(!anchors.isEmpty)
        for document in anchors {
            #expect(document.string(at: "event.provider") == "rolesanywhere.amazonaws.com")
            #expect(document.string(at: "cloud.service.name") == "rolesanywhere")
            #expect(document.values(at: "event.category").isEmpty)
        }
    }
}
