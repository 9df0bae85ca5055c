/// A document that KQL queries can be evaluated against.
///
/// Conforming types expose each field as the list of terms Elasticsearch would have indexed for it,
/// which is all the evaluator needs: every supported KQL test is a term, wildcard or exists test.
public protocol KQLDocument {
    /// Every leaf value at a dotted path, as the text Elasticsearch would index.
    ///
    /// Strings are returned as is, booleans as `"true"` or `"false"`, and numbers in their plain
    /// decimal text form. An array contributes each of its elements, and a path that descends through
    /// an array of objects collects the leaf from every element.
    ///
    /// - Parameter path: A dotted field path such as `aws.cloudtrail.user_identity.arn`.
    /// - Returns: The values at `path`, or an empty array when the field is missing or unindexed.
    func kqlValues(at path: String) -> [String]
}
