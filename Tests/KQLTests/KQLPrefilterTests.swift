import KQL
import Testing

@Suite("requiredExactValues")
struct KQLPrefilterTests {
    @Test(
        arguments: [
            (#"event.action: ("A" or "B") and event.outcome: success"#, "event.action", ["A", "B"]),
            (#"event.action: ("A" or "B") and event.outcome: success"#, "event.outcome", ["success"]),
            (#"event.action: ("A" or "B") and event.outcome: success"#, "user.name", nil),
            ("event.action: A or event.action: B", "event.action", ["A", "B"]),
            ("(event.action: A and x: 1) or (event.action: (B or C) and y: 2)", "event.action", ["A", "B", "C"]),
            ("event.action: A or user.name: x", "event.action", nil),
            ("event.action: A*", "event.action", nil),
            ("event.action: (A or B*)", "event.action", nil),
            ("event.action: *", "event.action", nil),
            ("not event.action: A", "event.action", nil),
            ("event.action: not A", "event.action", nil),
            ("event.action: (* and not A)", "event.action", nil),
            (#"event.action: "A*""#, "event.action", ["A*"]),
            (#"event.action: A\*"#, "event.action", ["A*"]),
            ("source.as.number: (216025 or 14061)", "source.as.number", ["216025", "14061"]),
            ("flag: (true or \"true\")", "flag", ["true"]),
            ("event.action: (A or B) and event.action: (B or C or D)", "event.action", ["A", "B"]),
            ("event.action: A and not event.action: B", "event.action", ["A"]),
        ] as [(String, String, Set<String>?)])
    func derivesValues(_ query: String, _ field: String, _ expected: Set<String>?) throws {
        #expect(try parsed(query).requiredExactValues(for: field) == expected)
    }

    /// On arrays `f: (A and B)` needs both values, so either singleton is sound, but not their
    /// (empty) intersection.
    @Test func andOfValuesOnArraysStaysSound() throws {
        let query = try parsed("f: (A and B)")
        let document = TestDocument(["f": ["A", "B"]])
        #expect(query.matches(document))
        let required = try #require(query.requiredExactValues(for: "f"))
        #expect(!required.isEmpty)
        #expect(!required.isDisjoint(with: document.kqlValues(at: "f")))
    }

    static let soundnessQueries = [
        "f: (A or B) and g: C",
        "f: A or (f: B and g: *)",
        "f: (A and B) or f: C",
        "f: A and f: B",
        "f: (A or B) and not f: A",
        "not (f: A and g: C) and f: (A or B or C)",
        "f: (A and not B)",
        "(f: A or g: C) and (f: B or f: C)",
        "g: C and f: (A or (B and C))",
    ]

    /// Brute force: every document built from a small value pool that the query matches must hold
    /// one of the required values.
    @Test(arguments: soundnessQueries)
    func neverExcludesAMatchingDocument(_ text: String) throws {
        let query = try parsed(text)
        let pools: [[String]] = [[], ["A"], ["B"], ["C"], ["A", "B"], ["B", "C"], ["A", "C"], ["D"]]
        var checkedMatches = 0
        for f in pools {
            for g in pools {
                let document = TestDocument(["f": f, "g": g])
                guard query.matches(document) else {
                    continue
                }
                checkedMatches += 1
                for field in query.fieldNames {
                    if let required = query.requiredExactValues(for: field) {
                        #expect(
                            !required.isDisjoint(with: document.kqlValues(at: field)),
                            "\(field) requires \(required) but \(document) matches")
                    }
                }
            }
        }
        #expect(checkedMatches > 0)
        #expect(query.requiredExactValues(for: "f") != nil)
    }
}
