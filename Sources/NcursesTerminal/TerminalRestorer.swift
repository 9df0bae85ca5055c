internal import CTerminalRestorer

/// Guarantees the terminal is given back to the shell however the process ends.
///
/// ``install()`` registers, once per process:
/// - a handler for SIGINT (Ctrl-C in cbreak mode), SIGTERM, SIGHUP and SIGQUIT that leaves
///   curses mode with `endwin`, restores the signal's default disposition and re-raises it, so
///   the process still ends "killed by signal" with the exit status shells expect (130 after
///   Ctrl-C). Signals that were ignored when it ran (SIGHUP under `nohup`) stay ignored;
/// - an `atexit` hook doing the same for `exit()` paths, such as an argument parser exiting on
///   an error while the screen is up.
///
/// The handlers are C code in the `CTerminalRestorer` target, so no Swift runtime code runs inside a signal
/// handler. `endwin` is not formally async-signal-safe, but it is what ncurses' own SIGINT
/// handler calls and only writes the terminal's reset sequences and `tcsetattr`s the saved
/// modes; the alternative (writing a hand-made reset string) would duplicate terminfo
/// knowledge and miss the saved tty modes. Handling these signals ourselves rather than
/// relying on ncurses' built-in handler makes the behaviour the same whether `install()` runs
/// before or after the screen starts, and keeps the conventional exit status.
///
/// Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT) get a handler that leaves
/// curses mode, then calls the handler installed before it, so the Swift runtime's backtracer
/// still reports the crash on a terminal that is usable again, and then ends the process as the
/// signal's default action would. SIGTSTP
/// (Ctrl-Z) and SIGWINCH stay with ncurses, which suspends, resumes and resizes correctly.
///
/// Thrown errors are the caller's part: keep `defer { terminal.restore() }` next to the
/// terminal, or call ``restoreNow()`` from a top-level error handler.
public enum TerminalRestorer {
    /// Registers the signal handlers and the exit hook; later calls do nothing. Returns
    /// `false` if the operating system refused any part (the rest is still in place).
    /// ``NcursesTerminal/init(colorMode:)`` calls this; call it yourself earlier to cover
    /// start-up too.
    @discardableResult
    public static func install() -> Bool {
        installation
    }

    /// Leaves curses mode now if a screen is active; otherwise does nothing.
    public static func restoreNow() {
        ttr_restore_terminal()
    }

    /// Runs once, thread-safely, on first use.
    private static let installation: Bool = ttr_install_terminal_restorer() == 0
}
