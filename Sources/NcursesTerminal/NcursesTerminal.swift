internal import CNcursesw
import Glibc
import TerminalGrid

/// The console's terminal: the only type in TrailTriage that talks to ncurses.
///
/// It shows ``ScreenBuffer`` frames and reads keys as ``KeyEvent`` values, so everything above
/// it stays pure Swift and testable without a terminal.
///
/// ## Running the console
///
/// Create the terminal on the thread that will run the loop and keep every call on that thread:
/// ncurses is not thread-safe, and this type is deliberately not `Sendable`.
///
/// ```swift
/// guard NcursesTerminal.isInteractive() else {
///     throw ValidationError("no terminal: use `trailtriage scan`")
/// }
/// let terminal = try NcursesTerminal(colorMode: .automatic)   // installs the restorer too
/// defer { terminal.restore() }               // error paths leave curses mode too
/// var state = ConsoleState(analyst: ..., now: ...)
/// terminal.draw(ConsoleRenderer.render(state, size: terminal.size))
/// while true {
///     // A short timeout keeps the loop responsive to background work and a clock;
///     // `nil` means no key arrived (or one the console ignores).
///     guard let key = terminal.readKey(timeoutMilliseconds: 100) else { continue }
///     for effect in state.handle(key) { /* perform it, then report back to `state` */ }
///     terminal.draw(ConsoleRenderer.render(state, size: terminal.size))
/// }
/// ```
///
/// Render at ``size`` every time rather than caching it: after `.resize` the next frame must
/// match the new size. Calling ``draw(_:)`` after ``restore()`` re-enters curses mode, which
/// is how to come back from running an editor or pager.
public final class NcursesTerminal {
    typealias Window = UnsafeMutablePointer<WINDOW>

    private let screen: OpaquePointer
    let window: Window
    let styles: CursesStyles
    /// Streams this terminal opened itself and closes after `delscreen` (headless screens);
    /// streams over fds 0 and 1 are left open, as closing them would close the descriptors.
    private let ownedStreams: [UnsafeMutablePointer<FILE>]
    /// Whether the screen is in curses mode, so `restore()` runs `endwin` once.
    private var isActive = true

    /// Whether colours are in use (the terminal supports them and the colour mode allows).
    public var usesColor: Bool { styles.colored }

    /// Whether the locale encodes text as UTF-8. When `false`, non-ASCII characters and box
    /// drawing cannot be shown; the console should switch to an ASCII theme.
    public let usesUTF8: Bool

    /// Takes over the controlling terminal (standard input and output).
    ///
    /// Sets the locale from the environment (falling back to `C.UTF-8` when the environment
    /// selects plain ASCII), starts ncurses in cbreak mode without echo, hides the cursor, sets
    /// a 25 ms Escape delay and installs ``TerminalRestorer``.
    ///
    /// - Throws: ``NcursesTerminalError/notInteractive`` when standard input or output is not a
    ///   terminal, ``NcursesTerminalError/cannotInitialize(terminalType:)`` when `TERM` is unset
    ///   or unknown; ncurses' `initscr` would print an error and exit the process instead.
    ///
    /// With `mouse`, clicks and the wheel arrive as ``KeyEvent/mouse(_:)``; the terminal then
    /// keeps them from its own text selection (Shift-drag still selects in most terminals).
    public convenience init(colorMode: ColorMode = .automatic, mouse: Bool = false) throws {
        guard Self.isInteractive() else { throw NcursesTerminalError.notInteractive }
        Self.adoptEnvironmentLocale()
        guard let output = cnc_fdopen(STDOUT_FILENO, "w"), let input = cnc_fdopen(STDIN_FILENO, "r") else {
            throw NcursesTerminalError.cannotOpen(path: "standard input or output")
        }
        TerminalRestorer.install()
        try self.init(
            terminalType: nil, output: output, input: input, ownedStreams: [],
            colorMode: colorMode, noColor: Self.environmentValue("NO_COLOR")
        )
        if mouse { Self.enableMouse() }
    }

    /// Starts a screen on the given streams. `terminalType` `nil` means `TERM`.
    init(
        terminalType: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
        ownedStreams: [UnsafeMutablePointer<FILE>], colorMode: ColorMode, noColor: String?
    ) throws {
        // newterm, unlike initscr, reports an unknown terminal by returning NULL.
        let started: OpaquePointer?
        if let terminalType {
            started = terminalType.withCString { newterm($0, output, input) }
        } else {
            started = newterm(nil, output, input)
        }
        guard let started, let window = cnc_stdscr() else {
            for stream in ownedStreams { fclose(stream) }
            throw NcursesTerminalError.cannotInitialize(terminalType: terminalType ?? Self.environmentValue("TERM"))
        }
        screen = started
        self.window = window
        self.ownedStreams = ownedStreams
        usesUTF8 = cnc_codeset_is_utf8() != 0

        cbreak()  // keys arrive at once; Ctrl-C still raises SIGINT (see TerminalRestorer)
        noecho()
        nonl()  // no CR/LF translation on output, so Enter reads as CR
        keypad(window, true)
        curs_set(0)  // may fail on terminals without cursor control; harmless
        set_escdelay(25)  // the default one-second wait makes Esc feel broken
        Self.defineExtraKeys()
        let colored = colorMode.wantsColor(noColor: noColor) && CursesStyles.startColors()
        styles = CursesStyles(colored: colored)
    }

    deinit {
        restore()
        delscreen(screen)
        for stream in ownedStreams { fclose(stream) }
    }

    /// The screen size in cells, updated by ncurses before it reports ``KeyEvent/resize``.
    public var size: TerminalSize {
        TerminalSize(rows: Int(max(0, getmaxy(window))), columns: Int(max(0, getmaxx(window))))
    }

    /// Leaves curses mode and gives the terminal back to the shell: cursor, echo, line
    /// buffering and the normal screen. Safe to call more than once; ``draw(_:)`` resumes.
    public func restore() {
        guard isActive else { return }
        isActive = false
        endwin()
    }

    /// Makes the next ``draw(_:)`` clear the terminal and repaint every cell, for Ctrl-L after
    /// something else (a wall message, a stray write) has garbled the screen: ncurses otherwise
    /// sends only the cells it believes have changed.
    public func repaintAll() {
        clearok(window, true)
    }

    /// Whether standard input and output are both terminals. When not, the console cannot run:
    /// the app should point the user at `trailtriage scan`.
    public static func isInteractive() -> Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Marks the screen as in curses mode again (ncurses re-enters it on the next refresh).
    func resume() {
        isActive = true
    }

    static func environmentValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// ncursesw needs the locale before the screen starts, or it treats every byte above 0x7F
    /// as a separate character. A bare `C`/`POSIX` locale (no `LANG` at all, common in
    /// containers and cron) would still mean ASCII, so then try C.UTF-8: practically every
    /// terminal today speaks UTF-8.
    static func adoptEnvironmentLocale() {
        setlocale(LC_ALL, "")
        if cnc_codeset_is_utf8() == 0 {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
