import EQL
import Testing

/// Constructs outside the AWS rules' subset, and malformed text, are refused by name and position.
@Suite struct EQLSyntaxErrorTests {
    struct Refusal: CustomTestStringConvertible, Sendable {
        let query: String
        let message: String
        let line: Int
        let column: Int
        var testDescription: String { message }
    }

    static let refusals: [Refusal] = [
        Refusal(
            query: #"any where x == "a" | head 5"#, message: "the EQL pipe `| head` is not supported", line: 1,
            column: 20),
        Refusal(
            query: "any where x == \"a\"\n| tail 3", message: "the EQL pipe `| tail` is not supported", line: 2,
            column: 1),
        Refusal(query: #"any where x >= "3""#, message: "the comparison `>=` is not supported", line: 1, column: 13),
        Refusal(query: #"any where x < "3""#, message: "the comparison `<` is not supported", line: 1, column: 13),
        Refusal(
            query: #"any where endsWith(x, "a")"#, message: "the EQL function `endsWith` is not supported", line: 1,
            column: 11),
        Refusal(
            query: #"any where stringContains~(x, "a")"#,
            message: "the case-insensitive function `stringContains~` is not supported", line: 1, column: 11),
        Refusal(query: #"any where x in~ ("a")"#, message: "the operator `in~` is not supported", line: 1, column: 13),
        Refusal(
            query: #"any where x not in ("a")"#, message: "the operator `not in` is not supported", line: 1,
            column: 13),
        Refusal(query: "any where x == 3", message: "numeric values are not supported after `==`", line: 1, column: 16),
        Refusal(
            query: "any where x == true", message: "the literal `true` is not supported after `==`", line: 1, column: 16
        ),
        Refusal(
            query: "any where x == y", message: "comparing two fields with `==` is not supported", line: 1, column: 16),
        Refusal(
            query: "any where true", message: "the literal `true` is not supported as a condition", line: 1,
            column: 11),
        Refusal(query: "any where x == 'a'", message: "single-quoted strings are not supported", line: 1, column: 16),
        Refusal(query: #"any where x == ?"a""#, message: "raw strings `?\"…\"` are not supported", line: 1, column: 16),
        Refusal(
            query: #"any where x == """a""""#, message: #"raw strings `"""…"""` are not supported"#, line: 1, column: 16
        ),
        Refusal(query: #"any where x == "a\qb""#, message: #"unknown string escape `\q`"#, line: 1, column: 18),
        Refusal(
            query: #"any where `x y` == "a""#, message: "back-quoted field names are not supported", line: 1, column: 11
        ),
        Refusal(query: #"any where x = "a""#, message: "`=` is not an EQL comparison", line: 1, column: 13),
        Refusal(query: "any where x == \"a", message: "unclosed string", line: 1, column: 16),
        Refusal(query: "any where /* x", message: "unclosed comment `/*`", line: 1, column: 11),
        Refusal(query: #"any where (x == "a""#, message: "expected `)` to close the parenthesis", line: 1, column: 20),
        Refusal(query: #"any x == "a""#, message: "expected `where` after the event category", line: 1, column: 5),
        Refusal(
            query: #"sample by x [any where true]"#, message: "the EQL `sample` query is not supported", line: 1,
            column: 1),
        Refusal(
            query: "sequence by x\n  [any where x == \"a\"] by y\n  [any where x == \"b\"]",
            message: "a `by` clause on a single sequence stage is not supported", line: 2, column: 24),
        Refusal(
            query: #"sequence with maxspan=5m [any where x == "a"] with runs=2 [any where x == "b"]"#,
            message: "stage options such as `with runs` are not supported", line: 1, column: 47),
        Refusal(
            query: #"sequence [any where x == "a"] ![any where x == "b"]"#,
            message: "missing-event stages `![…]` are not supported", line: 1, column: 31),
        Refusal(
            query: #"sequence [any where x == "a"] [any where x == "b"] until [any where x == "c"]"#,
            message: "the sequence clause `until` is not supported", line: 1, column: 52),
        Refusal(
            query: #"sequence with fork=true [any where x == "a"] [any where x == "b"]"#,
            message: "the sequence parameter `fork` is not supported", line: 1, column: 15),
        Refusal(
            query: #"sequence with maxspan=10w [any where x == "a"] [any where x == "b"]"#,
            message: "the duration unit `w` is not supported", line: 1, column: 23),
        Refusal(
            query: #"sequence with maxspan=10 [any where x == "a"] [any where x == "b"]"#,
            message: "the duration `10` needs a unit", line: 1, column: 23),
        Refusal(
            query: #"sequence by x [any where x == "a"]"#, message: "a sequence needs at least two `[…]` stages",
            line: 1, column: 35),
    ]

    @Test(arguments: refusals)
    func refusedByNameAndPosition(_ refusal: Refusal) {
        do {
            _ = try EQLQuery.parse(refusal.query)
            Issue.record("parsed, but should have been refused: \(refusal.query)")
        } catch {
            #expect(error.message.contains(refusal.message), "\(error.message)")
            #expect(error.line == refusal.line && error.column == refusal.column, "\(error)")
        }
    }

    @Test func caretDiagramPointsAtTheConstruct() {
        let query = "any where x == \"a\"\n\tand y >= \"3\""
        do {
            _ = try EQLQuery.parse(query)
            Issue.record("parsed, but `>=` is not supported")
        } catch {
            #expect(error.description == "2:8: the comparison `>=` is not supported")
            #expect(error.caretDiagram(in: query) == "\tand y >= \"3\"\n\t      ^")
        }
    }
}
