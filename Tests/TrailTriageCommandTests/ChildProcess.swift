import Foundation

/// Starts the end-to-end tests' helper processes (tmux and its watchdog) with posix_spawn, with
/// a clean signal state.
///
/// Swift Testing runs tests on threads that block most signals, and a spawned program inherits
/// that mask. A tmux server started with it never sees the SIGTERM that `kill-server` sends
/// itself, nor the SIGCHLD of its panes, so it outlived every test run. Foundation's `Process`
/// is not used either: the tmux server forks from the first command and inherits descriptors
/// that keep `Process` waiting.
enum ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Signals reset to their default action in the child, whatever the test process does with them.
    private static let defaultedSignals = [
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGCHLD, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2,
    ]

    /// Spawns the program at `path`. Standard input is `input` (a descriptor the child gets as
    /// fd 0) or /dev/null; standard output goes to `outputPath` or /dev/null; standard error to
    /// /dev/null. With `ownProcessGroup` the child leads a new process group, so a Ctrl-C aimed
    /// at `swift test` does not reach it.
    static func spawn(
        _ path: String,
        _ arguments: [String],
        environment: [String: String],
        input: Int32? = nil,
        outputPath: String? = nil,
        ownProcessGroup: Bool = false
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input {
            posix_spawn_file_actions_adddup2(&actions, input, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaulted = sigset_t()
        sigemptyset(&defaulted)
        for signal in defaultedSignals {
            sigaddset(&defaulted, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaulted)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        if ownProcessGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for variable in envp { free(variable) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "\(path) could not be started (error \(spawned))")
        }
        return pid
    }

    /// Waits for `pid` and returns its exit status (128+n when signal n ended it).
    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Glibc's Swift overlay does not export.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
