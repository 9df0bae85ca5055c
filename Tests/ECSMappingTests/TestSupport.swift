import ECSMapping
import Testing
import TrailTriageJSON

/// Maps a record written as JSON text.
func mapRecord(_ json: String, options: ECSMapperOptions = .init()) throws -> ECSMappingResult {
    try ECSMapper(options: options).map(try JSONParser.parse(json), originalText: json)
}

extension ECSDocument {
    /// Keys of `flattened()` for presence checks.
    var flatKeys: Set<String> { Set(flattened().map(\.key)) }
}
