import Foundation

/// Copying a value where the analyst can paste it: OSC 52 asks the terminal to set its
/// clipboard (tmux needs the sequence wrapped to pass it through), and under tmux the value goes
/// into tmux's paste buffer as well.
enum Clipboard {
    /// The OSC 52 sequence setting the clipboard to `text`. The text travels base64-encoded, so
    /// nothing in it can end the sequence or reach the terminal as a control character. Under
    /// tmux the sequence is wrapped in a DCS passthrough with its escapes doubled.
    static func sequence(for text: String, underTmux: Bool) -> [UInt8] {
        let osc = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        guard underTmux else { return Array(osc.utf8) }
        let doubled = osc.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}")
        return Array(("\u{1B}Ptmux;" + doubled + "\u{1B}\\").utf8)
    }

    /// Sends the sequence to the terminal and, under tmux, sets tmux's buffer. Returns why the
    /// tmux buffer could not be set, if it could not.
    static func copy(_ text: String, environment: [String: String]) -> String? {
        let underTmux = !(environment["TMUX"] ?? "").isEmpty
        let bytes = sequence(for: text, underTmux: underTmux)
        _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        guard underTmux else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "set-buffer", "--", text]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return "tmux could not be run: \(error)"
        }
        return process.terminationStatus == 0 ? nil : "tmux set-buffer exited with status \(process.terminationStatus)"
    }
}
