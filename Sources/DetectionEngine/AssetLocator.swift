import Foundation

/// Finds the files the program ships in `Assets/` (bundled rules, sample data).
///
/// Looked up, in order: `$TRAILTRIAGE_ASSETS`; an `Assets` folder beside or above the running
/// executable (a checkout's `.build/<config>/trailtriage` finds the checkout's `Assets`);
/// `../share/trailtriage` next to an installed binary; the current directory's `Assets`.
public enum AssetLocator {
    /// The assets folder, or `nil` when none is found.
    public static func assetsDirectory() -> String? {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["TRAILTRIAGE_ASSETS"], !override.isEmpty {
            candidates.append(override)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("Assets").path)
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(
            executable.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/trailtriage").path)
        candidates.append(FileManager.default.currentDirectoryPath + "/Assets")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/rules") }
    }

    /// The bundled rules folder, or `nil` when the assets are not found.
    public static func bundledRulesDirectory() -> String? {
        assetsDirectory().map { $0 + "/rules" }
    }

    /// The bundled sample data folder, or `nil` when the assets are not found.
    public static func sampleDataDirectory() -> String? {
        assetsDirectory().map { $0 + "/samples" }
    }
}
