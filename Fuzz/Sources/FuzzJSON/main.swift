import FuzzSupport
import TrailTriageJSON

/// The JSON parser and the validating skipper must agree: whatever the parser accepts the
/// skipper accepts, ending at the same place, and what the writer makes of a parsed value parses
/// again to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    bytes.withUnsafeBufferPointer { buffer in
        for repairing in [false, true] {
            let parsed = try? JSONParser.parse(buffer, repairingInvalidUTF8: repairing)
            var scanner = JSONScanner(bytes: buffer, repairsInvalidUTF8: repairing)
            var skipped = true
            do {
                scanner.skipWhitespace()
                try scanner.skipValue()
                scanner.skipWhitespace()
            } catch {
                skipped = false
            }
            if let parsed {
                fuzzCheck(skipped && scanner.atEnd, "the parser accepted a document the skipper rejected")
                let written = JSONWriter().string(from: parsed)
                fuzzCheck(!holdsUnsafeScalar(written), "the writer let an unsafe character through")
                let reparsed = try? JSONParser.parse(written)
                fuzzCheck(reparsed == parsed, "the writer's output does not parse back to the same value")
                _ = JSONWriter(pretty: true).string(from: parsed)
            }
        }
    }
    return 0
}

runFuzzer(fuzzJSON)
