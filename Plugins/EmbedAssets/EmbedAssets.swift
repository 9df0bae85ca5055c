import Foundation
import PackagePlugin

/// Embeds every file under the package's `Assets/` in the target it is applied to, at build
/// time, so that a copied binary carries its bundled rules and sample data. `Assets/` stays the
/// single source: the generated Swift file lives in the build directory, never in git.
@main
struct EmbedAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let assets = context.package.directoryURL.appending(path: "Assets")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedAssetFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding Assets/ in \(target.name)",
                executable: try context.tool(named: "AssetArchiver").url,
                arguments: [assets.path, output.path],
                inputFiles: Self.files(under: assets),
                outputFiles: [output]
            )
        ]
    }

    /// Every regular file under `directory` (hidden ones left out), so that changing, adding or
    /// removing an asset rebuilds the embedded copy.
    static func files(under directory: URL) -> [URL] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard
            let walker = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
