import KQL
import Testing

struct SyntaxErrorCase: Sendable, CustomTestStringConvertible {
    var query: String
    var messageContains: String
    var line: Int
    var column: Int

    var testDescription: String { query.debugDescription }
}

@Suite("Syntax errors")
struct KQLSyntaxErrorTests {
    static let cases: [SyntaxErrorCase] = [
        .init(query: "", messageContains: "empty", line: 1, column: 1),
        .init(query: "  \n ", messageContains: "empty", line: 1, column: 1),
        .init(query: "event.action: (A or ", messageContains: "expected an expression after 'or'", line: 1, column: 21),
        .init(query: "event.action: (A or", messageContains: "expected an expression after 'or'", line: 1, column: 20),
        .init(
            query: "event.action: (A", messageContains: "expected ')' to close the '(' at line 1, column 15", line: 1,
            column: 17),
        .init(query: "event.action: (A or)", messageContains: "expected an expression after 'or'", line: 1, column: 20),
        .init(query: "a: 1 and", messageContains: "expected an expression after 'and'", line: 1, column: 9),
        .init(query: "a: 1 and(b: 2)", messageContains: "expected whitespace after 'and'", line: 1, column: 9),
        .init(query: "not(a: 1)", messageContains: "expected whitespace after 'not'", line: 1, column: 4),
        .init(query: "a: 1)", messageContains: "found ')'", line: 1, column: 5),
        .init(query: "(a: 1", messageContains: "expected ')'", line: 1, column: 6),
        .init(query: "()", messageContains: "expected a field name or '(', found ')'", line: 1, column: 2),
        .init(query: "bytes > 100", messageContains: "range operators", line: 1, column: 7),
        .init(query: "bytes >= 100", messageContains: "range operators", line: 1, column: 7),
        .init(query: "bytes < 100", messageContains: "range operators", line: 1, column: 7),
        .init(query: "bytes: <100", messageContains: "range operators", line: 1, column: 8),
        .init(query: "user:{ name: alice }", messageContains: "nested field queries", line: 1, column: 6),
        .init(query: "CreateUser", messageContains: "free-text search is not supported", line: 1, column: 1),
        .init(query: "event.action: A or B", messageContains: "free-text search is not supported", line: 1, column: 20),
        .init(query: #""CreateUser""#, messageContains: "free-text search is not supported", line: 1, column: 1),
        .init(query: #""event.action": CreateUser"#, messageContains: "quoted field names", line: 1, column: 1),
        .init(query: "event.*: CreateUser", messageContains: "wildcard field names", line: 1, column: 1),
        .init(query: "event action: CreateUser", messageContains: "whitespace", line: 1, column: 1),
        .init(query: "user.id: *:i-*", messageContains: "unexpected ':'", line: 1, column: 11),
        .init(query: "a: ", messageContains: "expected a value", line: 1, column: 4),
        .init(query: "a: )", messageContains: "expected a value, found ')'", line: 1, column: 4),
        .init(query: #"a: "unterminated"#, messageContains: "unterminated quoted string", line: 1, column: 4),
        .init(query: #"a: b\x"#, messageContains: "unsupported escape sequence '\\x'", line: 1, column: 5),
        .init(query: #"a: b\"#, messageContains: "trailing '\\'", line: 1, column: 5),
        .init(query: #"a: \u12"#, messageContains: "hexadecimal", line: 1, column: 4),
        .init(query: #"a: \uD800"#, messageContains: "hexadecimal", line: 1, column: 4),
        .init(query: "a: do not track", messageContains: "found keyword 'not'", line: 1, column: 7),
        .init(query: "a: or b", messageContains: "expected a value, found keyword 'or'", line: 1, column: 4),
        .init(query: "a: 1 and and b: 2", messageContains: "found keyword 'and'", line: 1, column: 10),
        .init(query: "a: 1 b: 2", messageContains: "unexpected ':'", line: 1, column: 7),
        .init(
            query:
                """
                event.dataset: aws.cloudtrail\nand event.provider: iam.amazonaws.com\nand event.action: \
                (CreateUser or)
                """,
            messageContains: "expected an expression after 'or'", line: 3, column: 33),
        .init(
            query: "a: 1 and\r\n\tb: 2 and\r\n  c: (x or y",
            messageContains: "expected ')'", line: 3, column: 13),
    ]

    @Test(arguments: cases)
    func reportsPosition(_ expected: SyntaxErrorCase) {
        #expect {
            _ = try KQLQuery.parse(expected.query)
        } throws: { error in
            guard let error = error as? KQLSyntaxError else {
                return false
            }
            #expect(error.message.contains(expected.messageContains), "message: \(error.message)")
            #expect(error.line == expected.line, "line of \(error)")
            #expect(error.column == expected.column, "column of \(error)")
            return true
        }
    }

    @Test func offsetCountsCharactersAcrossLines() throws {
        let text = "a: 1 and\nb: (x or"
        let error = try #require(throws: KQLSyntaxError.self) { try KQLQuery.parse(text) }
        #expect(error.offset == text.count)
        #expect(error.line == 2 && error.column == 9)
    }

    @Test func caretDiagramForUnclosedList() throws {
        let text = "event.action: (A or "
        let error = try #require(throws: KQLSyntaxError.self) { try KQLQuery.parse(text) }
        #expect(error.caretDiagram(in: text) == "event.action: (A or \n" + String(repeating: " ", count: 20) + "^")
    }

    @Test func caretDiagramOnThirdLine() throws {
        let text = """
            event.dataset: aws.cloudtrail
            and event.provider: iam.amazonaws.com
            and event.action: (CreateUser or)
            """
        let error = try #require(throws: KQLSyntaxError.self) { try KQLQuery.parse(text) }
        #expect(error.line == 3)
        #expect(
            error.caretDiagram(in: text) == """
                and event.action: (CreateUser or)
                                                ^
                """)
        #expect(error.description.hasPrefix("3:33: "))
    }

    @Test func caretDiagramKeepsTabsAligned() throws {
        let text = "a: 1 and\n\tb: 2 c: 3"
        let error = try #require(throws: KQLSyntaxError.self) { try KQLQuery.parse(text) }
        #expect(error.line == 2 && error.column == 8)
        #expect(error.caretDiagram(in: text) == "\tb: 2 c: 3\n\t      ^")
    }

    @Test func unicodeColumnsCountCharacters() throws {
        let text = "f: café or ü"
        let error = try #require(throws: KQLSyntaxError.self) { try KQLQuery.parse(text) }
        #expect(error.column == 12 && error.offset == 11)
    }
}
