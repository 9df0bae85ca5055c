/// A document that EQL queries can be evaluated against.
///
/// The evaluator works on the keyword terms Elasticsearch indexes, which is all the supported
/// EQL subset needs: every operator is a term, wildcard, prefix or regex test on keyword values.
public protocol EQLDocument {
    /// Every leaf value at a dotted path as the keyword text Elasticsearch indexes.
    ///
    /// Strings are returned as is, booleans as `"true"` or `"false"`, numbers in plain decimal.
    /// An array contributes each of its elements.
    ///
    /// - Parameter path: A dotted field path such as `aws.cloudtrail.request_parameters`.
    /// - Returns: The values at `path`, or an empty array when the field is missing.
    func eqlValues(at path: String) -> [String]
}
