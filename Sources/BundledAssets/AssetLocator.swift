import Foundation

/// Gives the program the files it ships in `Assets/` (bundled rules, sample data, and any other
/// asset) wherever the binary is.
///
/// The files are embedded in the binary at build time (the EmbedAssets plugin) and unpacked,
/// the first time one is asked for, into `$XDG_CACHE_HOME/trailtriage/assets/<digest>/`
/// (`~/.cache/…`), a folder named after the embedded content, so each build reuses only its own
/// files. `TRAILTRIAGE_ASSETS=DIR` points at an `Assets` folder on disk instead.
///
/// An `Assets` folder near the binary or in the current directory is deliberately not looked
/// for: a binary copied to a jump host should run the rules it was built with, not whatever
/// `Assets` folder happens to be nearby; and in a checkout every build re-embeds `Assets/`
/// when a file in it changes, so the embedded copy is never older than the checkout's.
public enum AssetLocator {
    /// The variable naming an `Assets` folder to use instead of the embedded files.
    public static let environmentVariable = "TRAILTRIAGE_ASSETS"

    /// The path of a file or folder under `Assets/`, such as `rules`, `samples` or `spark/job.py`.
    public static func path(of relativePath: String) throws(AssetLocatorError) -> String {
        let root = try assetsDirectory()
        let path = root + "/" + relativePath
        guard FileManager.default.fileExists(atPath: path) else {
            throw AssetLocatorError(description: "\(relativePath) is not among the bundled assets (in \(root))")
        }
        return path
    }

    /// The bundled rules folder.
    public static func bundledRulesDirectory() throws(AssetLocatorError) -> String {
        try path(of: "rules")
    }

    /// The bundled sample data folder.
    public static func sampleDataDirectory() throws(AssetLocatorError) -> String {
        try path(of: "samples")
    }

    /// The folder holding the assets: `$TRAILTRIAGE_ASSETS`, or the embedded files unpacked.
    public static func assetsDirectory() throws(AssetLocatorError) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment[environmentVariable], !override.isEmpty {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: override, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw AssetLocatorError(description: "\(environmentVariable)=\(override) is not a folder")
            }
            return override
        }
        return try unpacked.get()
    }

    /// Where the embedded files are unpacked, the same for the whole run.
    private static let unpacked: Result<String, AssetLocatorError> = {
        do {
            return .success(try EmbeddedAssets.unpack(into: cacheDirectory()))
        } catch let error as AssetLocatorError {
            return .failure(error)
        } catch {
            return .failure(AssetLocatorError(description: "\(error)"))
        }
    }()

    /// `$XDG_CACHE_HOME/trailtriage/assets`, else `~/.cache/trailtriage/assets`, else a folder
    /// under the system's temporary directory.
    static func cacheDirectory() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return cache + "/trailtriage/assets"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.cache/trailtriage/assets"
        }
        return NSTemporaryDirectory() + "trailtriage-\(getuid())/assets"
    }
}
