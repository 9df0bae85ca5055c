import Glibc

/// A query compiled for three-valued evaluation over fields known only in part.
///
/// Field names are resolved to slots once, when a rule is compiled, so evaluating a record costs
/// no string lookups. Fields with no slot are always unknown. Operands of `and` and `or` are
/// reordered so the cheapest fields are tested first; that is sound because evaluation has no
/// side effects and Kleene's `and`/`or` are commutative.
///
/// The query is laid out as a flat program of plain-value instructions in prefix order, each
/// knowing where its subtree ends, with the literal bytes of its tests in one array. A scan
/// evaluates a few queries for every record it reads; walking a tree of enums with array
/// payloads cost a reference-count increment and decrement for every node visited, which the
/// profile showed as a tenth of the scan.
public struct KQLPartialQuery: Sendable {
    enum Operation: UInt8, Sendable {
        /// Query nodes: `or`, `and`, `not` of the following subtrees; a field test whose value
        /// expression follows (`first` is its slot); a field with no slot.
        case or, and, not, field, unknown
        /// Value expressions under a field: `or`, `and`, `not` of the following ones.
        case anyValue, everyValue, noValue
        /// Value tests: `field: *`; an exact value (`first` and `count` locate its bytes in
        /// ``literals``); a wildcard pattern (`first` indexes ``patterns``; `count` literal runs of
        /// it start at segment `second` in ``segments``).
        case exists, exact, wildcard
    }

    struct Instruction: Sendable {
        var operation: Operation
        /// The index just past this instruction's subtree.
        var end: Int32
        var first: Int32 = 0
        var count: Int32 = 0
        var second: Int32 = 0
    }

    let program: [Instruction]
    /// The bytes of every exact value and wildcard run, back to back.
    let literals: [UInt8]
    /// The wildcard runs, as ranges of ``literals``.
    let segments: [Range<Int>]
    let patterns: [KQLWildcardPattern]

    /// Whether some field of the query has no slot, so the query may need the whole document.
    public let readsUnknownFields: Bool

    /// Compiles `query`.
    ///
    /// - Parameters:
    ///   - slot: The slot of a field name (exactly as written in the query), or `nil` when the
    ///     field cannot be known without building the document.
    ///   - cost: The relative cost of reading a slot; lower slots of equal cost keep query order.
    public init(_ query: KQLQuery, slot: (String) -> Int?, cost: (Int) -> Int) {
        var builder = Builder()
        builder.emit(builder.order(query.root, slot: slot, cost: cost).node)
        program = builder.program
        literals = builder.literals
        segments = builder.segments
        patterns = builder.patterns
        readsUnknownFields = builder.readsUnknownFields
    }

    /// The query's answer for a document of which `fields` knows part.
    public func evaluate(_ fields: inout some KQLPartialFields) -> KQLTruth {
        program.withUnsafeBufferPointer { program in
            literals.withUnsafeBufferPointer { literals in
                var evaluation = Evaluation(
                    program: program, literals: literals, segments: segments, patterns: patterns)
                return evaluation.node(0, &fields)
            }
        }
    }
}

extension KQLPartialQuery {
    /// Lays a query out as a program.
    private struct Builder {
        var program: [Instruction] = []
        var literals: [UInt8] = []
        var segments: [Range<Int>] = []
        var patterns: [KQLWildcardPattern] = []
        var readsUnknownFields = false

        /// The query with the operands of `and` and `or` sorted cheapest first, and the cost of
        /// each subtree (its dearest field).
        indirect enum Ordered {
            case or([Ordered])
            case and([Ordered])
            case not(Ordered)
            case field(slot: Int, KQLValueExpression)
            case unknown
        }

        mutating func order(
            _ expression: KQLExpression, slot: (String) -> Int?, cost: (Int) -> Int
        ) -> (node: Ordered, cost: Int) {
            switch expression {
            case .or(let operands), .and(let operands):
                let compiled = operands.map { order($0, slot: slot, cost: cost) }.enumerated()
                    .sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }
                    .map(\.element)
                let nodes = compiled.map(\.node)
                let highest = compiled.map(\.cost).max() ?? 0
                if case .or = expression { return (.or(nodes), highest) }
                return (.and(nodes), highest)
            case .not(let operand):
                let inner = order(operand, slot: slot, cost: cost)
                return (.not(inner.node), inner.cost)
            case .field(let name, let values):
                guard let index = slot(name) else {
                    readsUnknownFields = true
                    return (.unknown, Int.max)
                }
                return (.field(slot: index, values), cost(index))
            }
        }

        mutating func emit(_ node: Ordered) {
            let start = program.count
            switch node {
            case .or(let operands):
                program.append(Instruction(operation: .or, end: 0))
                for operand in operands { emit(operand) }
            case .and(let operands):
                program.append(Instruction(operation: .and, end: 0))
                for operand in operands { emit(operand) }
            case .not(let operand):
                program.append(Instruction(operation: .not, end: 0))
                emit(operand)
            case .field(let slot, let values):
                program.append(Instruction(operation: .field, end: 0, first: Int32(slot)))
                emit(values)
            case .unknown:
                program.append(Instruction(operation: .unknown, end: 0))
            }
            program[start].end = Int32(program.count)
        }

        private mutating func emit(_ values: KQLValueExpression) {
            let start = program.count
            switch values {
            case .or(let operands):
                program.append(Instruction(operation: .anyValue, end: 0))
                for operand in operands { emit(operand) }
            case .and(let operands):
                program.append(Instruction(operation: .everyValue, end: 0))
                for operand in operands { emit(operand) }
            case .not(let operand):
                program.append(Instruction(operation: .noValue, end: 0))
                emit(operand)
            case .test(.exists):
                program.append(Instruction(operation: .exists, end: 0))
            case .test(.exact(let expected)):
                let range = literal(expected.withBytes { Array($0) })
                program.append(
                    Instruction(
                        operation: .exact, end: 0, first: Int32(range.lowerBound), count: Int32(range.count)))
            case .test(.wildcard(let pattern)):
                let firstSegment = segments.count
                for run in [pattern.prefix, pattern.suffix] + pattern.middle where !run.isEmpty {
                    segments.append(literal(run))
                }
                program.append(
                    Instruction(
                        operation: .wildcard, end: 0, first: Int32(patterns.count),
                        count: Int32(segments.count - firstSegment), second: Int32(firstSegment)))
                patterns.append(pattern)
            }
            program[start].end = Int32(program.count)
        }

        private mutating func literal(_ bytes: [UInt8]) -> Range<Int> {
            let start = literals.count
            literals.append(contentsOf: bytes)
            return start..<literals.count
        }
    }

    /// One evaluation of the program over one record's fields.
    private struct Evaluation {
        let program: UnsafeBufferPointer<Instruction>
        let literals: UnsafeBufferPointer<UInt8>
        let segments: [Range<Int>]
        let patterns: [KQLWildcardPattern]

        func node(_ index: Int, _ fields: inout some KQLPartialFields) -> KQLTruth {
            let instruction = program[index]
            switch instruction.operation {
            case .or, .and:
                return combine(index, isOr: instruction.operation == .or) { node($0, &fields) }
            case .not:
                return node(index + 1, &fields).negated
            case .field:
                let slot = Int(instruction.first)
                // A text search can settle a test before a costly field is read.
                if fields.prefersLiteralSearch(atSlot: slot), unknownValue(index + 1, slot: slot, &fields) == .fails {
                    return .fails
                }
                let value = fields.partialValue(at: slot)
                if case .unknown = value { return unknownValue(index + 1, slot: slot, &fields) }
                return self.value(index + 1, value)
            case .unknown:
                return .unknown
            case .anyValue, .everyValue, .noValue, .exists, .exact, .wildcard:
                return .unknown  // never at a query position: the builder puts these under a field
            }
        }

        /// The value expression at `index` on a field with at most one value, possibly unknown.
        func value(_ index: Int, _ value: KQLPartialValue) -> KQLTruth {
            let instruction = program[index]
            switch instruction.operation {
            case .anyValue, .everyValue:
                return combine(index, isOr: instruction.operation == .anyValue) { self.value($0, value) }
            case .noValue:
                return self.value(index + 1, value).negated
            case .exists, .exact, .wildcard:
                switch value {
                case .unknown: return .unknown
                case .absent: return .fails
                case .present: return instruction.operation == .exists ? .matches : .unknown
                case .text(let bytes):
                    switch instruction.operation {
                    case .exact: return KQLTruth(Self.equal(bytes, literal(instruction.first, instruction.count)))
                    case .wildcard: return KQLTruth(patterns[Int(instruction.first)].matches(bytes))
                    default: return .matches
                    }
                }
            case .or, .and, .not, .field, .unknown:
                return .unknown  // never under a field
            }
        }

        /// The value expression at `index` on a field whose value is unknown: still `fails` for a
        /// test whose literal text the field cannot hold (see ``KQLPartialFields/mayContain(_:atSlot:)``).
        func unknownValue(_ index: Int, slot: Int, _ fields: inout some KQLPartialFields) -> KQLTruth {
            let instruction = program[index]
            switch instruction.operation {
            case .anyValue, .everyValue:
                return combine(index, isOr: instruction.operation == .anyValue) {
                    unknownValue($0, slot: slot, &fields)
                }
            case .noValue:
                return unknownValue(index + 1, slot: slot, &fields).negated
            case .exists:
                return .unknown
            case .exact:
                return fields.mayContain(literal(instruction.first, instruction.count), atSlot: slot)
                    ? .unknown : .fails
            case .wildcard:
                let first = Int(instruction.second)
                for segment in first..<(first + Int(instruction.count)) {
                    let range = segments[segment]
                    let run = UnsafeBufferPointer(rebasing: literals[range])
                    if !fields.mayContain(run, atSlot: slot) { return .fails }
                }
                return .unknown
            case .or, .and, .not, .field, .unknown:
                return .unknown  // never under a field
            }
        }

        /// Kleene `or` (`isOr`) or `and` of the subtrees following the instruction at `index`,
        /// each evaluated by `evaluate`, stopping at the first that settles it.
        @inline(__always)
        private func combine(_ index: Int, isOr: Bool, _ evaluate: (Int) -> KQLTruth) -> KQLTruth {
            var result: KQLTruth = isOr ? .fails : .matches
            var child = index + 1
            let end = Int(program[index].end)
            while child < end {
                switch evaluate(child) {
                case .matches: if isOr { return .matches }
                case .fails: if !isOr { return .fails }
                case .unknown: result = .unknown
                }
                child = Int(program[child].end)
            }
            return result
        }

        private func literal(_ start: Int32, _ count: Int32) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: literals[Int(start)..<Int(start + count)])
        }

        private static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
            guard lhs.count == rhs.count else { return false }
            guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return lhs.isEmpty }
            return memcmp(left, right, lhs.count) == 0
        }
    }
}
