/// What the console needs from a terminal. The ncurses driver implements it for real; tests use
/// a recording fake.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: TerminalSize { get }
    /// The next key, or `nil` when `timeoutMilliseconds` passes without one.
    func readKey(timeoutMilliseconds: Int) -> KeyEvent?
    /// Shows `buffer`, which has the terminal's current size.
    func draw(_ buffer: ScreenBuffer)
}
