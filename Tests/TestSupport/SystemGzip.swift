import Foundation

/// Compresses with the system's `gzip`, so tests check our decoder against an independent encoder.
public enum SystemGzip {
    public static func compress(_ text: String) throws -> [UInt8] {
        let directory = try ScratchDirectory()
        let plain = try directory.write("plain", text)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c -n '\(plain)' > '\(plain).gz'"]
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
    }
}
