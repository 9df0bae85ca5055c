import Foundation

/// Where triage state lives by default, and who is acting.
public enum StateLocation {
    /// `$XDG_STATE_HOME/trailtriage/state.sqlite`, else `~/.local/state/trailtriage/state.sqlite`.
    /// A relative `XDG_STATE_HOME` is ignored, as the XDG spec requires.
    public static func defaultDatabasePath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        join(stateDirectory(environment: environment), "state.sqlite")
    }

    /// The database of the case `name`: `cases/NAME.sqlite` in the same directory as the default
    /// database (`$XDG_STATE_HOME/trailtriage`, else `~/.local/state/trailtriage`).
    public static func caseDatabasePath(
        _ name: CaseName, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        join(stateDirectory(environment: environment), "cases/" + name.text + ".sqlite")
    }

    /// The database a command uses: `--db` when given, else the case's, else the default one.
    /// Naming both a file and a case is refused, as it is unclear which was meant.
    public static func databasePath(
        db: String?, caseName: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CaseName.Invalid) -> String {
        guard let caseName else { return db ?? defaultDatabasePath(environment: environment) }
        let name = try CaseName(validating: caseName)
        guard db == nil else {
            throw CaseName.Invalid(name: caseName, reason: "--case and --db name two databases; pass one of them")
        }
        return caseDatabasePath(name, environment: environment)
    }

    /// `$XDG_STATE_HOME/trailtriage`, else `~/.local/state/trailtriage`.
    /// A relative `XDG_STATE_HOME` is ignored, as the XDG spec requires.
    static func stateDirectory(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "trailtriage")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return join(home, ".local/state/trailtriage")
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
