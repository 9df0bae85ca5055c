import ECSMapping
import Foundation
import TestSupport
import Testing
import TrailTriageJSON

/// For every field an upstream AWS rule reads, our documents must equal the current pipeline's
/// expected documents on its test corpus (issue 10). Nothing a rule reads is ignored. The corpus
/// mixes pipeline generations (README.txt); a field is compared on the documents of the
/// generations that produce it at all, and, where generations contradict each other, on the
/// current generation's documents (``currentGenerationFields``, each with the contradiction).
@Suite struct RuleFieldConformanceTests {
    static let corpus = RepositoryPaths.root + "/../shared/corpus/elastic-cloudtrail-pipeline-current"
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: corpus + "/test") && RuleFieldCatalog.isAvailable
    }

    /// The pipeline generations the expected files come from, oldest first, told apart by what
    /// each generation adds to every document.
    enum Generation: Int, Comparable, CustomStringConvertible {
        /// Before the actor/target entity mapping (no `actor_target_mapping` tag).
        case beforeEntityMapping
        /// The actor/target entity mapping, before `cloud.provider`.
        case entityMapping
        /// The newest: entity mapping and `cloud.provider`.
        case newest

        init(expected: [String: JSONValue]) {
            let tags = expected.filter { $0.key == "tags" }.values.flatMap { $0.arrayValue ?? [] }
            if !tags.contains(.string("actor_target_mapping")) {
                self = .beforeEntityMapping
            } else {
                self = expected["cloud.provider"] == nil ? .entityMapping : .newest
            }
        }

        static func < (left: Generation, right: Generation) -> Bool { left.rawValue < right.rawValue }

        var description: String {
            switch self {
            case .beforeEntityMapping: "before the entity mapping"
            case .entityMapping: "entity mapping"
            case .newest: "newest"
            }
        }
    }

    /// One expected document and the line it came from.
    struct Case {
        var test: String
        var index: Int
        var commit: String
        var line: String
        var expected: [String: JSONValue]
        var generation: Generation { Generation(expected: expected) }
    }

    /// Fields whose generations contradict each other: compared from the oldest generation that
    /// agrees with the current pipeline, each with what the older ones did.
    static let currentGenerationFields: [String: (from: Generation, reason: String)] = [
        "related.entity": (
            .entityMapping,
            "before the entity mapping it listed principalId and the account id instead of the access key, and fewer "
                + "payload members"
        ),
        "user.entity.id": (
            .newest,
            "the first entity-mapping generation named an assumed role's session ARN; the newest names the role"
        ),
    ]

    /// Inputs TrailTriage refuses on purpose: Elastic indexes them anyway.
    static let refusedInputs: Set<String> = [
        "test-update-lambda-json"  // no eventTime: Elastic keeps the ingest time, TrailTriage reports the record
    ]

    /// Where a field's value comes from, and whether it can be compared here.
    static func source(
        of field: String, enrichment: ECSEnrichment, geoIP: CorpusGeoIPDatabases?
    ) -> (name: String, compared: Bool) {
        if field.hasPrefix("source.geo") || field.hasPrefix("source.as") {
            return ("GeoIP/ASN database built from the expected values", geoIP != nil)
        }
        if field.hasPrefix("user_agent."), field != "user_agent.original" {
            return ("uap-core user agent parser", enrichment.userAgents != nil)
        }
        return ("mapper", true)
    }

    @Test(.enabled(if: isAvailable, "../shared (pipeline corpus or rules) is absent; rule-field conformance skipped"))
    func ruleFieldsMatchCurrentPipeline() throws {
        let catalog = try RuleFieldCatalog.load()
        let cases = try Self.loadCases()
        let userAgents = UserAgentParser.system()
        if userAgents == nil { print("uap-core is not installed: user_agent.* parsed fields not compared") }
        var geoIP: CorpusGeoIPDatabases?
        if let reason = CorpusGeoIPDatabases.unavailableReason {
            print("\(reason); source.geo.* and source.as.* not compared")
        } else {
            geoIP = try CorpusGeoIPDatabases(documents: cases.map(\.expected))
        }
        let enrichment = ECSEnrichment(userAgents: userAgents)
        #expect(cases.count >= 90, "only \(cases.count) expected documents found")

        var mapped: [[String: JSONValue]] = []
        for item in cases {
            var fields: [String: JSONValue] = [:]
            var options = enrichment
            options.geoIP = geoIP?.databases(for: item.expected)
            let mapper = ECSMapper(options: ECSMapperOptions(enrichment: options))
            do {
                let document = try mapper.map(try JSONParser.parse(item.line), originalText: item.line).document
                for (key, value) in document.flattened() { fields[key] = value }
            } catch {
                // Every field then differs from what Elastic indexed, and is reported below.
                print("\(item.test) doc \(item.index): not mapped: \(error)")
            }
            mapped.append(fields)
        }

        var report: [String] = []
        var mismatches: [String] = []
        for field in catalog.readers.keys.sorted() {
            let (source, compared) = Self.source(of: field, enrichment: enrichment, geoIP: geoIP)
            // Generations (expected-file commits) that produce this field anywhere.
            let producing = Set(cases.filter { !Self.values(field, in: $0.expected).isEmpty }.map(\.commit))
            let oldest = Self.currentGenerationFields[field]?.from
            var checked = 0
            var differing = 0
            var older = 0
            if compared {
                for (item, ours) in zip(cases, mapped)
                where producing.contains(item.commit) && !Self.refusedInputs.contains(item.test) {
                    if let oldest, item.generation < oldest {
                        older += 1
                        continue
                    }
                    let expected = Self.normalized(field, Self.values(field, in: item.expected), item.expected)
                    let actual = Self.values(field, in: ours)
                    checked += 1
                    if !Self.sameValues(expected, actual) {
                        differing += 1
                        mismatches.append(
                            """
                            \(field) [\(source)] \(item.test) doc \(item.index) (\(item.generation) generation): \
                            expected \(Self.text(expected)), ours \(Self.text(actual))
                            """)
                    }
                }
            }
            let readers = catalog.readers[field, default: []].count
            var status = compared ? "\(checked) documents compared, \(differing) differ" : "not compared (see above)"
            if let rule = Self.currentGenerationFields[field], older > 0 {
                status += "; \(older) documents of older generations not compared (\(rule.reason))"
            }
            report.append("  \(field) — \(source); read by \(readers) rule(s); \(status)")
        }
        print(
            "Rule fields against the current pipeline corpus (\(cases.count) documents):\n"
                + report.joined(separator: "\n"))
        #expect(catalog.readers.count >= 40, "only \(catalog.readers.count) rule fields were found")
        #expect(mismatches.isEmpty, "\(mismatches.count) differences:\n\(mismatches.joined(separator: "\n"))")
    }

    // MARK: - Corpus

    static func loadCases() throws -> [Case] {
        let folder = corpus + "/test"
        let commits = try expectedCommits()
        var cases: [Case] = []
        for log in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where log.hasSuffix(".log") {
            let test = String(log.dropLast(".log".count))
            let lines = try String(contentsOfFile: folder + "/" + log, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            let expectedText = try String(contentsOfFile: folder + "/" + log + "-expected.json", encoding: .utf8)
            let documents = try #require(JSONParser.parse(expectedText)["expected"]?.arrayValue)
            for (index, line) in lines.enumerated() {
                let text = String(line)
                guard !text.allSatisfy(\.isWhitespace), index < documents.count,
                    let expected = documents[index].objectValue,
                    // Documents from another version of the input (README note D) are skipped.
                    expected["event"]?["original"]?.stringValue == text
                else { continue }
                cases.append(
                    Case(
                        test: test, index: index, commit: commits[log + "-expected.json"] ?? "?", line: text,
                        expected: CorpusComparison.flatten(expected)
                    ))
            }
        }
        return cases
    }

    /// Expected file name → upstream commit, from SOURCES.tsv.
    static func expectedCommits() throws -> [String: String] {
        var commits: [String: String] = [:]
        for row in try String(contentsOfFile: corpus + "/SOURCES.tsv", encoding: .utf8).split(separator: "\n") {
            let columns = row.split(separator: "\t")
            guard columns.count >= 3, columns[0].hasPrefix("test/") else { continue }
            commits[String(columns[0].dropFirst("test/".count))] = String(columns[2])
        }
        return commits
    }

    // MARK: - Values

    /// The leaves at `field` or beneath it (a rule may name an object, as `source.geo`).
    static func values(_ field: String, in fields: [String: JSONValue]) -> [String: JSONValue] {
        fields.filter { $0.key == field || $0.key.hasPrefix(field + ".") }
    }

    /// Generation differences that change a rule field's value rather than its presence, and one
    /// indexing fact:
    /// - a generation dissected `user.name` into name and `user.domain`; current versions keep it whole;
    /// - one version put the user's ARN in `user.id` and kept `principalId` only in
    ///   `aws.cloudtrail.user_identity.principal_id`; TrailTriage keeps `user.id = principalId` on
    ///   purpose (so that `user.id: *\\:i-*` finds instance sessions), so that document is compared
    ///   on the principal id it carries;
    /// - an empty array is indexed as no value: no query tells it from an absent field.
    static func normalized(
        _ field: String, _ values: [String: JSONValue], _ document: [String: JSONValue]
    ) -> [String: JSONValue] {
        let values = values.filter { $0.value != .array([]) }
        if field == "user.name", let name = values["user.name"]?.stringValue,
            let domain = document["user.domain"]?.stringValue
        {
            return ["user.name": .string(name + "@" + domain)]
        }
        if field == "user.id", let id = values["user.id"], id == document["aws.cloudtrail.user_identity.arn"],
            let principal = document["aws.cloudtrail.user_identity.principal_id"]
        {
            return ["user.id": principal]
        }
        return values
    }

    /// Equal keys, and equal values with arrays compared as sets (no rule depends on their order).
    static func sameValues(_ left: [String: JSONValue], _ right: [String: JSONValue]) -> Bool {
        guard Set(left.keys) == Set(right.keys) else { return false }
        return left.allSatisfy { key, value in
            guard let other = right[key] else { return false }
            if case .array = value { return CorpusComparison.setEqual(value, other) }
            return CorpusComparison.jsonEqual(value, other)
        }
    }

    static func text(_ values: [String: JSONValue]) -> String {
        values.isEmpty
            ? "(absent)"
            : values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.jsonText)" }
                .joined(separator: " ")
    }
}
