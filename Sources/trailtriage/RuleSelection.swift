import ArgumentParser
import BundledAssets

/// Resolves which rule files a command uses: the ones given, or the bundled ones.
enum RuleSelection {
    static func paths(_ given: [String]) throws -> [String] {
        if !given.isEmpty { return given }
        do {
            return [try AssetLocator.bundledRulesDirectory()]
        } catch {
            throw ValidationError("The bundled rules cannot be used: \(error.description). Pass --rules PATH.")
        }
    }
}
