/// Why a record could not be mapped at all (it becomes an ingest error, spec §9).
public struct ECSMappingError: Error, Sendable, CustomStringConvertible {
    /// A plain-language explanation naming the field at fault.
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
