import Foundation

/// Drives the console in a private tmux server, as a person at a terminal would (the recipe in
/// the console notes): send keys, read the screen, resize, check the exit status.
final class TmuxSession {
    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    }

    private let socket = "trailtriage-e2e-" + UUID().uuidString.prefix(8)

    init(columns: Int = 160, rows: Int = 45) throws {
        // The server forks from this first command and would hold a captured pipe open forever.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(columns)", "-y", "\(rows)"], capturing: false)
        try tmux(["set", "-g", "remain-on-exit", "on"])
        try tmux(["set", "-g", "status", "off"])
    }

    deinit {
        _ = try? tmux(["kill-server"], capturing: false)
    }

    static let exitMarker = "console exited with status "

    /// Starts `arguments` in the pane, in `directory`, with a UTF-8 locale. A shell around it
    /// reports the exit status on the screen once the terminal is restored (tmux 3.3 does not
    /// report a directly spawned program's status reliably).
    func start(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        let variables = (["LANG": "C.UTF-8"].merging(environment) { $1 }).map { "\($0.key)=\(Self.quoted($0.value))" }.sorted()
        let command = (["env"] + variables + arguments.map(Self.quoted)).joined(separator: " ")
        // A no-op INT trap keeps the shell alive through Ctrl-C (the console gets the default
        // disposition back on exec and installs its own handler).
        let wrapped = "sh -c " + Self.quoted("trap true INT; clear; \(command); echo \"\(Self.exitMarker)$?\"")
        try tmux(["respawn-pane", "-k", "-t", "e2e", "-c", directory, wrapped])
    }

    /// Sends tmux key names (`j`, `Space`, `Tab`, `Enter`, `C-d`, …).
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "e2e"] + keys)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    /// The screen as plain text.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "e2e"])
    }

    /// Polls the screen until it contains `text` (never sleeps a fixed time).
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(description: "\"\(text)\" did not appear within \(seconds) s; the screen was:\n\(last)")
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The console's process id: the child of the shell running in the pane.
    func processID() throws -> Int32 {
        let shell = Int32(try tmux(["display", "-p", "-t", "e2e", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")")
            else { continue }
            // Fields after the command name: state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, Int32(fields[1]) == shell { return pid }
        }
        return -1
    }

    /// Waits for the console to exit and returns its status (128+n for signal n, as sh reports).
    func exitStatus(seconds: Double = 10) throws -> Int {
        let screen = try waitFor(Self.exitMarker, seconds: seconds)
        guard let range = screen.range(of: Self.exitMarker) else { return -1 }
        return Int(screen[range.upperBound...].prefix { $0.isNumber }) ?? -1
    }

    /// Runs tmux with posix_spawn and waitpid. Foundation's `Process` is not used: the tmux
    /// server forks from the first command and inherits descriptors that keep `Process` waiting.
    @discardableResult
    private func tmux(_ arguments: [String], capturing: Bool = true) throws -> String {
        let outputPath = NSTemporaryDirectory() + "tmux-out-" + UUID().uuidString
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capturing ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environ)
        guard spawned == 0 else { throw Timeout(description: "tmux could not be started (error \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard capturing else { return "" }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
