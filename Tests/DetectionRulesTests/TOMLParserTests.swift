import Testing

@testable import DetectionRules

@Suite("TOML parser")
struct TOMLParserTests {
    func parse(_ text: String) throws -> TOMLTable {
        try TOMLDocument(parsing: text).root
    }

    @Test func tablesAndKeysKeepDefinitionOrder() throws {
        let root = try parse(
            """
            title = "x"
            [server]
            port = 8080
            host = "h"
            """)
        #expect(root.keys == ["title", "server"])
        #expect(root["server"]?.tableValue?.keys == ["port", "host"])
        #expect(root.value(at: ["server", "port"]) == .integer(8080))
    }

    @Test func dottedAndQuotedKeys() throws {
        let root = try parse(
            """
            a.b.c = 1
            a . "quoted.key" = 2
            'lit key' = 3
            "" = 4
            """)
        #expect(root.value(at: ["a", "b", "c"]) == .integer(1))
        #expect(root.value(at: ["a", "quoted.key"]) == .integer(2))
        #expect(root["lit key"] == .integer(3))
        #expect(root[""] == .integer(4))
    }

    @Test func basicStringEscapes() throws {
        let root = try parse(#"s = "tab\tquote\"back\\slash\u00E9\U0001F600\n""#)
        #expect(root["s"] == .string("tab\tquote\"back\\slash\u{E9}\u{1F600}\n"))
    }

    @Test func literalStringsKeepBackslashes() throws {
        let root = try parse(#"s = 'user.id: *\:i-*'"#)
        #expect(root["s"] == .string(#"user.id: *\:i-*"#))
    }

    @Test func multilineBasicStringTrimsFirstNewlineAndJoinsBackslashLines() throws {
        let root = try parse("s = \"\"\"\nfirst \\\n    second\nthird\"\"\"\n")
        #expect(root["s"] == .string("first second\nthird"))
    }

    @Test func multilineStringsAllowQuotesBeforeTheCloser() throws {
        let root = try parse("a = \"\"\"say \"hi\"\"\"\"\nb = '''it's'''''\n")
        #expect(root["a"] == .string("say \"hi\""))
        #expect(root["b"] == .string("it's''"))
    }

    @Test func multilineLiteralStringKeepsEverything() throws {
        let root = try parse("q = '''\nline \\n one\n  *\\:i-*\n'''\n")
        #expect(root["q"] == .string("line \\n one\n  *\\:i-*\n"))
    }

    @Test func crlfLineEndingsAreNormalisedInsideMultilineStrings() throws {
        let root = try parse("q = '''\r\na\r\nb'''\r\nn = 1\r\n")
        #expect(root["q"] == .string("a\nb"))
        #expect(root["n"] == .integer(1))
    }

    @Test func integersInAllBases() throws {
        let root = try parse(
            """
            a = 1_000
            b = -17
            c = +3
            d = 0xDEAD_beef
            e = 0o755
            f = 0b1101
            g = 0
            """)
        #expect(root["a"] == .integer(1000))
        #expect(root["b"] == .integer(-17))
        #expect(root["c"] == .integer(3))
        #expect(root["d"] == .integer(0xDEAD_BEEF))
        #expect(root["e"] == .integer(0o755))
        #expect(root["f"] == .integer(13))
        #expect(root["g"] == .integer(0))
    }

    @Test func floatsAndSpecialValues() throws {
        let root = try parse(
            """
            a = 3.14
            b = -0.5e-3
            c = 6E2
            d = 1_000.000_1
            e = inf
            f = -inf
            g = nan
            """)
        #expect(root["a"] == .float(3.14))
        #expect(root["b"] == .float(-0.0005))
        #expect(root["c"] == .float(600))
        #expect(root["d"] == .float(1000.0001))
        #expect(root["e"] == .float(.infinity))
        #expect(root["f"] == .float(-.infinity))
        #expect(root["g"]?.doubleValue?.isNaN == true)
    }

    @Test func booleansAndDatesKeptAsText() throws {
        let root = try parse(
            """
            t = true
            f = false
            odt = 1979-05-27T07:32:00Z
            spaced = 1979-05-27 07:32:00.999-07:00
            ld = 1979-05-27
            lt = 07:32:00
            """)
        #expect(root["t"] == .boolean(true))
        #expect(root["f"] == .boolean(false))
        #expect(root["odt"] == .dateTime("1979-05-27T07:32:00Z"))
        #expect(root["spaced"] == .dateTime("1979-05-27 07:32:00.999-07:00"))
        #expect(root["ld"] == .dateTime("1979-05-27"))
        #expect(root["lt"] == .dateTime("07:32:00"))
    }

    @Test func arraysSpanLinesWithCommentsAndTrailingCommas() throws {
        let root = try parse(
            """
            a = [
                "x",  # first
                # a comment line
                'y',
            ]
            nested = [[1, 2], ["a"], []]
            """)
        #expect(root["a"] == .array([.string("x"), .string("y")]))
        #expect(root["nested"] == .array([.array([.integer(1), .integer(2)]), .array([.string("a")]), .array([])]))
    }

    @Test func inlineTables() throws {
        let root = try parse(#"point = { x = 1, y.z = "two", empty = {} }"#)
        #expect(root.value(at: ["point", "x"]) == .integer(1))
        #expect(root.value(at: ["point", "y", "z"]) == .string("two"))
        #expect(root.value(at: ["point", "empty"]) == .table(TOMLTable(position: SourcePosition(line: 1, column: 39))))
    }

    @Test func arraysOfTablesWithSubTablesInAnyOrder() throws {
        let root = try parse(
            """
            [[rule.threat]]
            framework = "A"
            [[rule.threat.technique]]
            id = "T1"
            [[rule.threat.technique.subtechnique]]
            id = "T1.001"
            [[rule.threat.technique]]
            id = "T2"
            [rule.threat.tactic]
            id = "TA1"

            [[rule.threat]]
            framework = "B"
            [rule.threat.tactic]
            id = "TA2"
            """)
        let threats = try #require(root.value(at: ["rule", "threat"])?.arrayValue)
        #expect(threats.count == 2)
        let first = try #require(threats[0].tableValue)
        #expect(first.value(at: ["tactic", "id"]) == .string("TA1"))
        let techniques = try #require(first["technique"]?.arrayValue)
        #expect(techniques.count == 2)
        #expect(techniques[0].tableValue?.value(at: ["subtechnique"])?.arrayValue?.count == 1)
        #expect(threats[1].tableValue?.value(at: ["tactic", "id"]) == .string("TA2"))
    }

    @Test func implicitTableCanBeDefinedLater() throws {
        let root = try parse(
            """
            [a.b]
            x = 1
            [a]
            y = 2
            """)
        #expect(root.value(at: ["a", "b", "x"]) == .integer(1))
        #expect(root.value(at: ["a", "y"]) == .integer(2))
    }

    @Test func positionsOfKeysAndStringContent() throws {
        let root = try parse("a = 1\n  key = \"value\"\nq = '''\nbody'''\nr = '''same line'''\n")
        #expect(root.entry(for: "key")?.keyPosition == SourcePosition(line: 2, column: 3))
        #expect(root.entry(for: "key")?.valuePosition == SourcePosition(line: 2, column: 10))
        // The newline after ''' is trimmed, so the content starts on the next line.
        #expect(root.entry(for: "q")?.valuePosition == SourcePosition(line: 4, column: 1))
        #expect(root.entry(for: "r")?.valuePosition == SourcePosition(line: 5, column: 8))
    }

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let root = try parse("# header\n\n  # indented\nk = 'v' # trailing\n")
        #expect(root.keys == ["k"])
    }
}
