import KQL
import Testing

@Suite("Matching semantics")
struct KQLSemanticsTests {
    // MARK: Precedence

    @Test func andBindsTighterThanOr() throws {
        let query = try parsed("a: 1 or b: 2 and c: 3")
        #expect(query.description == #"a: "1" or (b: "2" and c: "3")"#)
        #expect(query.matches(TestDocument(["a": ["1"]])))
        #expect(query.matches(TestDocument(["b": ["2"], "c": ["3"]])))
        // Read as (a or b) and c this would match.
        #expect(!query.matches(TestDocument(["b": ["2"]])))
        #expect(!query.matches(TestDocument(["a": ["9"], "c": ["3"]])))
    }

    @Test func notBindsTighterThanAnd() throws {
        let query = try parsed("not a: 1 and b: 2")
        #expect(query.description == #"not a: "1" and b: "2""#)
        #expect(query.matches(TestDocument(["b": ["2"]])))
        #expect(!query.matches(TestDocument(["a": ["1"], "b": ["2"]])))
        // Read as not (a and b) an empty document would match.
        #expect(!query.matches(TestDocument([:])))
    }

    @Test func parenthesesOverridePrecedence() throws {
        let query = try parsed("(a: 1 or b: 2) and c: 3")
        #expect(query.matches(TestDocument(["b": ["2"], "c": ["3"]])))
        #expect(!query.matches(TestDocument(["a": ["1"]])))
    }

    @Test func valueListPrecedence() throws {
        let query = try parsed("f: (a or b and c)")
        #expect(query.matches(TestDocument(["f": ["a"]])))
        #expect(!query.matches(TestDocument(["f": ["b"]])))
        #expect(query.matches(TestDocument(["f": ["b", "c"]])))
    }

    @Test(arguments: ["a: 1 AND b: 2", "a: 1 And b: 2", "a: 1 aNd b: 2"])
    func keywordsIgnoreCase(_ text: String) throws {
        let query = try parsed(text)
        #expect(query.matches(TestDocument(["a": ["1"], "b": ["2"]])))
        #expect(!query.matches(TestDocument(["a": ["1"]])))
    }

    @Test func upperCaseOrAndNot() throws {
        let query = try parsed("NOT a: 1 OR b: (2 OR 3)")
        #expect(query.matches(TestDocument([:])))
        #expect(query.matches(TestDocument(["a": ["1"], "b": ["3"]])))
        #expect(!query.matches(TestDocument(["a": ["1"], "b": ["4"]])))
    }

    @Test func keywordsInsideWordsAreText() throws {
        let query = try parsed("f: order and g: android and h: cannot")
        #expect(query.matches(TestDocument(["f": ["order"], "g": ["android"], "h": ["cannot"]])))
    }

    @Test func multiLineQueryWithCRLF() throws {
        let query = try parsed("a: 1\r\nand\tb: 2\r\n")
        #expect(query.matches(TestDocument(["a": ["1"], "b": ["2"]])))
        #expect(!query.matches(TestDocument(["a": ["1"]])))
    }

    // MARK: Exactness

    @Test(arguments: [
        ("CreateUser", true), ("createuser", false), ("CREATEUSER", false), ("CreateUser ", false), ("Create", false),
    ])
    func exactMatchIsCaseSensitive(_ value: String, _ expected: Bool) throws {
        let query = try parsed("event.action: CreateUser")
        #expect(query.matches(TestDocument(["event.action": [value]])) == expected)
    }

    @Test func wildcardIsCaseSensitive() throws {
        let query = try parsed("user_agent.original: (*Terraform* or *terraform*)")
        #expect(query.matches(TestDocument(["user_agent.original": ["x terraform y"]])))
        #expect(!query.matches(TestDocument(["user_agent.original": ["x TERRAFORM y"]])))
    }

    @Test func quotedAndUnquotedAreEquivalent() throws {
        let unquoted = try parsed("event.outcome: success")
        let quoted = try parsed(#"event.outcome: "success""#)
        #expect(unquoted == quoted)
        for value in ["success", "Success", "failure"] {
            let document = TestDocument(["event.outcome": [value]])
            #expect(unquoted.matches(document) == quoted.matches(document))
        }
    }

    @Test func exactComparisonIsOnBytesNotCanonicalEquivalence() throws {
        // U+00E9 and e + U+0301 are canonically equivalent but distinct keyword terms.
        let query = try parsed("f: caf\u{E9}")
        #expect(query.matches(TestDocument(["f": ["caf\u{E9}"]])))
        #expect(!query.matches(TestDocument(["f": ["cafe\u{301}"]])))
    }

    @Test func numbersAndBooleansCompareByText() throws {
        let query = try parsed("port: 21 and flag: true")
        #expect(query.matches(TestDocument(["port": ["21"], "flag": ["true"]])))
        #expect(!query.matches(TestDocument(["port": ["21.0"], "flag": ["true"]])))
        #expect(!query.matches(TestDocument(["port": ["21"], "flag": ["TRUE"]])))
    }

    // MARK: Arrays

    @Test func arraysMatchOnAnyElement() throws {
        let query = try parsed(#"aws.cloudtrail.resources.arn: "arn:aws:s3:::b""#)
        #expect(query.matches(TestDocument(["aws.cloudtrail.resources.arn": ["arn:aws:s3:::a", "arn:aws:s3:::b"]])))
        #expect(!query.matches(TestDocument(["aws.cloudtrail.resources.arn": ["arn:aws:s3:::a", "arn:aws:s3:::c"]])))
    }

    @Test func andInValueListCanUseDifferentElements() throws {
        let query = try parsed("f: (*alpha* and *beta*)")
        #expect(query.matches(TestDocument(["f": ["has alpha", "has beta"]])))
        #expect(query.matches(TestDocument(["f": ["alphabeta"]])))
        #expect(!query.matches(TestDocument(["f": ["has alpha", "has gamma"]])))
    }

    @Test func notRejectsWhenAnyElementMatches() throws {
        let query = try parsed("not f: x")
        #expect(!query.matches(TestDocument(["f": ["a", "x"]])))
        #expect(query.matches(TestDocument(["f": ["a", "b"]])))
    }

    @Test func existsAndNotInListOverArray() throws {
        let query = try parsed("f: (* and not (A* or \"B\"))")
        #expect(query.matches(TestDocument(["f": ["C", "D"]])))
        #expect(!query.matches(TestDocument(["f": ["C", "B"]])))
        #expect(!query.matches(TestDocument(["f": ["C", "Apple"]])))
    }

    // MARK: not and missing fields

    @Test func missingFieldSatisfiesNot() throws {
        let prefix = try parsed("not f: v")
        let inValue = try parsed("f: not v")
        let inList = try parsed("f: (not v)")
        for query in [prefix, inValue, inList] {
            #expect(query.matches(TestDocument([:])))
            #expect(query.matches(TestDocument(["f": ["w"]])))
            #expect(!query.matches(TestDocument(["f": ["v"]])))
            #expect(!query.matches(TestDocument(["f": ["w", "v"]])))
        }
    }

    @Test func doubleNegation() throws {
        let query = try parsed("not not f: v")
        #expect(query.matches(TestDocument(["f": ["v"]])))
        #expect(!query.matches(TestDocument([:])))
    }

    @Test func notGroupWithOr() throws {
        let query = try parsed("a: 1 and not (b: 2 or c: 3)")
        #expect(query.matches(TestDocument(["a": ["1"]])))
        #expect(!query.matches(TestDocument(["a": ["1"], "c": ["3"]])))
    }

    // MARK: Exists

    @Test func existsRequiresAValue() throws {
        let exists = try parsed("source.ip: *")
        let missing = try parsed("not source.ip: *")
        let present = TestDocument(["source.ip": ["10.0.0.1"]])
        let absent = TestDocument(["source.address": ["10.0.0.1"]])
        #expect(exists.matches(present) && !exists.matches(absent))
        #expect(!missing.matches(present) && missing.matches(absent))
    }

    @Test func starsOnlyBehaveLikeExists() throws {
        let query = try parsed("f: **")
        #expect(query.matches(TestDocument(["f": ["anything"]])))
        #expect(!query.matches(TestDocument([:])))
    }

    // MARK: Escapes and quoting

    @Test(arguments: [
        (#"f: a\(b\)c"#, "a(b)c"),
        (#"f: a\:b"#, "a:b"),
        (#"f: a\<b\>c"#, "a<b>c"),
        (#"f: a\"b"#, "a\"b"),
        (#"f: a\\b"#, "a\\b"),
        (#"f: a\{b\}"#, "a{b}"),
        (#"f: a\*b"#, "a*b"),
        (#"f: a\tb"#, "a\tb"),
        (#"f: a\nb"#, "a\nb"),
        (#"f: a\rb"#, "a\rb"),
        (#"f: caf\u00e9"#, "café"),
        (#"f: rock \and roll"#, "rock and roll"),
        (#"f: this \or that"#, "this or that"),
        (#"f: do \not track"#, "do not track"),
        (#"f: \NOT"#, "NOT"),
        (#"f: a \note"#, "a \note"),
        ("f: S3 Browser", "S3 Browser"),
        ("f:   padded value   ", "padded value"),
        ("f: what?", "what?"),
        (#"f: "a \"quoted\" \\ value""#, #"a "quoted" \ value"#),
        (#"f: "tab\there""#, "tab\there"),
        (#"f: "\u0041BC""#, "ABC"),
        (#"f: "a\:b""#, #"a\:b"#),
        (#"f: "not and or""#, "not and or"),
        (#"f: "(a: b)""#, "(a: b)"),
    ])
    func decodesValues(_ text: String, _ value: String) throws {
        let query = try parsed(text)
        #expect(query.matches(TestDocument(["f": [value]])))
        #expect(!query.matches(TestDocument(["f": [value + "x"]])))
    }

    @Test func escapedStarIsLiteral() throws {
        let query = try parsed(#"f: a\*b"#)
        #expect(query.matches(TestDocument(["f": ["a*b"]])))
        #expect(!query.matches(TestDocument(["f": ["axb"]])))
        let mixed = try parsed(#"f: *\**"#)
        #expect(mixed.matches(TestDocument(["f": ["x*y"]])))
        #expect(!mixed.matches(TestDocument(["f": ["xy"]])))
    }

    @Test func quotedStarIsNeverAWildcard() throws {
        let query = try parsed(#"f: "*""#)
        #expect(query.matches(TestDocument(["f": ["*"]])))
        #expect(!query.matches(TestDocument(["f": ["abc"]])))
        let infix = try parsed(#"f: "a*c""#)
        #expect(!infix.matches(TestDocument(["f": ["abc"]])))
    }

    @Test func escapedColonInSessionName() throws {
        let query = try parsed(#"user.id: *\:i-*"#)
        #expect(query.matches(TestDocument(["user.id": ["AROAX:i-0abc"]])))
        #expect(!query.matches(TestDocument(["user.id": ["AROAX:api-1"]])))
    }

    // MARK: Metadata

    @Test func fieldNamesIncludeNegatedAndNestedFields() throws {
        let query = try parsed("a: 1 and not (b: * or c: (x and not y)) and @timestamp: *")
        #expect(query.fieldNames == ["a", "b", "c", "@timestamp"])
    }

    @Test func fieldNamesWithPunctuation() throws {
        let query = try parsed(
            "aws.cloudtrail.flattened.request_parameters.x-amz-server-side-encryption-customer-algorithm: *")
        #expect(
            query.fieldNames == [
                "aws.cloudtrail.flattened.request_parameters.x-amz-server-side-encryption-customer-algorithm"
            ])
    }

    @Test func equalQueriesIgnoreLayout() throws {
        #expect(try parsed("a: 1 and b: (x or y)") == parsed("a:1   AND\nb:( x OR y )"))
        #expect(try parsed("a: 1 and b: 2") != parsed("a: 1 or b: 2"))
    }
}
