import KQL
import Synchronization
import Testing

/// Three-valued evaluation over documents known in part.
@Suite("Partial evaluation")
struct KQLPartialQueryTests {
    /// `f` is known (slot 0); `g` has a slot (1) but may be unknown; `h` has no slot at all.
    private struct Fields: KQLPartialFields {
        var f: String?
        var g: String??
        /// Text the record is known not to spell, for `mayContain`.
        var absentText: Set<String> = []

        mutating func partialValue(at slot: Int) -> KQLPartialValue {
            let value: String?? = slot == 0 ? .some(f) : slot == 1 ? g : nil
            switch value {
            case .none: return .unknown
            case .some(.none): return .absent
            case .some(.some(let text)):
                return .text(Self.storage(text))
            }
        }

        mutating func mayContain(_ literal: UnsafeBufferPointer<UInt8>, atSlot slot: Int) -> Bool {
            !absentText.contains(String(decoding: literal, as: UTF8.self))
        }

        /// Partial values borrow bytes; tests keep them alive for the process. Tests run in
        /// parallel, so the table is behind a lock.
        private static let kept = Mutex<[String: Int]>([:])
        private static func storage(_ text: String) -> UnsafeBufferPointer<UInt8> {
            let count = text.utf8.count
            let address = kept.withLock { table in
                if let address = table[text] { return address }
                let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(count, 1))
                _ = bytes.initialize(from: text.utf8)
                let address = Int(bitPattern: bytes.baseAddress)
                table[text] = address
                return address
            }
            return UnsafeBufferPointer(start: UnsafePointer(bitPattern: address), count: count)
        }
    }

    private func compile(_ text: String) throws -> (KQLQuery, KQLPartialQuery) {
        let query = try parsed(text)
        let partial = KQLPartialQuery(query, slot: { ["f": 0, "g": 1][$0] }, cost: { $0 })
        return (query, partial)
    }

    static let queries = [
        "f: A and g: B", "f: A or g: B", "not f: A and g: *", "f: (A or B*) and not g: C",
        "f: (* and not A*) or h: x", "not (f: A and g: B)", "f: A and h: x", "g: (B and not C) or f: *",
    ]

    /// A verdict other than unknown must hold for every value the unknown field could take.
    @Test(arguments: queries)
    func aDecidedVerdictHoldsForEveryCompletion(_ text: String) throws {
        let (query, partial) = try compile(text)
        let pool: [String?] = [nil, "A", "B", "C", "AB"]
        var decided = 0
        for f in pool {
            var fields = Fields(f: f, g: .none)
            let verdict = partial.evaluate(&fields)
            guard verdict != .unknown else { continue }
            decided += 1
            for g in pool {
                for h in pool {
                    var document: [String: [String]] = [:]
                    if let f { document["f"] = [f] }
                    if let g { document["g"] = [g] }
                    if let h { document["h"] = [h] }
                    let matches = query.matches(TestDocument(document))
                    #expect(matches == (verdict == .matches), "\(text) with f=\(f ?? "-") g=\(g ?? "-"): \(verdict)")
                }
            }
        }
        #expect(decided > 0, "\(text) is decided for some value of f alone")
    }

    @Test func knownFieldsDecideWithoutTheRest() throws {
        let (_, conjunction) = try compile("f: A and g: B and h: x")
        var missing = Fields(f: "Z", g: .none)
        #expect(conjunction.evaluate(&missing) == .fails)
        var open = Fields(f: "A", g: .some("B"))
        #expect(conjunction.evaluate(&open) == .unknown)
        let (_, negation) = try compile("not f: A")
        var absent = Fields(f: nil, g: .none)
        #expect(negation.evaluate(&absent) == .matches)
    }

    @Test func aTestOnTextTheSourceNeverSpellsFails() throws {
        let (_, query) = try compile("g: *Browser* and f: A")
        var spelled = Fields(f: "A", g: .none)
        #expect(query.evaluate(&spelled) == .unknown)
        var unspelled = Fields(f: "A", g: .none, absentText: ["Browser"])
        #expect(query.evaluate(&unspelled) == .fails)
        let (_, negated) = try compile("not g: Browser and f: A")
        #expect(negated.evaluate(&unspelled) == .matches)
    }

    @Test func prefixWildcardsAreRequiredValues() throws {
        let query = try parsed("event.action: (Invoke* or \"CreateFunction\") and event.provider: lambda.amazonaws.com")
        let action = try #require(query.requiredValues(for: "event.action"))
        #expect(action.exact == ["CreateFunction"])
        #expect(action.prefixes == ["Invoke"])
        #expect(try parsed("event.action: *Invoke").requiredValues(for: "event.action") == nil)
        #expect(try parsed("event.action: In*ke").requiredValues(for: "event.action") == nil)
    }
}
