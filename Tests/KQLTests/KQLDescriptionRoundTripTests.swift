import Testing

@testable import KQL

/// A query's rendering is shown in diagnostics and must be KQL that means the same query:
/// parsing `description` gives back the query it was made from.
@Suite("Description round trip")
struct KQLDescriptionRoundTripTests {
    /// Bits of text that the scanner treats specially, alone or next to others.
    static let nameAtoms: [String] = [
        "a", "x.y", "\\", ":", "(", ")", "<", ">", "\"", "*", "{", "}", "and", "or", "not", "Or", "NOT",
        "é", "e\u{301}", "\u{301}", "\u{600}", "\u{200D}", "🙂", "👍\u{1F3FB}", "_", "-", "n", "u0041",
    ]
    /// Values may also hold whitespace, which ends an unquoted literal at its ends or before a keyword.
    static let valueAtoms = nameAtoms + [" ", "  ", "\t", "\n", "\r", "\r\n", " and ", " or", "not ", " ", "\u{0}"]

    @Test(arguments: [
        #"v\\x: 1"#, #"a\:b: "1""#, #"\(x\): *"#, #"f\*: x*"#, #"\and: 1"#, #"not\:x: 1"#,
        #"a: x \and y*"#, #"a: \u0020x*"#, #"a: x*\u0020"#, #"a: \or *"#, #"a: *\not"#, #"a: x\ty*"#,
        #"a: x*\nnot"#, #"a\u0301: "\u0301""#, #"\u0301: x*"#, #"a: \\*"#,
    ])
    func renderingOfAQueryParsesToTheSameQuery(_ text: String) throws {
        let query = try KQLQuery.parse(text)
        let rendering = query.description
        let reparsed = try KQLQuery.parse(rendering)
        #expect(reparsed == query, "\(text) renders as \(rendering)")
        #expect(Array(reparsed.description.utf8) == Array(rendering.utf8))
    }

    @Test func aBackslashInAFieldNameIsEscapedAgain() throws {
        #expect(try KQLQuery.parse(#"v\\x: 1"#).description == #"v\\x: "1""#)
    }

    /// Random queries over the tricky atoms: every one renders to text that parses back to it.
    @Test func randomQueriesOverTrickyNamesAndValuesRoundTrip() throws {
        var generator = QueryGenerator(seed: 0x5EED)
        var failures: [String] = []
        for _ in 0..<3_000 {
            let query = KQLQuery(root: generator.expression(depth: 3))
            let rendering = query.description
            guard let reparsed = try? KQLQuery.parse(rendering) else {
                failures.append("does not parse: \(rendering.debugDescription) from \(query.root)")
                continue
            }
            // Field names compare as `String`s (canonically); the renderings compare byte for byte.
            if reparsed != query || Array(reparsed.description.utf8) != Array(rendering.utf8) {
                failures.append("parses differently: \(rendering.debugDescription) from \(query.root)")
            }
        }
        for failure in failures.prefix(5) {
            Issue.record("\(failure)")
        }
        #expect(failures.count == 0)
    }
}

/// Random query trees of the shapes the parser produces, from a fixed seed (SplitMix64).
struct QueryGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(_ upperBound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((mixed ^ (mixed >> 31)) % UInt64(upperBound))
    }

    mutating func text(from atoms: [String], count: ClosedRange<Int>) -> String {
        (0..<(count.lowerBound + next(count.count))).map { _ in atoms[next(atoms.count)] }.joined()
    }

    /// A name the parser accepts: not empty, and no whitespace character once joined up.
    mutating func fieldName() -> String {
        while true {
            let name = text(from: KQLDescriptionRoundTripTests.nameAtoms, count: 1...3)
            if !name.contains(where: \.isKQLWhitespace) { return name }
        }
    }

    mutating func valueTest() -> KQLValueTest {
        switch next(4) {
        case 0:
            return .exists
        case 1:
            return .exact(KQLExactValue(text(from: KQLDescriptionRoundTripTests.valueAtoms, count: 0...4)))
        default:
            // A pattern of only stars is `exists` to the parser, so one segment holds text.
            var segments = (0..<(2 + next(3))).map { _ in
                next(3) == 0 ? "" : text(from: KQLDescriptionRoundTripTests.valueAtoms, count: 1...3)
            }
            if segments.allSatisfy(\.isEmpty) { segments[0] = "v" }
            return .wildcard(KQLWildcardPattern(segments: segments))
        }
    }

    mutating func values(depth: Int) -> KQLValueExpression {
        guard depth > 0 else { return .test(valueTest()) }
        switch next(5) {
        case 0: return .or((0..<(2 + next(2))).map { _ in values(depth: depth - 1) })
        case 1: return .and((0..<(2 + next(2))).map { _ in values(depth: depth - 1) })
        case 2: return .not(values(depth: depth - 1))
        default: return .test(valueTest())
        }
    }

    mutating func expression(depth: Int) -> KQLExpression {
        guard depth > 0 else { return .field(fieldName(), values(depth: 1)) }
        switch next(5) {
        case 0: return .or((0..<(2 + next(2))).map { _ in expression(depth: depth - 1) })
        case 1: return .and((0..<(2 + next(2))).map { _ in expression(depth: depth - 1) })
        case 2: return .not(expression(depth: depth - 1))
        default: return .field(fieldName(), values(depth: 2))
        }
    }
}
