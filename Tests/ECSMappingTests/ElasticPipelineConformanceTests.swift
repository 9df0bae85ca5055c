import ECSMapping
import Foundation
import Testing
import TrailTriageJSON

/// Maps every record of Elastic's pipeline test corpus and compares the result with Elastic's
/// expected documents (ecs-mapping.md §11).
@Suite struct ElasticPipelineConformanceTests {
    /// Elastic's tests fix the shipper's timestamp at this value.
    static let readTime = "2021-11-11T01:02:03.123456789Z"

    @Test(.enabled(if: SharedCorpus.isAvailable, "../shared/corpus is absent; conformance skipped"))
    func mappedDocumentsMatchElasticExpectations() throws {
        let folder = try #require(SharedCorpus.pipelineFolder)
        let logs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".log") }
            .sorted()
        #expect(!logs.isEmpty, "no *.log files in \(folder.path)")

        var compared = 0
        var mismatches: [String] = []
        for log in logs {
            let test = String(log.dropLast(".log".count))
            let retain = try Self.retainMode(folder: folder, log: log)
            let mapper = ECSMapper(options: ECSMapperOptions(retain: retain, readTime: Self.readTime))
            let lines = try String(contentsOf: folder.appendingPathComponent(log), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            let expectedText = try String(
                contentsOf: folder.appendingPathComponent(log + "-expected.json"), encoding: .utf8
            )
            let expectedDocuments = try #require(JSONParser.parse(expectedText)["expected"]?.arrayValue)

            for (index, line) in lines.enumerated() {
                let text = String(line)
                guard !text.allSatisfy(\.isWhitespace) else { continue }
                guard index < expectedDocuments.count, let expected = expectedDocuments[index].objectValue else {
                    mismatches.append("\(test) doc \(index): no expected document for this line")
                    continue
                }
                // Guards the line/document alignment.
                if let original = expected["event"]?["original"]?.stringValue, original != text {
                    mismatches.append("\(test) doc \(index): expected event.original differs from the input line")
                }
                let result: ECSMappingResult
                do {
                    result = try mapper.map(try JSONParser.parse(text), originalText: text)
                } catch {
                    mismatches.append("\(test) doc \(index): mapping failed: \(error)")
                    continue
                }
                if result.document.string(at: "event.original") != text {
                    mismatches.append("\(test) doc \(index): event.original is not the input line")
                }
                let comparison = CorpusComparison(test: test, documentIndex: index, retain: retain)
                mismatches += comparison.mismatches(expected: expected, actual: result.document).map(\.description)
                compared += 1
            }
        }
        print(
            """
            Elastic pipeline conformance: \(compared) documents from \(logs.count) files, \(mismatches.count) \
            mismatches
            """
        )
        #expect(compared >= 20, "only \(compared) documents were compared")
        #expect(mismatches.count == 0, "\(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
    }

    /// `_conf.retain` from `<log>-config.yml`, read with a line parser (the file is tiny YAML).
    static func retainMode(folder: URL, log: String) throws -> ECSMapperOptions.RetainMode {
        let config = folder.appendingPathComponent(log + "-config.yml")
        guard let text = try? String(contentsOf: config, encoding: .utf8) else { return .all }
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("retain:") else { continue }
            let value = trimmed.dropFirst("retain:".count)
                .trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return try #require(ECSMapperOptions.RetainMode(rawValue: value), "unknown retain mode \(value)")
        }
        return .all
    }
}
