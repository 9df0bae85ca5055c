import Foundation

/// The process's peak resident memory, from Linux's `/proc/self/status` (`VmHWM`).
enum PeakMemory {
    /// Starts a new peak from the memory resident now (Linux 4.0 and later), so a measurement
    /// is not hidden by an earlier, larger phase of the same process.
    static func reset() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// The peak since start or the last ``reset()``, in MB; `nil` where `/proc` does not say.
    static func megabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }
}
