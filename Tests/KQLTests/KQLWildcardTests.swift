import KQL
import Testing

@Suite("Wildcard patterns")
struct KQLWildcardTests {
    @Test(arguments: [
        ("ab*ba", "abba", true),
        ("ab*ba", "aba", false),  // prefix and suffix may not overlap
        ("ab*ba", "abxyzba", true),
        ("a*a", "a", false),
        ("a*a", "aa", true),
        ("*a*b*", "ab", true),
        ("*a*b*", "ba", false),
        ("*a*b*", "xxaxxbxx", true),
        ("*x**y*", "xy", true),
        ("*x**y*", "yx", false),
        ("*aa*aa*", "aaa", false),
        ("*aa*aa*", "aaaa", true),
        ("AKIA*", "AKIA", true),
        ("AKIA*", "xAKIA", false),
        ("*AKIA", "xAKIA", true),
        ("*AKIA", "AKIAx", false),
        ("*é*", "café", true),
        ("*é*", "cafe", false),
        ("c*é", "café", true),
        ("what?*", "what?!", true),
        ("what?*", "whatx!", false),
        ("*", "", true),
    ])
    func matchesWholeValue(_ pattern: String, _ value: String, _ expected: Bool) throws {
        let query = try parsed("f: \(pattern)")
        #expect(query.matches(TestDocument(["f": [value]])) == expected)
    }

    @Test func leadingStarIsNotASubstringTestForPrefixes() throws {
        let query = try parsed("f: AKIA*")
        #expect(!query.matches(TestDocument(["f": ["ASIAAKIA"]])))
    }
}
