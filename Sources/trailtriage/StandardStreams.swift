import Glibc

/// Writes to the standard streams without Foundation's buffering surprises.
enum StandardStreams {
    static func writeError(_ text: String) {
        write(text, to: 2)
    }

    static func writeOutput(_ text: String) {
        write(text, to: 1)
    }

    static func writeOutput(_ bytes: [UInt8]) {
        write(bytes[...], to: 1)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        write(Array(text.utf8)[...], to: descriptor)
    }

    private static func write(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) {
        var remaining = bytes
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            remaining = remaining.dropFirst(written)
        }
    }
}
