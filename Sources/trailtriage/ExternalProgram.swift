import Foundation

/// Hands text to another program through a private temporary file: `$PAGER` to read it,
/// `$EDITOR` to change it. The caller leaves curses mode around the call.
enum ExternalProgram {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The program named by `variable` in `environment`, else `fallback`.
    static func command(_ variable: String, fallback: String, environment: [String: String]) -> String {
        let value = environment[variable]?.trimmingCharacters(in: .whitespaces) ?? ""
        return value.isEmpty ? fallback : value
    }

    /// Writes `text` to a new file only the user can read (0600), runs `command` on it through
    /// `/bin/sh` (so `less -R` or `code --wait` work as in git), and returns the file as the
    /// program left it. The file is deleted in every case.
    static func run(_ command: String, on text: String) -> Result<String, Failure> {
        let template = NSTemporaryDirectory() + "trailtriage-XXXXXX"
        var path = Array(template.utf8CString)
        let descriptor = mkstemp(&path)
        guard descriptor >= 0 else {
            return .failure(Failure(description: "no temporary file in \(NSTemporaryDirectory()) (errno \(errno))"))
        }
        let file = String(cString: path)
        defer { unlink(file) }
        // mkstemp makes the file 0600 already; say so in case a umask or platform differs.
        fchmod(descriptor, 0o600)
        let written = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try written.write(contentsOf: Data(text.utf8))
            try written.close()
        } catch {
            return .failure(Failure(description: "the temporary file could not be written: \(error)"))
        }
        let status: Int32
        do {
            status = try spawnAndWait(command, file: file)
        } catch {
            return .failure(Failure(description: "\(command) could not be started: \(error)"))
        }
        guard status == 0 else { return .failure(Failure(description: "\(command) exited with status \(status)")) }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(Failure(description: "\(command) left no file to read back"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// Runs the program in the foreground. Ctrl-C belongs to it meanwhile: the console ignores
    /// SIGINT and SIGQUIT until it exits (as `system(3)` does), or its handler would end the
    /// console when the analyst interrupts `less`.
    private static func spawnAndWait(_ command: String, file: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$1\"", "sh", file]
        var interrupt = sigaction()
        var quit = sigaction()
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        try process.run()
        sigaction(SIGINT, &ignore, &interrupt)
        sigaction(SIGQUIT, &ignore, &quit)
        defer {
            sigaction(SIGINT, &interrupt, nil)
            sigaction(SIGQUIT, &quit, nil)
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }
}
