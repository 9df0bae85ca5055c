import KQL
import TrailTriageJSON

/// A document an ES|QL query reads its rows from.
///
/// It is also a ``KQLDocument`` so that the `KQL()` function can run its query on the document.
public protocol ESQLSource: KQLDocument {
    /// The raw JSON leaves at a dotted path: an array gives each element, a path through an array of
    /// objects gives the leaf of every element, and a missing field gives `[]`.
    func values(at path: String) -> [JSONValue]
}
