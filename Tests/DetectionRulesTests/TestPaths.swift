import Foundation
import TestSupport

/// Locates test fixtures and the repository's bundled rules relative to this source file,
/// so tests need no resource bundle.
enum TestPaths {
    static let fixtures = URL(fileURLWithPath: RepositoryPaths.root + "/Tests/DetectionRulesTests/Fixtures")
    static let bundledRules = URL(fileURLWithPath: RepositoryPaths.bundledRules)

    static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }

    static func bundledRule(_ name: String) -> String {
        bundledRules.appendingPathComponent(name).path
    }
}
