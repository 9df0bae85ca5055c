/// What an ECS field is in SQL: an expression over the CloudTrail table's columns.
///
/// Every expression already treats the placeholders Elastic's pipeline drops (`""`, `-`, `none`)
/// as missing, so a compiled test never sees them.
enum SQLField: Sendable, Equatable {
    /// A single value, or NULL when the field is missing.
    case scalar(String)
    /// Several values (a multi-valued field): an array of strings, empty when the field is missing.
    case list(String)

    /// The field's values as one array expression, for new_terms combinations.
    func values(in dialect: SQLDialect) -> String {
        switch self {
        case .scalar(let expression):
            switch dialect {
            case .spark: return "filter(array(\(expression)), v -> v IS NOT NULL)"
            case .trino: return "filter(ARRAY[\(expression)], v -> v IS NOT NULL)"
            }
        case .list(let expression):
            return "array_distinct(\(expression))"
        }
    }
}
