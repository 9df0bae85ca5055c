/// The outcome of mapping one record.
public struct ECSMappingResult: Sendable {
    /// The ECS document.
    public var document: ECSDocument
    /// Problems with individual fields that were dropped, phrased for analysts.
    public var warnings: [String]

    public init(document: ECSDocument, warnings: [String]) {
        self.document = document
        self.warnings = warnings
    }
}
