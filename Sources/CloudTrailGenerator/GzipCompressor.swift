import CZlib

/// Gzip compression through zlib's deflate, as CloudTrail delivers its objects.
enum GzipCompressor {
    /// The gzip member for `input` at `level` (0–9).
    static func compress(_ input: [UInt8], level: Int32) throws(GeneratorError) -> [UInt8] {
        var stream = z_stream()
        let initResult = czlib_deflate_init_gzip(&stream, level)
        guard initResult == Z_OK else { throw .compressionFailed(code: initResult) }
        defer { deflateEnd(&stream) }

        // deflateBound is for zlib framing; the gzip header and trailer add 18 bytes more.
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        var status: Int32 = Z_OK
        var produced = 0
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                status = deflate(&stream, Z_FINISH)
                produced = target.count - Int(stream.avail_out)
            }
        }
        guard status == Z_STREAM_END else { throw .compressionFailed(code: status) }
        output.removeSubrange(produced...)
        return output
    }
}
