import Foundation

/// Reads small files with plain POSIX calls. Foundation's readers leak their buffer in
/// Swift 6.3.1 when a file reports a size of zero (every /proc file, an empty capture), which
/// made the address-sanitizer run report leaks from these helpers.
enum FileBytes {
    static func contents(of path: String) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return bytes
    }
}
