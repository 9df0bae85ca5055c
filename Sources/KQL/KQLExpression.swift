/// A node of a parsed query at the level of whole documents.
public indirect enum KQLExpression: Hashable, Sendable {
    /// Matches when any operand matches.
    case or([KQLExpression])
    /// Matches when every operand matches.
    case and([KQLExpression])
    /// The plain complement of its operand; a document missing the field satisfies `not field: v`.
    case not(KQLExpression)
    /// Applies value tests to the values of one field.
    case field(String, KQLValueExpression)
}

extension KQLExpression {
    func evaluate<Document: KQLDocument>(_ document: Document) -> Bool {
        switch self {
        case .or(let operands):
            for operand in operands where operand.evaluate(document) {
                return true
            }
            return false
        case .and(let operands):
            for operand in operands where !operand.evaluate(document) {
                return false
            }
            return true
        case .not(let operand):
            return !operand.evaluate(document)
        case .field(let name, let values):
            // Fetch once per field clause: value lists such as `f: (a or b or c)` reuse the array.
            return values.evaluate(document.kqlValues(at: name))
        }
    }

    func collectFieldNames(into names: inout Set<String>) {
        switch self {
        case .or(let operands), .and(let operands):
            for operand in operands {
                operand.collectFieldNames(into: &names)
            }
        case .not(let operand):
            operand.collectFieldNames(into: &names)
        case .field(let name, _):
            names.insert(name)
        }
    }
}
