import EQL
import Testing

/// One query on one event, with the verdict Elasticsearch gives.
struct SemanticsCase: CustomTestStringConvertible, Sendable {
    let query: String
    let fields: [String: [String]]
    let expected: Bool
    let why: String

    var testDescription: String { "\(expected ? "matches" : "rejects"): \(why)" }
}

private func single(_ query: String, _ fields: [String: String], _ expected: Bool, _ why: String) -> SemanticsCase {
    SemanticsCase(query: query, fields: fields.mapValues { [$0] }, expected: expected, why: why)
}

private func multi(_ query: String, _ fields: [String: [String]], _ expected: Bool, _ why: String) -> SemanticsCase {
    SemanticsCase(query: query, fields: fields, expected: expected, why: why)
}

/// Every operator and function of the subset, each with an event it matches and one it does not.
let semanticsCases: [SemanticsCase] = [
    // == and != are case-sensitive and literal.
    single(#"any where x == "Root""#, ["x": "Root"], true, "== on the same text"),
    single(#"any where x == "Root""#, ["x": "root"], false, "== is case-sensitive"),
    single(#"any where x == "a*""#, ["x": "abc"], false, "== does not expand wildcards"),
    single(#"any where x == "a*""#, ["x": "a*"], true, "== compares a star literally"),
    single(#"any where x != "a""#, ["x": "b"], true, "!= on a different value"),
    single(#"any where x != "a""#, ["x": "a"], false, "!= on the same value"),
    single(#"any where x != "a""#, ["x": "A"], true, "!= is case-sensitive"),
    single(#"any where x == "é""#, ["x": "e\u{301}"], false, "== compares bytes, not canonical equivalence"),
    // in
    single(#"any where x in ("A", "B")"#, ["x": "B"], true, "in with a listed value"),
    single(#"any where x in ("A", "B")"#, ["x": "b"], false, "in is case-sensitive"),
    single(#"any where x in ("A", "B")"#, ["x": "C"], false, "in with an unlisted value"),
    // : is case-insensitive, whole-string, with * and ?
    single(#"any where x : "addpermission*""#, ["x": "AddPermission20150331v2"], true, ": folds case, * runs"),
    single(#"any where x : "AddPermission*""#, ["x": "RemovePermission"], false, ": matches the whole string"),
    single(#"any where x : "Root""#, ["x": "ROOT"], true, ": without wildcards is case-insensitive equality"),
    single(#"any where x : "Root""#, ["x": "Roots"], false, ": without wildcards is whole-string"),
    single(#"any where x : "a?c""#, ["x": "ABC"], true, ": with ? for one character"),
    single(#"any where x : "a?c""#, ["x": "ac"], false, ": with ? needs exactly one character"),
    single(#"any where x : ("invoke*", "Converse")"#, ["x": "CONVERSE"], true, ": with a list, second entry"),
    single(#"any where x : ("invoke*", "Converse")"#, ["x": "ConverseStream"], false, ": with a list, none whole"),
    single(#"any where x : "a\\*""#, ["x": "a*"], true, ": with an escaped star matches a star"),
    single(#"any where x : "a\\*""#, ["x": "ab"], false, ": with an escaped star is not a wildcard"),
    // like is case-sensitive, like~ is not
    single(#"any where x like "AKIA*""#, ["x": "AKIAEXAMPLE"], true, "like with a prefix pattern"),
    single(#"any where x like "AKIA*""#, ["x": "akiaexample"], false, "like is case-sensitive"),
    single(#"any where x like "AKIA*""#, ["x": "ASIAEXAMPLE"], false, "like on another prefix"),
    single(#"any where x like~ "AKIA*""#, ["x": "akiaexample"], true, "like~ folds case"),
    single(#"any where x like~ "AKIA*""#, ["x": "asiaexample"], false, "like~ on another prefix"),
    single(#"any where x like ("a*", "b?")"#, ["x": "bc"], true, "like with a list"),
    single(#"any where x like ("a*", "b?")"#, ["x": "bcd"], false, "like with a list, none whole"),
    // regex is case-sensitive and whole-string, regex~ folds case
    single(#"any where x regex "ab+""#, ["x": "abbb"], true, "regex, whole string"),
    single(#"any where x regex "ab+""#, ["x": "xabbb"], false, "regex is anchored at the start"),
    single(#"any where x regex "ab+""#, ["x": "abbbx"], false, "regex is anchored at the end"),
    single(#"any where x regex "ab+""#, ["x": "ABBB"], false, "regex is case-sensitive"),
    single(#"any where x regex~ "ab+""#, ["x": "ABbB"], true, "regex~ folds case"),
    single(#"any where x regex~ "ab+""#, ["x": "ABC"], false, "regex~ is still whole-string"),
    // stringContains: the constant becomes the unescaped wildcard *c*
    single(#"any where stringContains(x, "add=")"#, ["x": "{add=[1]}"], true, "stringContains, a substring"),
    single(#"any where stringContains(x, "add=")"#, ["x": "{remove=[1]}"], false, "stringContains, no substring"),
    single(#"any where stringContains(x, "Add=")"#, ["x": "{add=[1]}"], false, "stringContains is case-sensitive"),
    single(
        #"any where stringContains(x, "valuesToAdd=[*]")"#, ["x": "valuesToAdd=[123456789012]"], true,
        "a * in the stringContains constant is a wildcard"),
    single(
        #"any where stringContains(x, "valuesToAdd=[*]")"#, ["x": "valuesToAdd=123"], false,
        "the literal parts around the * still have to be there"),
    single(
        #"any where stringContains(x, "principal=\\*")"#, ["x": "{principal=*, action=x}"], true,
        "an escaped star (EQL \"\\\\*\") is a literal star"),
    single(
        #"any where stringContains(x, "principal=\\*")"#, ["x": "{principal=123456789012}"], false,
        "an escaped star does not match other text"),
    single(#"any where stringContains(x, "")"#, ["x": "anything"], false, "an empty constant matches nothing"),
    single(#"any where not stringContains(x, "")"#, ["x": "anything"], true, "not of an empty constant is true"),
    single(
        #"any where stringContains(x, "a?c")"#, ["x": "xabcx"], true, "a ? in the constant is a one-character wildcard"
    ),
    // stringContains with a field as the second argument: a script, null when an argument is null
    single(#"any where stringContains(x, y)"#, ["x": "arn:aws:iam::1111:root", "y": "1111"], true, "field in field"),
    single(#"any where stringContains(x, y)"#, ["x": "arn:aws:iam::2222:root", "y": "1111"], false, "field not in"),
    single(#"any where stringContains(x, y)"#, ["x": "a*c", "y": "*"], true, "a field argument is literal"),
    single(#"any where stringContains(x, y)"#, ["x": "abc", "y": "a*c"], false, "a field argument has no wildcard"),
    single(#"any where stringContains(x, y)"#, ["x": "abc"], false, "missing second field: null, not a match"),
    single(#"any where not stringContains(x, y)"#, ["x": "abc"], false, "not of null is still not true"),
    single(#"any where not stringContains(x, y)"#, ["y": "abc"], false, "missing first field: not null is null"),
    single(#"any where not stringContains(x, y)"#, ["x": "abc", "y": "q"], true, "not of a false script is true"),
    single(
        #"any where not stringContains(x, y) or z == "1""#, ["x": "abc", "z": "1"], true,
        "null or true is true"),
    single(
        #"any where (stringContains(x, y) or z == "1") and w == "2""#, ["x": "abc", "w": "2"], false,
        "null or false is null, and null and true is not true"),
    // startsWith is case-sensitive
    single(#"any where startsWith(x, "ASIA")"#, ["x": "ASIAEXAMPLE"], true, "startsWith, the prefix"),
    single(#"any where startsWith(x, "ASIA")"#, ["x": "asiaexample"], false, "startsWith is case-sensitive"),
    single(#"any where startsWith(x, "ASIA")"#, ["x": "XASIA"], false, "startsWith only at the start"),
    single(#"any where startsWith(x, y)"#, ["x": "Update", "y": "Up"], true, "startsWith with a field argument"),
    single(#"any where not startsWith(x, y)"#, ["x": "Update"], false, "startsWith with a missing field is null"),
    // Missing fields: false, and not of them true
    single(#"any where x == "a""#, [:], false, "a comparison on a missing field is false"),
    single(#"any where not x == "a""#, [:], true, "not of a comparison on a missing field is true"),
    single(#"any where x != "a""#, [:], true, "!= on a missing field is true (must_not)"),
    single(#"any where not x : "a*""#, [:], true, "not : on a missing field is true"),
    single(#"any where not stringContains(x, "a")"#, [:], true, "not stringContains(constant) on a missing field"),
    single(#"any where stringContains(x, "a")"#, [:], false, "stringContains(constant) on a missing field"),
    single(#"any where not x regex~ ".*""#, [:], true, "not regex~ on a missing field is true"),
    // Arrays: any element
    multi(#"any where x == "b""#, ["x": ["a", "b"]], true, "== on an array: any element"),
    multi(#"any where x == "c""#, ["x": ["a", "b"]], false, "== on an array: no element"),
    multi(#"any where not x == "b""#, ["x": ["a", "b"]], false, "not == on an array with a matching element"),
    multi(#"any where x != "b""#, ["x": ["a", "b"]], false, "!= on an array with a matching element"),
    multi(#"any where stringContains(x, "ll")"#, ["x": ["he", "hello"]], true, "stringContains on an array"),
    // Boolean structure and precedence
    single(#"any where x == "a" or y == "b" and z == "c""#, ["x": "a"], true, "and binds tighter than or"),
    single(#"any where (x == "a" or y == "b") and z == "c""#, ["x": "a"], false, "parentheses regroup"),
    single(#"any where not x == "a" and y == "b""#, ["x": "q", "y": "b"], true, "not binds tighter than and"),
    single(#"any where not (x == "a" and y == "b")"#, ["x": "a", "y": "b"], false, "not of a group"),
    single(#"any where not not x == "a""#, ["x": "a"], true, "double negation"),
    // Comments and string escapes
    single(
        "any where /* a comment */ x == \"a\" // trailing\n and y == \"b\"", ["x": "a", "y": "b"], true, "comments"),
    single("any where /* x == \"zz\" or */ x == \"a\"", ["x": "zz"], false, "commented-out text is not read"),
    single(#"any where x == "say \"hi\"""#, ["x": #"say "hi""#], true, #"\" in a string"#),
    single(#"any where x == "a\\b""#, ["x": #"a\b"#], true, #"\\ in a string is one backslash"#),
    single(#"any where x == "a\tb""#, ["x": "a\tb"], true, #"\t in a string is a tab"#),
    single(#"any where x == "a\tb""#, ["x": #"a\tb"#], false, #"\t is not the two characters"#),
    single(#"any where x == "\u{2603}""#, ["x": "☃"], true, #"\u{…} in a string"#),
]

@Suite struct EQLSemanticsTests {
    @Test(arguments: semanticsCases)
    func verdict(_ example: SemanticsCase) throws {
        #expect(try evaluate(example.query, example.fields) == example.expected, "\(example.query)")
    }

    @Test func categoryMatchesAnyElementOfTheCategoryField() throws {
        let query = #"iam where x == "a""#
        #expect(try evaluate(query, ["event.category": ["iam", "configuration"], "x": ["a"]]))
        #expect(try !evaluate(query, ["event.category": ["configuration"], "x": ["a"]]))
        #expect(try !evaluate(query, ["x": ["a"]]), "no category field: only `any` matches")
        #expect(try !evaluate(query, ["event.category": ["IAM"], "x": ["a"]]), "the category is case-sensitive")
    }

    @Test func anyMatchesEventsWithoutACategory() throws {
        #expect(try evaluate(#"any where x == "a""#, ["x": ["a"]]))
    }

    @Test func categoryFieldCanBeOverridden() throws {
        let fields = ["event.category": ["iam"], "event.type": ["info", "change"], "x": ["a"]]
        #expect(try evaluate(#"info where x == "a""#, fields, categoryField: "event.type"))
        #expect(try !evaluate(#"info where x == "a""#, fields))
        #expect(try !evaluate(#"iam where x == "a""#, fields, categoryField: "event.type"))
    }

    @Test func fieldsReadListsEveryConditionFieldButNotTheCategory() throws {
        let query = try EQLQuery.parse(
            #"info where a == "1" and not (b : "x*" or stringContains(c, d)) and startsWith(e, "p")"#)
        #expect(query.fieldsRead == ["a", "b", "c", "d", "e"])
        #expect(query.sequence == nil)
    }

    @Test func sequenceQueryDoesNotMatchSingleEvents() throws {
        let query = try EQLQuery.parse(#"sequence [any where x == "a"] [any where x == "b"]"#)
        #expect(!query.matches(TestDocument(single: ["x": "a"])))
        #expect(query.sequence?.stageCount == 2)
    }
}
