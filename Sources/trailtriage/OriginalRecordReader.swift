import CloudTrailReader
import ConsoleUI
import TrailTriageJSON

/// Reads one alert's original CloudTrail record again from its file, for the raw view: the file
/// is read and framed as the scan did, and the record with the scan's index is parsed.
enum OriginalRecordReader {
    static func read(file: String, index: Int, limits: ReadLimits) -> Result<JSONValue, OriginalRecordFailure> {
        let framed = CloudTrailReader.read(InputFile(path: file), limits: limits)
        guard let span = framed.records.first(where: { $0.location.index == index }) else {
            let why = framed.issues.first.map { ": \($0.reason)" } ?? ""
            return .failure(
                OriginalRecordFailure(
                    reason: "record \(index) is not in the file (\(framed.records.count) records)" + why))
        }
        guard span.range.lowerBound >= 0, span.range.upperBound <= framed.bytes.count else {
            return .failure(OriginalRecordFailure(reason: "record \(index) lies outside the file"))
        }
        do {
            let value = try framed.bytes[span.range].withUnsafeBufferPointer {
                try JSONParser.parse($0, repairingInvalidUTF8: true)
            }
            return .success(value)
        } catch {
            return .failure(OriginalRecordFailure(reason: "record \(index) is not valid JSON: \(error)"))
        }
    }
}
