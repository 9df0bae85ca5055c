import CZlib

/// Decompresses gzip data with zlib.
///
/// Handles multi-member files (concatenated gzip streams are legal and some tools write them).
/// A truncated or corrupt stream does not throw away what came before the damage: the bytes that
/// did decompress are returned together with the reason, so the records they hold still count.
public enum GzipDecoder {
    /// The result of decompressing: the bytes recovered, and why decompression stopped early, if it did.
    public struct Output: Sendable {
        public var bytes: [UInt8]
        /// `nil` when the whole input decompressed cleanly.
        public var failure: String?
    }

    /// Whether `bytes` starts with the gzip magic number.
    public static func isGzip(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses every gzip member in `input`.
    public static func decompress(_ input: [UInt8]) -> Output {
        input.withUnsafeBufferPointer { decompress($0) }
    }

    /// Decompresses every gzip member in `input`.
    public static func decompress(_ input: UnsafeBufferPointer<UInt8>) -> Output {
        guard let inputBase = input.baseAddress, !input.isEmpty else {
            return Output(bytes: [], failure: "empty gzip input")
        }
        var output = [UInt8](repeating: 0, count: initialCapacity(for: input))
        var produced = 0
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else {
            return Output(bytes: [], failure: "zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: inputBase)
        stream.avail_in = uInt(input.count)

        while true {
            if produced == output.count {
                output.append(contentsOf: repeatElement(0, count: max(output.count, 1 << 16)))
            }
            let status: Int32 = output.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress.map { $0 + produced }
                stream.avail_out = uInt(buffer.count - produced)
                let before = stream.avail_out
                let result = inflate(&stream, Z_NO_FLUSH)
                produced += Int(before - stream.avail_out)
                return result
            }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                // Another member may follow; trailing zero padding is tolerated as gzip(1) does.
                let remaining = Int(stream.avail_in)
                if remaining == 0 || onlyZeros(stream.next_in, count: remaining) {
                    output.removeSubrange(produced...)
                    return Output(bytes: output, failure: nil)
                }
                guard inflateReset(&stream) == Z_OK else {
                    output.removeSubrange(produced...)
                    return Output(bytes: output, failure: "zlib could not start the next gzip member")
                }
            case Z_BUF_ERROR where stream.avail_in == 0:
                output.removeSubrange(produced...)
                return Output(bytes: output, failure: "gzip data is truncated (ends after \(produced) decompressed bytes)")
            case Z_BUF_ERROR:
                continue
            default:
                output.removeSubrange(produced...)
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                return Output(bytes: output, failure: "gzip data is corrupt: \(message) (after \(produced) decompressed bytes)")
            }
        }
    }

    /// A first guess at the output size from the gzip trailer (the size modulo 2^32 of the
    /// last member), so a typical single-member file decompresses without reallocating.
    static func initialCapacity(for input: UnsafeBufferPointer<UInt8>) -> Int {
        let fallback = max(input.count * 8, 1 << 16)
        guard input.count >= 18 else { return fallback }
        let tail = input.count - 4
        let size = Int(input[tail]) | Int(input[tail + 1]) << 8 | Int(input[tail + 2]) << 16 | Int(input[tail + 3]) << 24
        // The trailer is only a hint: a damaged or multi-member file can claim anything.
        guard size > 0, size <= input.count * 64 else { return fallback }
        return size + 1
    }

    private static func onlyZeros(_ pointer: UnsafeMutablePointer<Bytef>?, count: Int) -> Bool {
        guard let pointer else { return true }
        for index in 0..<count where pointer[index] != 0 { return false }
        return true
    }
}
