import Glibc

/// Whether a compiled terminfo entry exists, so headless tests can be skipped (visibly) on
/// systems without one instead of failing.
enum Terminfo {
    static func hasEntry(_ name: String) -> Bool {
        guard let first = name.first else { return false }
        var directories = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        if let custom = getenv("TERMINFO") { directories.insert(String(cString: custom), at: 0) }
        if let home = getenv("HOME") { directories.append(String(cString: home) + "/.terminfo") }
        let hex = String(first.asciiValue ?? 0, radix: 16)
        return directories.contains { directory in
            access("\(directory)/\(first)/\(name)", R_OK) == 0 || access("\(directory)/\(hex)/\(name)", R_OK) == 0
        }
    }

    static let hasXterm256 = hasEntry("xterm-256color")
}
