import EQL
import Foundation
import TestSupport
import Testing

/// Our verdicts against Elastic's Python `eql` package on generated events, for every AWS EQL rule.
///
/// The package differs from Elasticsearch in ways the reference lists, so the events are built
/// where those differences cannot arise: every field a query reads is present and single-valued
/// (the package has no must_not semantics for missing fields and no arrays), stars in
/// `stringContains` constants are only ever written literally into the data (the package reads
/// them literally, Elasticsearch as wildcards, and a literal star satisfies both), and the two
/// regexes of the ransom rule end in `.*` (the package anchors at the start only). The package's
/// single case switch is handled by running it both ways and comparing only the verdicts that
/// do not depend on it. Our own cases in the other suites pin the differences.
@Suite struct EQLOracleTests {
    private static let eventsPerRule = 700
    private static let script = RepositoryPaths.root + "/Tests/EQLTests/Fixtures/python_eql_oracle.py"

    private static var oracleIsAvailable: Bool {
        (try? runPython(["-c", "import eql"], input: Data()))?.status == 0
    }

    @Test func singleEventVerdictsAgreeWithTheOracle() throws {
        guard AWSRuleCorpus.isPresent else {
            print("skipped: \(AWSRuleCorpus.directory) is absent, so there are no AWS EQL rules to compare")
            return
        }
        guard Self.oracleIsAvailable else {
            print("skipped: python3 cannot import eql (Scripts/install-deps.sh installs it); EQL oracle test not run")
            return
        }
        let rules = try AWSRuleCorpus.eqlRules().filter { !$0.query.hasPrefix("sequence") }
        #expect(rules.count == 27)
        var generator = SplitMix64(seed: 0x5EED_0E41)
        var cases: [OracleCase] = []
        for rule in rules {
            let query = try EQLQuery.parse(rule.query)
            let events = (0..<Self.eventsPerRule).map { index in
                EventGenerator(query: rule.query, fields: query.fieldsRead)
                    .event(time: Int64(index) * 1000, categoryField: rule.categoryField, using: &generator)
            }
            cases.append(OracleCase(rule: rule, query: query, events: events))
        }
        let results = try Self.oracle(cases)
        try #require(results.count == cases.count)
        var comparedOverall = 0
        for (oracleCase, result) in zip(cases, results) {
            let verdicts = try #require(result["verdicts"] as? [Any])
            var matched = 0
            var rejected = 0
            for (event, verdict) in zip(oracleCase.events, verdicts) {
                guard let expected = verdict as? Bool else {
                    continue  // depends on case folding, which the package cannot mix as Elasticsearch does
                }
                let ours = oracleCase.query.matches(event.document, categoryField: oracleCase.rule.categoryField)
                #expect(ours == expected, "\(oracleCase.rule.file): \(event.document.fields)")
                if expected { matched += 1 } else { rejected += 1 }
            }
            comparedOverall += matched + rejected
            print("oracle: \(oracleCase.rule.file): \(matched) matched, \(rejected) rejected")
            // A query that needs `principal=\\*` (a literal star) to be present cannot match this data,
            // which never holds it; escapedStarInARuleIsALiteralStar covers that side.
            let needsLiteralStar = ["principal=", "Principal="].contains {
                oracleCase.rule.query.contains("and stringContains(aws.cloudtrail.request_parameters, \"\($0)\\\\*\")")
            }
            #expect(
                matched > 0 || needsLiteralStar, "\(oracleCase.rule.file): \(matched) matched, \(rejected) rejected")
            #expect(rejected > 0, "\(oracleCase.rule.file): \(matched) matched, \(rejected) rejected")
        }
        #expect(comparedOverall >= cases.count * Self.eventsPerRule * 9 / 10, "compared \(comparedOverall) verdicts")
    }

    @Test func sequencesAgreeWithTheOracle() throws {
        guard AWSRuleCorpus.isPresent else {
            print("skipped: \(AWSRuleCorpus.directory) is absent, so there is no AWS sequence rule to compare")
            return
        }
        guard Self.oracleIsAvailable else {
            print("skipped: python3 cannot import eql (Scripts/install-deps.sh installs it); EQL oracle test not run")
            return
        }
        let rule = try #require(try AWSRuleCorpus.eqlRules().first { $0.query.hasPrefix("sequence") })
        let query = try EQLQuery.parse(rule.query)
        let sequence = try #require(query.sequence)
        var generator = SplitMix64(seed: 0x5E0_0E41)
        var time: Int64 = 0
        var keys = EventGenerator(query: rule.query, fields: query.fieldsRead)
        // Three keys, distinct even without case (the package joins case-insensitively).
        keys.pools[sequence.byFields[0]] = ["AKIAKEYONE", "AKIAKEYTWO", "ASIAKEYTHREE"]
        keys.exactChance = 15
        let events = (0..<600).map { _ in
            time += Int64(generator.next(below: 4 * 60)) * 1000  // 0 to 4 minutes apart, ties included
            return keys.event(time: time, categoryField: rule.categoryField, using: &generator)
        }
        let result = try #require(try Self.oracle([OracleCase(rule: rule, query: query, events: events)]).first)
        #expect(result["case_dependent"] as? Bool == false)
        let expected = try #require(result["sequences"] as? [[Int]])
        let ours = EQLSequenceMatcher.completedSequences(
            in: events.map { event in
                EQLSequenceMatcher.Event(
                    time: event.time, joinKey: sequence.joinKey(of: event.document),
                    stagesMatched: sequence.stagesMatched(by: event.document, categoryField: rule.categoryField))
            }, stageCount: sequence.stageCount, maxspanMilliseconds: sequence.maxspanMilliseconds)
        #expect(ours == expected)
        #expect(expected.count >= 5, "only \(expected.count) sequences: the data does not exercise the matcher")
    }

    // MARK: Running the oracle

    private struct OracleCase {
        let rule: AWSRuleCorpus.Rule
        let query: EQLQuery
        let events: [GeneratedEvent]
    }

    private static func oracle(_ cases: [OracleCase]) throws -> [[String: Any]] {
        let input: [String: Any] = [
            "cases": cases.map { oracleCase in
                [
                    "query": oracleCase.rule.query,
                    "events": oracleCase.events.map { event in
                        ["category": event.category, "time": event.time, "document": event.nested] as [String: Any]
                    },
                ] as [String: Any]
            }
        ]
        let scratch = try ScratchDirectory()
        let inputPath = try scratch.write("cases.json", Array(try JSONSerialization.data(withJSONObject: input)))
        // The cases go in a file, not stdin: the package reads stdin itself while loading.
        let run = try runPython([script, inputPath], input: Data())
        guard run.status == 0 else {
            throw OracleError(message: String(decoding: run.error, as: UTF8.self))
        }
        let output = try JSONSerialization.jsonObject(with: run.output) as? [String: Any]
        return output?["results"] as? [[String: Any]] ?? []
    }

    struct OracleError: Error, CustomStringConvertible {
        var message: String
        var description: String { "the eql oracle failed: \(message)" }
    }

    /// Runs `python3` with files for all three streams, so no pipe can fill up and stall it.
    private static func runPython(_ arguments: [String], input: Data) throws -> (
        status: Int32, output: Data, error: Data
    ) {
        let scratch = try ScratchDirectory()
        let inputPath = try scratch.write("in.json", Array(input))
        let outputPath = try scratch.write("out.json", [])
        let errorPath = try scratch.write("err.txt", [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardInput = FileHandle(forReadingAtPath: inputPath)
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        try process.run()
        process.waitUntilExit()
        let output = FileManager.default.contents(atPath: outputPath) ?? Data()
        let error = FileManager.default.contents(atPath: errorPath) ?? Data()
        return (process.terminationStatus, output, error)
    }
}

/// One generated event: its category, time and fields.
struct GeneratedEvent {
    let category: String
    let time: Int64
    let document: TestDocument

    /// The fields as nested objects, the shape the Python package reads dotted paths from.
    var nested: [String: Any] {
        var root: [String: Any] = [:]
        for (path, values) in document.fields {
            insert(values[0], at: path.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

    private func insert(_ value: String, at path: ArraySlice<String>, into object: inout [String: Any]) {
        guard let head = path.first else {
            return
        }
        if path.count == 1 {
            object[head] = value
            return
        }
        var child = object[head] as? [String: Any] ?? [:]
        insert(value, at: path.dropFirst(), into: &child)
        object[head] = child
    }
}

/// Builds events from a query's own constants so that its conditions are sometimes met.
///
/// Each string constant belongs to the field written before it. A field's value is one of its
/// constants, the constant without its first character (a near miss), noise, or several of its
/// constants joined (so that the many `stringContains` tests on one field can hold together).
/// Wildcards in constants are never expanded, only written literally.
struct EventGenerator {
    var pools: [String: [String]] = [:]
    /// In twentieths, how often a field takes one of its constants exactly.
    var exactChance = 8
    private let categories: [String]
    private static let noise = [
        "", "zq", "123456789012", "arn:aws:s3:::bucket/how-to-decrypt.txt", "arn:aws:s3:::bucket/AWSLogs/restore.txt",
        "arn:aws:s3:::bucket/photo.jpg", "arn:aws:s3:::help-bucket",
    ]

    init(query: String, fields: Set<String>) {
        var constantsByField: [String: [String]] = [:]
        var lastField: String?
        for token in Self.namesAndStrings(in: query) {
            switch token {
            case .name(let name) where fields.contains(name):
                lastField = name
            case .string(let constant):
                if let field = lastField {
                    constantsByField[field, default: []].append(constant)
                }
            default:
                break
            }
        }
        for field in fields {
            pools[field] = constantsByField[field] ?? []
        }
        let category = query.split(separator: " ").first.map(String.init) ?? "any"
        categories = category == "any" || category == "sequence" ? ["info", "iam", "file"] : [category, "process"]
    }

    func event(time: Int64, categoryField: String, using generator: inout SplitMix64) -> GeneratedEvent {
        var fields: [String: [String]] = [:]
        for (field, constants) in pools.sorted(by: { $0.key < $1.key }) {
            fields[field] = [value(from: constants, using: &generator)]
        }
        let category = categories[generator.next(below: categories.count)]
        fields[categoryField] = [category]
        return GeneratedEvent(category: category, time: time, document: TestDocument(fields))
    }

    private func value(from constants: [String], using generator: inout SplitMix64) -> String {
        let noise = Self.noise[generator.next(below: Self.noise.count)]
        guard !constants.isEmpty else {
            return Self.accountIDs[generator.next(below: Self.accountIDs.count)]
        }
        let constant = Self.writable(constants[generator.next(below: constants.count)])
        let roll = generator.next(below: 20)
        switch roll {
        case 0..<exactChance:
            return constant
        case exactChance..<(exactChance + 2):
            return Self.nearMiss(constant)
        case (exactChance + 2)..<(exactChance + 3):
            return noise
        default:
            let chosen = constants.filter { _ in generator.next(below: 2) == 0 }.map(Self.writable)
            return (chosen + (generator.next(below: 2) == 0 ? [noise] : [])).shuffled(using: &generator)
                .joined(separator: "&")
        }
    }

    /// Account ids for fields no constant belongs to, such as the second argument of
    /// `stringContains(aws.cloudtrail.request_parameters, aws.cloudtrail.recipient_account_id)`.
    private static let accountIDs = ["123456789012", "210987654321"]

    /// A constant as it may appear in the data. One with a backslash (`principal=\*`, a literal star
    /// for Elasticsearch, a backslash and a star for the package) appears only as a near miss, where
    /// both readings agree that it is absent.
    private static func writable(_ constant: String) -> String {
        constant.contains("\\") ? nearMiss(constant) : constant
    }

    /// The constant without its first letter or digit, so that it no longer matches, even as a
    /// wildcard pattern.
    private static func nearMiss(_ constant: String) -> String {
        guard let index = constant.firstIndex(where: { $0.isLetter || $0.isNumber }) else {
            return constant + "zq"
        }
        var text = constant
        text.remove(at: index)
        return text
    }

    private enum Token {
        case name(String)
        case string(String)
    }

    /// Names and decoded string literals of an EQL query, comments skipped; enough to tie each
    /// constant to the field before it.
    private static func namesAndStrings(in query: String) -> [Token] {
        var tokens: [Token] = []
        var characters = Array(query)[...]
        while let character = characters.first {
            if character == "/", characters.dropFirst().first == "*" {
                characters = characters.dropFirst(2)
                while !characters.isEmpty, !(characters.first == "*" && characters.dropFirst().first == "/") {
                    characters = characters.dropFirst()
                }
                characters = characters.dropFirst(2)
            } else if character == "\"" {
                characters = characters.dropFirst()
                var text = ""
                while let next = characters.first, next != "\"" {
                    characters = characters.dropFirst()
                    if next == "\\", let escaped = characters.first {
                        characters = characters.dropFirst()
                        text.append(escaped)
                    } else {
                        text.append(next)
                    }
                }
                characters = characters.dropFirst()
                tokens.append(.string(text))
            } else if character.isLetter || character == "_" {
                let name = characters.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
                characters = characters.dropFirst(name.count)
                tokens.append(.name(String(name)))
            } else {
                characters = characters.dropFirst()
            }
        }
        return tokens
    }
}

/// A small seeded generator, so the generated events are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
