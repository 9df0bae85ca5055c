import Foundation
import TestSupport
import Testing

/// A tmux session leaves nothing behind once released: no server, no pane process, no console,
/// no socket, whether the test passed, threw half-way, or ran a program that ignores hang-ups.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed: tmux clean-up tests skipped"))
struct TmuxCleanupTests {
    struct Abandoned: Error {}

    private func expectNothingLeft(of socket: String, sourceLocation: SourceLocation = #_sourceLocation) {
        // The watchdog's SIGKILL is sent before release returns, but a killed process leaves
        // /proc only once the kernel has torn it down, which on a loaded machine takes a moment.
        var left = TmuxSession.leftovers(of: socket)
        let deadline = Date().addingTimeInterval(2)
        while !left.processes.isEmpty && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            left = TmuxSession.leftovers(of: socket)
        }
        #expect(
            left.processes.isEmpty, "processes left by \(socket): \(left.processes)", sourceLocation: sourceLocation)
        #expect(!left.socketExists, "socket left behind: \(socket)", sourceLocation: sourceLocation)
    }

    @Test func aReleasedSessionLeavesNoProcessOrSocket() throws {
        let scratch = try ScratchDirectory()
        var socket = ""
        try {
            let tmux = try TmuxSession()
            socket = tmux.socketPath
            try tmux.start(
                [CommandRunner.executable, ConsoleEndToEndTests.fixtures, "--db", scratch.file("state.sqlite")],
                in: scratch.path
            )
            try tmux.waitFor(ConsoleEndToEndTests.loaded)
            #expect(!TmuxSession.leftovers(of: socket).processes.isEmpty, "the check sees a live session")
        }()
        expectNothingLeft(of: socket)
    }

    @Test func aSessionIsCleanedUpWhenTheTestThrowsHalfWay() throws {
        let scratch = try ScratchDirectory()
        var socket = ""
        #expect(throws: Abandoned.self) {
            let tmux = try TmuxSession()
            socket = tmux.socketPath
            try tmux.start(
                [CommandRunner.executable, ConsoleEndToEndTests.fixtures, "--db", scratch.file("state.sqlite")],
                in: scratch.path
            )
            try tmux.waitFor(ConsoleEndToEndTests.loaded)
            throw Abandoned()
        }
        expectNothingLeft(of: socket)
    }

    @Test func aProgramIgnoringHangupsIsKilledToo() throws {
        let scratch = try ScratchDirectory()
        var socket = ""
        try {
            let tmux = try TmuxSession()
            socket = tmux.socketPath
            try tmux.start(["sh", "-c", "trap '' HUP TERM; echo ignoring; sleep 600"], in: scratch.path)
            try tmux.waitFor("ignoring")
        }()
        expectNothingLeft(of: socket)
    }

    /// Every session this process has released so far, in any suite, left nothing. Sessions still
    /// open in suites running alongside are not looked at.
    @Test func everyReleasedSessionLeftNothing() throws {
        _ = try TmuxSession()
        let released = TmuxSession.registry.released
        #expect(!released.isEmpty)
        for socket in released.sorted() {
            expectNothingLeft(of: socket)
        }
    }
}
