import ArgumentParser
import DetectionEngine

/// Resolves which rule files a command uses: the ones given, or the bundled ones.
enum RuleSelection {
    static func paths(_ given: [String]) throws -> [String] {
        if !given.isEmpty { return given }
        guard let bundled = AssetLocator.bundledRulesDirectory() else {
            throw ValidationError(
                """
                The bundled rules were not found (looked for Assets/rules near the program and in the current \
                directory). Pass --rules PATH or set TRAILTRIAGE_ASSETS.
                """
            )
        }
        return [bundled]
    }
}
