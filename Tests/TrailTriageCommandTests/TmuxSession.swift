import Foundation

/// Drives the console in a private tmux server, as a person at a terminal would (the recipe in
/// the console notes): send keys, read the screen, resize, check the exit status.
///
/// Everything a session starts goes away with it, however the test ends. A watchdog process
/// holds one end of a socket pair whose other end only this object holds; when the session is
/// released, or the test process dies without releasing it (a crash, a sanitizer abort, a SIGKILL),
/// the watchdog reads end of file and kills the server and everything started in it. The processes
/// are found by a marker variable in their environment rather than by process group:
/// the tmux server leaves the test's process group when it daemonizes, and each pane runs in a
/// session of its own.
final class TmuxSession {
    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    }

    /// The variable every process of a session carries (the tmux server, and through it each
    /// pane and the console), set to the session's socket path.
    static let markerVariable = "TRAILTRIAGE_E2E_SESSION"

    /// The server's socket, private to this session.
    let socketPath = "/tmp/trailtriage-e2e-\(getpid())-" + UUID().uuidString.prefix(8)

    /// This side of the watchdog's socket pair (close-on-exec, so no child holds it).
    private let lifeline: Int32
    private let watchdog: pid_t

    init(columns: Int = 160, rows: Int = 45) throws {
        // A socket pair rather than a pipe: it can be made close-on-exec atomically (Glibc's
        // pipe2 is not visible from Swift), so a process spawned meanwhile by a parallel test
        // cannot inherit the lifeline and keep the watchdog waiting.
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw Timeout(description: "no socket pair for the tmux watchdog (errno \(errno))")
        }
        do {
            watchdog = try ChildProcess.spawn(
                "/bin/sh", ["sh", "-c", Self.watchdogScript, "tmux-watchdog", socketPath],
                environment: Self.baseEnvironment, input: ends[0], ownProcessGroup: true
            )
        } catch {
            close(ends[0])
            close(ends[1])
            throw error
        }
        close(ends[0])
        lifeline = ends[1]
        // From here on deinit runs if a step throws, and the watchdog cleans up.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(columns)", "-y", "\(rows)"])
        try tmux(["set", "-g", "remain-on-exit", "on"])
        try tmux(["set", "-g", "status", "off"])
    }

    deinit {
        close(lifeline)
        ChildProcess.wait(watchdog)
        Self.registry.released(socketPath)
    }

    /// Runs when the lifeline reaches end of file: ask the server to exit (the console gets
    /// SIGHUP and restores the terminal), give its processes a moment, then SIGKILL whatever
    /// still carries the marker and remove the socket. `$1` is the socket path.
    private static let watchdogScript = #"""
        while read -r _; do :; done
        marker="TRAILTRIAGE_E2E_SESSION=$1"
        members() { grep -lxzF -e "$marker" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3; }
        tmux -S "$1" kill-server 2>/dev/null
        tries=0
        while [ -n "$(members)" ] && [ "$tries" -lt 40 ]; do sleep 0.05; tries=$((tries + 1)); done
        for pid in $(members); do kill -KILL "$pid" 2>/dev/null; done
        rm -f "$1"
        """#

    private static var baseEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        // A test run from inside tmux must not talk to the user's own server.
        environment["TMUX"] = nil
        environment[markerVariable] = nil
        return environment
    }

    static let exitMarker = "console exited with status "

    /// Starts `arguments` in the pane, in `directory`, with a UTF-8 locale. A shell around it
    /// reports the exit status on the screen once the terminal is restored (tmux 3.3 does not
    /// report a directly spawned program's status reliably), then stays: when a pane's process
    /// exits, tmux can drop the output it has not read yet, the marker among it.
    func start(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        let variables = (["LANG": "C.UTF-8"].merging(environment) { $1 }).map { "\($0.key)=\(Self.quoted($0.value))" }
            .sorted()
        let command = (["env"] + variables + arguments.map(Self.quoted)).joined(separator: " ")
        // A no-op INT trap keeps the shell alive through Ctrl-C (the console gets the default
        // disposition back on exec and installs its own handler).
        let wrapped =
            "sh -c " + Self.quoted("trap true INT; clear; \(command); echo \"\(Self.exitMarker)$?\"; exec sleep 86400")
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

    /// Polls the screen until it contains every one of `texts` and has stopped changing, and
    /// returns it (never sleeps a fixed time). A capture can land in the middle of a frame, with
    /// the header drawn and a pane still blank: a screen counts as drawn once two captures in a row
    /// agree. Wait for the content a test goes on to assert, not just for a sign of life.
    @discardableResult
    func waitFor(_ texts: String..., seconds: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        var previous: String?
        while Date() < deadline {
            last = try screen()
            if texts.allSatisfy({ last.contains($0) }) {
                if last == previous { return last }
                previous = last
            } else {
                previous = nil
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let wanted = texts.map { "\"\($0)\"" }.joined(separator: ", ")
        throw Timeout(
            description: "\(wanted) did not appear (on a settled screen) within \(seconds) s; the screen was:\n\(last)")
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The console's process id: the child of the shell running in the pane.
    func processID() throws -> Int32 {
        let shell =
            Int32(
                try tmux(["display", "-p", "-t", "e2e", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
            ?? -1
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                case let stat = String(decoding: FileBytes.contents(of: "/proc/\(entry)/stat"), as: UTF8.self),
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

    /// Runs a tmux command against this session's server and returns its output; throws when
    /// tmux reports a failure.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "tmux-out-" + UUID().uuidString
        defer { unlink(outputPath) }
        var environment = Self.baseEnvironment
        environment[Self.markerVariable] = socketPath
        // The server forks from the first command and keeps its standard output: it gets
        // /dev/null there, so that no capture file stays open.
        let capturing = !arguments.contains("new-session")
        let pid = try ChildProcess.spawn(
            "/usr/bin/tmux", ["tmux", "-S", socketPath] + arguments,
            environment: environment, outputPath: capturing ? outputPath : nil
        )
        let status = ChildProcess.wait(pid)
        guard status == 0 else {
            throw Timeout(description: "tmux \(arguments.joined(separator: " ")) failed with status \(status)")
        }
        guard capturing else { return "" }
        return String(decoding: FileBytes.contents(of: outputPath), as: UTF8.self)
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
