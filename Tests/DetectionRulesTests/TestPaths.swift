import Foundation

/// Locates test fixtures and the repository's bundled rules relative to this source file,
/// so tests need no resource bundle.
enum TestPaths {
    /// Resolving symlinks lets the tests run from a package that links this directory in.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let bundledRules = repositoryRoot.appendingPathComponent("Assets").appendingPathComponent("rules")

    static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }

    static func bundledRule(_ name: String) -> String {
        bundledRules.appendingPathComponent(name).path
    }
}
