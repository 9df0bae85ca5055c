import CloudTrailReader
import ECSMapping
import FuzzSupport
import TrailTriageJSON

/// Frames the input as a CloudTrail file (under a `.json` and a `.jsonl` name, which pick
/// different framings) and maps every framed record to ECS. Framing and mapping may reject a
/// record, never crash; a framed record's span lies inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecords(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let mapper = ECSMapper()
    for name in ["fuzz.json", "fuzz.jsonl"] {
        let framed = CloudTrailReader.frame(bytes, input: InputFile(path: name))
        for record in framed.records {
            fuzzCheck(
                record.range.lowerBound >= 0 && record.range.upperBound <= bytes.count,
                "record span \(record.range) outside a file of \(bytes.count) bytes"
            )
            let slice = Array(bytes[record.range])
            let parsed = slice.withUnsafeBufferPointer { try? JSONParser.parse($0, repairingInvalidUTF8: true) }
            guard let value = parsed else { continue }
            let original = String(decoding: slice, as: UTF8.self)
            if let result = try? mapper.map(value, originalText: original) {
                _ = JSONWriter().string(from: .object(result.document.root))
            }
        }
    }
    return 0
}

runFuzzer(fuzzRecords)
