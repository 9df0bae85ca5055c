import Foundation

/// Where triage state lives by default, and who is acting.
public enum StateLocation {
    /// `$XDG_STATE_HOME/trailtriage/state.sqlite`, else `~/.local/state/trailtriage/state.sqlite`.
    /// A relative `XDG_STATE_HOME` is ignored, as the XDG spec requires.
    public static func defaultDatabasePath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "trailtriage/state.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return join(home, ".local/state/trailtriage/state.sqlite")
    }

    /// `--analyst` when given, else `$USER`, else `$LOGNAME`, else "unknown".
    public static func analyst(
        override: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        for candidate in [override, environment["USER"], environment["LOGNAME"]] {
            if let candidate, !candidate.isEmpty { return candidate }
        }
        return "unknown"
    }

    private static func join(_ directory: String, _ rest: String) -> String {
        directory.hasSuffix("/") ? directory + rest : directory + "/" + rest
    }
}
