/// The right-hand side of `field: …`: value tests combined with `or`, `and` and `not`.
///
/// Each test is answered against the field's whole value list ("does any value match?") before the
/// boolean operators combine the answers. That is why `field: (*a* and *b*)` can be satisfied by two
/// different array elements, and why `field: not v` equals `not field: v`.
public indirect enum KQLValueExpression: Hashable, Sendable {
    /// Matches when any operand matches.
    case or([KQLValueExpression])
    /// Matches when every operand matches.
    case and([KQLValueExpression])
    /// The plain complement of its operand.
    case not(KQLValueExpression)
    /// Matches when at least one of the field's values passes the test.
    case test(KQLValueTest)
}

extension KQLValueExpression {
    func evaluate(_ values: [String]) -> Bool {
        switch self {
        case .or(let operands):
            for operand in operands where operand.evaluate(values) {
                return true
            }
            return false
        case .and(let operands):
            for operand in operands where !operand.evaluate(values) {
                return false
            }
            return true
        case .not(let operand):
            return !operand.evaluate(values)
        case .test(let test):
            return test.matchesAny(of: values)
        }
    }
}
