import Testing

@testable import DetectionRules

@Suite("TOML errors")
struct TOMLErrorTests {
    /// Parses `text` and returns the error, failing the test if parsing succeeds.
    func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TOMLError? {
        do {
            _ = try TOMLDocument(parsing: text)
            Issue.record("expected a TOML error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("a = 1\na = 2\n", 2, 1, "duplicate key 'a'"),
        ("[t]\nx = 1\n[t]\n", 3, 2, "table 't' is defined more than once"),
        ("a.b = 1\n[a.b]\n", 2, 4, "table 'a.b' is defined more than once"),
        ("a = 1\n[a.b]\n", 2, 2, "it is a value"),
        ("x = \"open\n", 1, 5, "unterminated string"),
        ("x = '''never closed\n", 1, 5, "unterminated multi-line literal string"),
        ("x = \"\\q\"\n", 1, 6, "invalid escape sequence"),
        ("x = \"\\u12\"\n", 1, 6, "exactly 4 hexadecimal digits"),
        ("x = \"\\uD800\"\n", 1, 6, "not a Unicode scalar value"),
        ("x = 1 2\n", 1, 7, "expected a newline"),
        ("x = [1, 2\n", 1, 5, "unterminated array"),
        ("x = [1 2]\n", 1, 8, "expected ',' or ']'"),
        ("x = 012\n", 1, 5, "leading zeros"),
        ("x = 1__0\n", 1, 5, "invalid value"),
        ("x = 99999999999999999999\n", 1, 5, "out of range"),
        ("x = bare\n", 1, 5, "strings must be quoted"),
        ("x = 1979-13-01\n", 1, 5, "invalid date"),
        ("x =\n", 1, 4, "expected a value"),
        ("= 1\n", 1, 1, "expected a key"),
        ("x = { a = 1, }\n", 1, 12, "trailing comma"),
        ("x = { a = 1,\n b = 2 }\n", 1, 13, "single line"),
        ("x = { a = 1 }\n[x]\n", 2, 2, "defined more than once"),
        ("[[a]]\n[a]\n", 2, 2, "defined more than once"),
        ("a = [1]\n[[a]]\n", 2, 3, "array of tables"),
        ("[a\n", 1, 3, "expected ']'"),
    ])
    func reportsLineAndColumn(text: String, line: Int, column: Int, fragment: String) {
        guard let error = error(text) else { return }
        #expect(error.line == line, "\(error)")
        #expect(error.column == column, "\(error)")
        #expect(error.message.contains(fragment), "\(error)")
    }

    @Test func descriptionIncludesPosition() {
        let error = TOMLError("boom", at: SourcePosition(line: 3, column: 7))
        #expect(error.description == "3:7: boom")
    }
}
