/// A query compiled for three-valued evaluation over fields known only in part.
///
/// Field names are resolved to slots once, when a rule is compiled, so evaluating a record costs
/// no string lookups. Fields with no slot are always unknown. Operands of `and` and `or` are
/// reordered so the cheapest fields are tested first; that is sound because evaluation has no
/// side effects and Kleene's `and`/`or` are commutative.
public struct KQLPartialQuery: Sendable {
    indirect enum Node: Sendable {
        case or([Node])
        case and([Node])
        case not(Node)
        case field(slot: Int, KQLValueExpression)
        case unknown
    }

    let root: Node

    /// Whether some field of the query has no slot, so the query may need the whole document.
    public let readsUnknownFields: Bool

    /// Compiles `query`.
    ///
    /// - Parameters:
    ///   - slot: The slot of a field name (exactly as written in the query), or `nil` when the
    ///     field cannot be known without building the document.
    ///   - cost: The relative cost of reading a slot; lower slots of equal cost keep query order.
    public init(_ query: KQLQuery, slot: (String) -> Int?, cost: (Int) -> Int) {
        var unknownFields = false
        func compile(_ expression: KQLExpression) -> (node: Node, cost: Int) {
            switch expression {
            case .or(let operands), .and(let operands):
                let compiled = operands.map(compile).enumerated()
                    .sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }
                    .map(\.element)
                let nodes = compiled.map(\.node)
                let highest = compiled.map(\.cost).max() ?? 0
                if case .or = expression { return (.or(nodes), highest) }
                return (.and(nodes), highest)
            case .not(let operand):
                let inner = compile(operand)
                return (.not(inner.node), inner.cost)
            case .field(let name, let values):
                guard let index = slot(name) else {
                    unknownFields = true
                    return (.unknown, Int.max)
                }
                return (.field(slot: index, values), cost(index))
            }
        }
        root = compile(query.root).node
        readsUnknownFields = unknownFields
    }

    /// The query's answer for a document of which `fields` knows part.
    public func evaluate(_ fields: inout some KQLPartialFields) -> KQLTruth {
        root.evaluate(&fields)
    }
}

extension KQLPartialQuery.Node {
    func evaluate(_ fields: inout some KQLPartialFields) -> KQLTruth {
        switch self {
        case .or(let operands):
            var result = KQLTruth.fails
            for operand in operands {
                switch operand.evaluate(&fields) {
                case .matches: return .matches
                case .unknown: result = .unknown
                case .fails: break
                }
            }
            return result
        case .and(let operands):
            var result = KQLTruth.matches
            for operand in operands {
                switch operand.evaluate(&fields) {
                case .fails: return .fails
                case .unknown: result = .unknown
                case .matches: break
                }
            }
            return result
        case .not(let operand):
            return operand.evaluate(&fields).negated
        case .field(let slot, let values):
            // A text search can settle a test before a costly field is read.
            if fields.prefersLiteralSearch(atSlot: slot),
                values.evaluateUnknown(slot: slot, fields: &fields) == .fails
            {
                return .fails
            }
            let value = fields.partialValue(at: slot)
            if case .unknown = value {
                return values.evaluateUnknown(slot: slot, fields: &fields)
            }
            return values.evaluate(partial: value)
        case .unknown:
            return .unknown
        }
    }
}

extension KQLValueExpression {
    /// The same tests as ``evaluate(_:)``, on a field with at most one value, possibly unknown.
    func evaluate(partial value: KQLPartialValue) -> KQLTruth {
        switch self {
        case .or(let operands):
            var result = KQLTruth.fails
            for operand in operands {
                switch operand.evaluate(partial: value) {
                case .matches: return .matches
                case .unknown: result = .unknown
                case .fails: break
                }
            }
            return result
        case .and(let operands):
            var result = KQLTruth.matches
            for operand in operands {
                switch operand.evaluate(partial: value) {
                case .fails: return .fails
                case .unknown: result = .unknown
                case .matches: break
                }
            }
            return result
        case .not(let operand):
            return operand.evaluate(partial: value).negated
        case .test(let test):
            return test.evaluate(partial: value)
        }
    }
}

extension KQLValueExpression {
    /// The tests on a field whose value is unknown: still `fails` for a test whose literal text
    /// the field cannot hold (see ``KQLPartialFields/mayContain(_:atSlot:)``).
    func evaluateUnknown(slot: Int, fields: inout some KQLPartialFields) -> KQLTruth {
        switch self {
        case .or(let operands):
            var result = KQLTruth.fails
            for operand in operands {
                switch operand.evaluateUnknown(slot: slot, fields: &fields) {
                case .matches: return .matches
                case .unknown: result = .unknown
                case .fails: break
                }
            }
            return result
        case .and(let operands):
            var result = KQLTruth.matches
            for operand in operands {
                switch operand.evaluateUnknown(slot: slot, fields: &fields) {
                case .fails: return .fails
                case .unknown: result = .unknown
                case .matches: break
                }
            }
            return result
        case .not(let operand):
            return operand.evaluateUnknown(slot: slot, fields: &fields).negated
        case .test(.exists):
            return .unknown
        case .test(.exact(let expected)):
            return expected.withBytes { fields.mayContain($0, atSlot: slot) } ? .unknown : .fails
        case .test(.wildcard(let pattern)):
            for segment in [pattern.prefix, pattern.suffix] + pattern.middle where !segment.isEmpty {
                if !segment.withUnsafeBufferPointer({ fields.mayContain($0, atSlot: slot) }) { return .fails }
            }
            return .unknown
        }
    }
}

extension KQLValueTest {
    func evaluate(partial value: KQLPartialValue) -> KQLTruth {
        switch value {
        case .unknown:
            return .unknown
        case .absent:
            return .fails
        case .present:
            if case .exists = self { return .matches }
            return .unknown
        case .text(let bytes):
            switch self {
            case .exists: return .matches
            case .exact(let expected): return KQLTruth(expected.matches(bytes))
            case .wildcard(let pattern): return KQLTruth(pattern.matches(bytes))
            }
        }
    }
}
