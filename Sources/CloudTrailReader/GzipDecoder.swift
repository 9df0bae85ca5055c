import CZlib

/// Decompresses gzip data: with libdeflate when the whole output can be held, else with zlib.
///
/// Handles multi-member files (concatenated gzip streams are legal and some tools write them).
/// A truncated or corrupt stream does not throw away what came before the damage: the bytes that
/// did decompress are returned together with the reason, so the records they hold still count.
///
/// Inflating stops as soon as the output passes ``ReadLimits/maxFileBytes`` or expands more than
/// ``ReadLimits/maxCompressionRatio`` times the input consumed so far, so a gzip bomb costs at
/// most the limit, never its full size.
///
/// Why two libraries: CloudTrail arrives as many small files, and inflating a whole file into a
/// buffer of the right size is what libdeflate does fastest. On the corpus of
/// `trailtriage generate --events 100000 --seed 1 --days 3 --accounts 3` (7,129 files, 142 MB of
/// JSON, 27 MB gzipped), `scan --workers 1` with the bundled rules in a release build spent 2.2
/// times fewer CPU samples inflating with libdeflate than with zlib (perf: 517 against 1,134),
/// and the scan's CPU time fell from 0.62 s to 0.48 s (medians of 9 runs; `zcat` of the same
/// files: 0.61 s). libdeflate cannot stream, though, and only the gzip trailer, which anyone can
/// write, says how large a file will be. So it is tried only when that size is within the
/// limits, and anything it does not decode cleanly and exactly as zlib would (a trailer that
/// lies, a member larger than the last one, corrupt or truncated data, a limit passed) is
/// decoded again by zlib's streaming inflate below, which defines what is kept and the reason
/// given.
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
    public static func decompress(_ input: [UInt8], limits: ReadLimits = ReadLimits()) -> Output {
        input.withUnsafeBufferPointer { decompress($0, limits: limits) }
    }

    /// Decompresses every gzip member in `input`.
    public static func decompress(_ input: UnsafeBufferPointer<UInt8>, limits: ReadLimits = ReadLimits()) -> Output {
        if let whole = decompressWhole(input, limits: limits) {
            return whole
        }
        return decompressStreaming(input, limits: limits)
    }

    /// Decompresses every gzip member in `input` with zlib, growing the output as it goes.
    static func decompressStreaming(_ input: UnsafeBufferPointer<UInt8>, limits: ReadLimits) -> Output {
        guard let inputBase = input.baseAddress, !input.isEmpty else {
            return Output(bytes: [], failure: "empty gzip input")
        }
        // One byte over the limit is room enough to tell that the limit was passed.
        let ceiling = limits.maxFileBytes + 1
        let capacity = trailerSize(of: input, limits: limits).map { $0 + 1 } ?? max(input.count * 8, 1 << 16)
        var output = [UInt8](repeating: 0, count: min(capacity, ceiling))
        var produced = 0
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else {
            return Output(bytes: [], failure: "zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: inputBase)
        stream.avail_in = uInt(input.count)
        // The output as far as `kept`, with why decoding stopped.
        func stop(_ failure: String?, keeping kept: Int) -> Output {
            output.removeSubrange(kept...)
            return Output(bytes: output, failure: failure)
        }
        // The output cut at the limit, once it has passed one.
        func stopIfPastLimits() -> Output? {
            let consumed = input.count - Int(stream.avail_in)
            guard let excess = excess(produced: produced, consumed: consumed, limits: limits) else { return nil }
            return stop(excess, keeping: min(produced, limits.maxFileBytes))
        }

        while true {
            if let stopped = stopIfPastLimits() { return stopped }
            if produced == output.count {
                // Doubling keeps the copies linear; the ceiling keeps a bomb from reserving more.
                let grown = min(output.count + max(output.count, 1 << 16), ceiling)
                output.append(contentsOf: repeatElement(0, count: grown - output.count))
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
                if let stopped = stopIfPastLimits() { return stopped }
                // Another member may follow; trailing zero padding is tolerated as gzip(1) does.
                let remaining = Int(stream.avail_in)
                if remaining == 0 || onlyZeros(stream.next_in.map { UnsafePointer($0) }, count: remaining) {
                    return stop(nil, keeping: produced)
                }
                guard inflateReset(&stream) == Z_OK else {
                    return stop("zlib could not start the next gzip member", keeping: produced)
                }
            case Z_BUF_ERROR where stream.avail_in == 0:
                return stop("gzip data is truncated (ends after \(produced) decompressed bytes)", keeping: produced)
            case Z_BUF_ERROR:
                continue
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                return stop(
                    "gzip data is corrupt: \(message) (after \(produced) decompressed bytes)", keeping: produced)
            }
        }
    }

    /// Why inflating must stop now, or `nil` while the output is within `limits`.
    static func excess(produced: Int, consumed: Int, limits: ReadLimits) -> String? {
        if produced > limits.maxFileBytes {
            return "decompresses to more than \(ReadLimits.describe(limits.maxFileBytes)), the per-file limit "
                + "(--max-file-bytes); possibly a gzip bomb"
        }
        if produced >= ReadLimits.ratioFloorBytes && produced / max(consumed, 1) > limits.maxCompressionRatio {
            return "expands more than \(limits.maxCompressionRatio) times (\(consumed) compressed bytes gave "
                + "\(produced)), past the compression-ratio limit (--max-ratio); possibly a gzip bomb"
        }
        return nil
    }

    /// The decompressed size the gzip trailer claims (the size modulo 2^32 of the last member),
    /// when it is one the limits allow; `nil` otherwise.
    ///
    /// The trailer is only a hint: a damaged or multi-member file can claim anything, so it is
    /// believed only within what the limits would let the file expand to.
    static func trailerSize(of input: UnsafeBufferPointer<UInt8>, limits: ReadLimits) -> Int? {
        guard input.count >= 18 else { return nil }
        let tail = input.count - 4
        let size =
            Int(input[tail]) | Int(input[tail + 1]) << 8 | Int(input[tail + 2]) << 16
            | Int(input[tail + 3]) << 24
        let (expansion, overflow) = input.count.multipliedReportingOverflow(by: limits.maxCompressionRatio)
        guard size > 0, size <= limits.maxFileBytes, overflow || size <= expansion else { return nil }
        return size
    }

    static func onlyZeros(_ pointer: UnsafePointer<UInt8>?, count: Int) -> Bool {
        guard let pointer else { return true }
        for index in 0..<count where pointer[index] != 0 { return false }
        return true
    }
}
