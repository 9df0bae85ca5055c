import Glibc

/// Reads a whole input into memory, decompressing gzip when the content is gzip.
///
/// Whole-file reads keep memory bounded by the largest file: AWS delivers CloudTrail as many
/// small objects (a few MB), and a record cannot be used before its file's framing is known.
public enum FileLoader {
    /// An input's decompressed bytes, and why reading stopped early if it did.
    public struct Loaded: Sendable {
        public var bytes: [UInt8]
        public var compressedSize: Int
        /// A problem that cost part of the input; the bytes before it are still in `bytes`.
        public var failure: String?
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Reads `input` whole, refusing anything that is not a regular file (or standard input)
    /// and anything past `limits`.
    public static func load(_ input: InputFile, limits: ReadLimits = ReadLimits()) throws(Failure) -> Loaded {
        let raw = try readAll(input, limits: limits)
        let isGzip = raw.withUnsafeBufferPointer { GzipDecoder.isGzip($0) }
        guard isGzip else {
            return Loaded(bytes: raw, compressedSize: raw.count, failure: nil)
        }
        let output = GzipDecoder.decompress(raw, limits: limits)
        return Loaded(bytes: output.bytes, compressedSize: raw.count, failure: output.failure)
    }

    static func readAll(_ input: InputFile, limits: ReadLimits) throws(Failure) -> [UInt8] {
        let descriptor: Int32
        if input.isStandardInput {
            descriptor = 0
        } else {
            // Non-blocking, so a FIFO swapped in after discovery cannot hang the open; the type
            // check below then refuses it.
            descriptor = open(input.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
            guard descriptor >= 0 else { throw Failure(reason: "cannot open: \(errnoText())") }
        }
        defer { if !input.isStandardInput { close(descriptor) } }

        var status = stat()
        var capacity = 1 << 16
        if fstat(descriptor, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                if Int(status.st_size) > limits.maxFileBytes {
                    throw Failure(
                        reason: "is \(ReadLimits.describe(Int(status.st_size))), more than the per-file "
                            + "limit of \(ReadLimits.describe(limits.maxFileBytes)) (--max-file-bytes)")
                }
                capacity = max(Int(status.st_size) + 1, 1)
            case S_IFDIR:
                throw Failure(reason: "is a directory")
            default:
                // Standard input may be a pipe or a terminal: read until the end, within the limit.
                guard input.isStandardInput else {
                    throw Failure(reason: "refused: not a regular file (\(InputDiscovery.typeName(status.st_mode)))")
                }
            }
        }
        let ceiling = limits.maxFileBytes + 1
        var bytes = [UInt8](repeating: 0, count: min(capacity, ceiling))
        var filled = 0
        while true {
            if filled > limits.maxFileBytes {
                throw Failure(
                    reason: "holds more than the per-file limit of \(ReadLimits.describe(limits.maxFileBytes)) "
                        + "(--max-file-bytes); reading stopped there")
            }
            if filled == bytes.count {
                let grown = min(bytes.count * 2, ceiling)
                bytes.append(contentsOf: repeatElement(0, count: grown - bytes.count))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: "read failed: \(errnoText())")
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
