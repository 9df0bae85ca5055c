import EQL
import Foundation
import Testing

/// Lucene's regex dialect as `regex` and `regex~` read it: whole-string, Lucene's operators only.
@Suite struct EQLLuceneRegexTests {
    private let ransomNote =
        #"arn:aws:s3:::[^/]+/.*?(how|decrypt|restor|help|instruct|read|get|recov|save|encrypt|delet|info|ransom).*"#

    private func regex(_ pattern: String, _ value: String, insensitive: Bool = false) throws -> Bool {
        let operatorText = insensitive ? "regex~" : "regex"
        let escaped = pattern.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return try evaluate("any where x \(operatorText) \"\(escaped)\"", single: ["x": value])
    }

    @Test func ransomRulePatternMatchesKeywordsAfterTheBucketOnly() throws {
        #expect(try regex(ransomNote, "arn:aws:s3:::victim-bucket/HOW_TO_DECRYPT.txt", insensitive: true))
        #expect(try regex(ransomNote, "arn:aws:s3:::victim/dir/readme", insensitive: true))
        #expect(try !regex(ransomNote, "arn:aws:s3:::help-bucket/photo.jpg", insensitive: true), "keyword in bucket")
        #expect(try !regex(ransomNote, "arn:aws:s3:::bucket-only", insensitive: true), "no object key")
        #expect(try !regex(ransomNote, "xarn:aws:s3:::b/how", insensitive: true), "anchored at the start")
        #expect(try !regex(ransomNote, "arn:aws:s3:::b/HOW", insensitive: false), "regex without ~ keeps case")
    }

    @Test func lazyLookingQuantifierIsAnOptionalRun() throws {
        // Lucene reads `.*?` as `(.*)?`: the same language as `.*`, never a lazy match.
        #expect(try regex("a.*?b", "axxb"))
        #expect(try regex("a.*?b", "ab"))
        #expect(try !regex("a.*?b", "axxbc"))
        #expect(try regex("a+*", "aaa"), "`+*` stacks, not possessive")
        #expect(try !regex("a+*", "b"))
        #expect(try regex("(ab)+?", ""), "(ab)+? is optional")
    }

    @Test func negatedClassStopsAtItsCharacters() throws {
        #expect(try regex("[^/]+/x", "bucket/x"))
        #expect(try !regex("[^/]+/x", "a/b/x"))
        #expect(try regex("[a-c]+", "abcabc"))
        #expect(try !regex("[a-c]+", "abcd"))
    }

    @Test func alternationAndGroups() throws {
        #expect(try regex("(foo|ba(r|z))s", "bazs"))
        #expect(try !regex("(foo|ba(r|z))s", "bas"))
        #expect(try regex("foo|bar", "bar"), "alternation spans the whole pattern")
        #expect(try !regex("foo|bar", "foobar"))
        #expect(try regex("x()y", "xy"), "an empty group is the empty string")
    }

    @Test func wholeStringWithoutAnchors() throws {
        #expect(try !regex("abc", "xabcx"))
        #expect(try regex(".*abc.*", "xabcx"))
        #expect(try !regex("abc", "abc\n"), "no end-of-line slack before the end")
        #expect(try regex("a.c", "a\nc"), "`.` matches a line break")
        #expect(try !regex("^abc", "abc"), "`^` outside a class is a literal character")
        #expect(try regex("^abc", "^abc"))
        #expect(try regex("abc$", "abc$"), "`$` is a literal character")
    }

    @Test func luceneOnlyOperators() throws {
        #expect(try regex(#"a"*.+"b"#, "a*.+b"), "quoted text is literal")
        #expect(try !regex(#"a"*.+"b"#, "axxb"))
        #expect(try regex("a@", "anything"), "`@` is any string")
        #expect(try !regex("a#", "a"), "`#` is the empty language")
        #expect(try regex("a{2,3}", "aaa"))
        #expect(try !regex("a{2,3}", "aaaa"))
        #expect(try regex("a{2}", "aa"))
        #expect(try regex(#"a\.b"#, "a.b"))
        #expect(try !regex(#"a\.b"#, "axb"))
        #expect(try regex(#"\$\{\q"#, "${q"), "an escaped character other than d, s, w stands for itself")
    }

    @Test func icuOnlySyntaxHasNoMeaning() throws {
        // `(?i)` and `[[:alpha:]]` are ICU features; in Lucene they are plain characters.
        #expect(try regex("(?i)", "?i"), "`(?i)` is a group holding the characters `?` and `i`")
        #expect(try !regex("(?i)A", "a"))
        #expect(try regex("*a", "*a"), "a quantifier with nothing before it is a literal character, as in Lucene")
        #expect(try !regex("*a", "a"))
        #expect(try regex("[[:a]", ":"))
    }

    @Test func caseInsensitiveFoldsSingleASCIILettersOnly() throws {
        #expect(try regex("abc", "ABC", insensitive: true))
        #expect(try regex("[x]", "X", insensitive: true))
        #expect(try !regex("[^x]", "X", insensitive: true), "a negated letter excludes both cases")
        #expect(try !regex("[a-c]", "B", insensitive: true), "ranges are not folded, as in Lucene")
        #expect(try !regex("é", "É", insensitive: true), "only ASCII letters are folded")
    }

    @Test(arguments: [
        ("a&b", "`&`"), ("~a", "`~`"), ("<1-5>", "`<`"), (#"\d+"#, #"`\d`"#),
        ("(a", "unclosed `(`"), ("a)", "unbalanced `)`"), ("[]", "empty `[`"), ("a|", "empty alternative"),
    ])
    func unsupportedOrMalformedPatternsAreRefused(pattern: String, named: String) {
        let escaped = pattern.replacingOccurrences(of: "\\", with: "\\\\")
        let query = "any where x regex \"\(escaped)\""
        #expect {
            try EQLQuery.parse(query)
        } throws: { error in
            guard let syntaxError = error as? EQLSyntaxError else {
                return false
            }
            return syntaxError.message.contains(named) && syntaxError.line == 1 && syntaxError.column == 19
        }
    }
}
