import CloudTrailReader
import TrailTriageJSON

@testable import CloudTrailGenerator

/// A small corpus shared by the tests: big enough for every planted scenario, small enough to
/// generate in well under a second in a debug build.
let smallConfiguration = GeneratorConfiguration(
    events: 2_500, seed: 42, days: 2, accounts: 2, startDate: "2026-10-01", recordsPerFile: 200,
    compressionLevel: 6, regions: ["us-east-1", "eu-west-1"]
)

/// Generated once; global `let`s are initialised lazily and exactly once.
let smallCorpus: Result<[GeneratedFile], any Error> = Result {
    try CloudTrailGenerator(configuration: smallConfiguration).files()
}

/// Every record of the small corpus with the file it came from.
let smallRecords: Result<[(file: GeneratedFile, record: JSONObject)], any Error> = Result {
    var all: [(GeneratedFile, JSONObject)] = []
    for file in try smallCorpus.get() {
        for record in try records(of: file) { all.append((file, record)) }
    }
    return all
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The `Records` array of a file, as objects.
func records(of file: GeneratedFile) throws -> [JSONObject] {
    let document = try JSONParser.parse(file.json)
    guard let array = document["Records"]?.arrayValue else {
        throw TestFailure("\(file.relativePath) has no Records array")
    }
    return try array.map { value in
        guard let object = value.objectValue else { throw TestFailure("a record is not an object") }
        return object
    }
}
/// Decompresses with the reader's decoder, which is independent of the generator's own code.
func gunzip(_ data: [UInt8]) throws -> [UInt8] {
    let output = GzipDecoder.decompress(data)
    if let failure = output.failure { throw TestFailure(failure) }
    return output.bytes
}

extension JSONObject {
    /// Follows a dotted path through nested objects.
    func value(at path: String) -> JSONValue? {
        var current: JSONValue = .object(self)
        for part in path.split(separator: ".") {
            guard let next = current[String(part)] else { return nil }
            current = next
        }
        return current
    }

    func string(at path: String) -> String? { value(at: path)?.stringValue }
}
