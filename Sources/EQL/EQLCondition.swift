/// The condition after `where`, as a tree.
indirect enum EQLCondition: Sendable {
    case all([EQLCondition])
    case any([EQLCondition])
    case not(EQLCondition)
    /// A test pushed down as a query: true when any value of the field passes, false otherwise
    /// (also when the field is missing).
    case field(String, EQLValueTest)
    /// A function whose second argument is a field, which Elasticsearch runs as a script.
    case fieldPair(EQLFieldPairFunction, String, String)

    /// The condition's truth for one document; see ``EQLTruth`` for how null arises and spreads.
    func truth(in document: some EQLDocument) -> EQLTruth {
        switch self {
        case .all(let conditions):
            var result = EQLTruth.true
            for condition in conditions {
                switch condition.truth(in: document) {
                case .false: return .false
                case .null: result = .null
                case .true: break
                }
            }
            return result
        case .any(let conditions):
            var result = EQLTruth.false
            for condition in conditions {
                switch condition.truth(in: document) {
                case .true: return .true
                case .null: result = .null
                case .false: break
                }
            }
            return result
        case .not(let condition):
            return condition.truth(in: document).negated
        case .field(let path, let test):
            return EQLTruth(document.eqlValues(at: path).contains(where: test.matches))
        case .fieldPair(let function, let subjectPath, let argumentPath):
            let subjects = document.eqlValues(at: subjectPath)
            let arguments = document.eqlValues(at: argumentPath)
            guard !subjects.isEmpty, !arguments.isEmpty else {
                return .null
            }
            return EQLTruth(
                subjects.contains { subject in arguments.contains { function.holds(subject: subject, argument: $0) } })
        }
    }

    /// Every field path the condition reads.
    var fieldsRead: Set<String> {
        switch self {
        case .all(let conditions), .any(let conditions):
            conditions.reduce(into: []) { $0.formUnion($1.fieldsRead) }
        case .not(let condition):
            condition.fieldsRead
        case .field(let path, _):
            [path]
        case .fieldPair(_, let subject, let argument):
            [subject, argument]
        }
    }
}

/// A string function evaluated as a script on two field values: literal, case-sensitive.
enum EQLFieldPairFunction: String, Sendable {
    case stringContains
    case startsWith

    func holds(subject: String, argument: String) -> Bool {
        switch self {
        case .stringContains:
            Self.bytes(Array(subject.utf8), contain: Array(argument.utf8))
        case .startsWith:
            subject.utf8.starts(with: argument.utf8)
        }
    }

    private static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else {
            return true
        }
        guard needle.count <= haystack.count else {
            return false
        }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
