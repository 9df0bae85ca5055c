import TestSupport
import Testing

@testable import CloudTrailReader

/// The decoder takes libdeflate's whole-buffer path when it can and zlib's streaming path when it
/// must; a user must not be able to tell which one ran.
@Suite struct GzipDecoderTests {
    /// CloudTrail-like text of about `records` * 90 bytes, different for each `seed`.
    static func text(records: Int, seed: Int) -> String {
        (0..<records).map { #"{"eventID":"e\#(seed)-\#($0)","eventName":"ListUsers","n":\#($0 * 7919 + seed)}"# }
            .joined(separator: "\n") + "\n"
    }

    @Test func multiMemberFilesDecodeToEveryMemberOnTheFastPath() throws {
        // The trailer gives only the last member's size, so the first buffer is too small.
        let parts = [300, 200, 40].enumerated().map { Self.text(records: $0.element, seed: $0.offset) }
        let gzip = try parts.flatMap { try SystemGzip.compress($0) }
        let output = GzipDecoder.decompress(gzip)
        #expect(output.failure == nil)
        // Compared as flags: a failure would otherwise print every byte.
        let complete = output.bytes == Array(parts.joined().utf8)
        #expect(complete, "\(output.bytes.count) bytes")
        let whole = gzip.withUnsafeBufferPointer { GzipDecoder.decompressWhole($0, limits: ReadLimits()) }
        let same = whole?.bytes == output.bytes
        #expect(same, "libdeflate decodes all three members")
    }

    @Test func aLargeMultiMemberFileGoesToZlibAndStillDecodesWhole() throws {
        // Past 1 MiB zlib judges the ratio when its buffer fills, which libdeflate cannot mirror.
        let parts = [Self.text(records: 30_000, seed: 4), Self.text(records: 10, seed: 5)]
        let gzip = try parts.flatMap { try SystemGzip.compress($0) }
        let whole = gzip.withUnsafeBufferPointer { GzipDecoder.decompressWhole($0, limits: ReadLimits()) }
        #expect(whole == nil, "\(whole?.bytes.count ?? 0) bytes on the fast path")
        let output = GzipDecoder.decompress(gzip)
        #expect(output.failure == nil)
        let complete = output.bytes == Array(parts.joined().utf8)
        #expect(complete, "\(output.bytes.count) bytes")
    }

    /// Damaged, padded, lying and limit-passing variants of a few files: each gives the same bytes
    /// and the same reason as zlib's streaming inflate alone.
    @Test func everyVariantDecodesExactlyAsZlibStreamingDoes() throws {
        let small = try SystemGzip.compress(Self.text(records: 50, seed: 6))
        let large = try SystemGzip.compress(Self.text(records: 3_000, seed: 7))
        let multi = try SystemGzip.compress(Self.text(records: 800, seed: 8)) + (try SystemGzip.compress("{}\n"))
        var variants: [(String, [UInt8])] = []
        for (name, gzip) in [("small", small), ("large", large), ("multi", multi)] {
            variants.append((name, gzip))
            variants.append(("\(name) padded with zeros", gzip + [UInt8](repeating: 0, count: 64)))
            variants.append(("\(name) with trailing garbage", gzip + Array("garbage!".utf8)))
            for cut in [1, 9, gzip.count / 3, gzip.count - 9, gzip.count - 1] {
                variants.append(("\(name) cut to \(cut) bytes", Array(gzip.prefix(cut))))
            }
            var flipped = gzip
            flipped[gzip.count / 2] ^= 0x10
            variants.append(("\(name) with a flipped bit", flipped))
            for claim in [UInt32(1), UInt32(gzip.count * 3), UInt32.max] {
                var lying = gzip
                withUnsafeBytes(of: claim.littleEndian) { lying.replaceSubrange((gzip.count - 4)..., with: $0) }
                variants.append(("\(name) claiming \(claim) bytes", lying))
            }
            // A header CRC (FHCRC) that is wrong: zlib checks it, libdeflate would skip it.
            var headerCRC = gzip
            headerCRC[3] |= 0x02
            headerCRC.insert(contentsOf: [0xAB, 0xCD], at: 10)
            variants.append(("\(name) with a wrong header CRC", headerCRC))
        }
        let limits = [
            ReadLimits(), ReadLimits(maxFileBytes: 40_000), ReadLimits(maxFileBytes: 270_000),
            ReadLimits(maxCompressionRatio: 3), ReadLimits(maxFileBytes: 1 << 20, maxCompressionRatio: 2),
        ]
        for (name, bytes) in variants {
            for limit in limits {
                let chosen = GzipDecoder.decompress(bytes, limits: limit)
                let streamed = bytes.withUnsafeBufferPointer { GzipDecoder.decompressStreaming($0, limits: limit) }
                let same = chosen.bytes == streamed.bytes
                #expect(same, "\(name), \(limit): \(chosen.bytes.count) bytes, not \(streamed.bytes.count)")
                #expect(chosen.failure == streamed.failure, "\(name), \(limit)")
            }
        }
        // The variants reach both outcomes: clean files and refused ones.
        let outcomes = Set(variants.map { GzipDecoder.decompress($0.1).failure == nil })
        #expect(outcomes == [true, false])
    }

    @Test func aWrongHeaderCRCIsReportedAsCorrupt() throws {
        var gzip = try SystemGzip.compress(Self.text(records: 20, seed: 9))
        gzip[3] |= 0x02
        gzip.insert(contentsOf: [0xAB, 0xCD], at: 10)
        let output = GzipDecoder.decompress(gzip)
        #expect(output.bytes.count == 0)
        #expect(output.failure?.contains("header crc mismatch") == true)
    }
}
