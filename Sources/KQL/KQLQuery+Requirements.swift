extension KQLQuery {
    /// A query that holds exactly when every listed field has one of its listed values (exact,
    /// case-sensitive, any element of an array), and that matches every document when the list
    /// is empty.
    ///
    /// Rules in other languages (EQL, ES|QL) use it as a necessary condition: the values their
    /// own condition pins, so the prefilter and the rule index can rule records out on cheap
    /// fields before the rule's own evaluator runs on the mapped document.
    public static func requiring(_ requirements: [(field: String, values: Set<String>)]) -> KQLQuery {
        let clauses = requirements.map { requirement in
            let tests = requirement.values.sorted().map { KQLValueExpression.test(.exact(KQLExactValue($0))) }
            return KQLExpression.field(requirement.field, tests.count == 1 ? tests[0] : .or(tests))
        }
        return KQLQuery(root: .and(clauses))
    }
}
