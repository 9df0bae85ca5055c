/// The index mapping a query runs against: which column names exist and their types.
///
/// In Kibana every field the integration maps is a column of every row, even when no document
/// carries it (a column of nulls), so `KEEP` and `IS NULL` on such a field work; a name that is
/// neither mapped nor created by the pipeline is an error. Families of fields without a fixed list
/// (the flattened CloudTrail payloads) are known by prefix.
public struct ESQLSchema: Sendable {
    /// Mapped fields and their types.
    public private(set) var fieldTypes: [String: ESQLFieldType]
    /// Prefixes (ending in `.`) under which every name is a field of the given type.
    public private(set) var openFamilies: [String: ESQLFieldType]
    /// The mapped field names in the order ES|QL lists an index's columns (sorted by name).
    public private(set) var fieldNames: [String]

    /// A schema from explicit fields and open families.
    public init(fieldTypes: [String: ESQLFieldType], openFamilies: [String: ESQLFieldType] = [:]) {
        self.fieldTypes = fieldTypes
        self.openFamilies = openFamilies
        self.fieldNames = fieldTypes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The type of a mapped field, `nil` when the schema does not know the name.
    public func type(of field: String) -> ESQLFieldType? {
        if let type = fieldTypes[field] { return type }
        for (prefix, type) in openFamilies where field.hasPrefix(prefix) && field.count > prefix.count {
            return type
        }
        return nil
    }

    /// This schema with more fields (later types win).
    public func adding(_ more: [String: ESQLFieldType]) -> ESQLSchema {
        ESQLSchema(fieldTypes: fieldTypes.merging(more) { _, new in new }, openFamilies: openFamilies)
    }
}
