// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TrailTriage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trailtriage", targets: ["trailtriage"]),
        .library(
            name: "TrailTriageCore",
            targets: [
                "TrailTriageJSON", "CloudTrailReader", "ECSMapping", "KQL", "DetectionRules", "DetectionEngine",
                "CloudTrailGenerator", "TriageModel", "TerminalGrid", "ConsoleUI",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries from Debian's -dev packages.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),

        // Detection core: one job per module.
        .target(name: "TrailTriageJSON"),
        .target(name: "CloudTrailReader", dependencies: ["CZlib", "CLibDeflate", "TrailTriageJSON"]),
        .target(name: "ECSMapping", dependencies: ["TrailTriageJSON"]),
        .target(name: "KQL"),
        .target(name: "DetectionRules"),
        .target(name: "CloudTrailGenerator", dependencies: ["CZlib", "ECSMapping", "TrailTriageJSON"]),
        .target(
            name: "DetectionEngine",
            dependencies: ["TrailTriageJSON", "CloudTrailReader", "ECSMapping", "KQL", "DetectionRules"]
        ),

        // The console: a character grid and key events shared by the UI and the terminal driver.
        .target(name: "TerminalGrid", dependencies: ["TrailTriageJSON"]),
        // The console's state, keys and rendering: plain Swift, no terminal.
        .target(
            name: "ConsoleUI",
            dependencies: ["TerminalGrid", "TriageModel", "DetectionEngine", "DetectionRules", "ECSMapping", "TrailTriageJSON"]
        ),
        // The only module that touches ncurses.
        .target(name: "NcursesTerminal", dependencies: ["CNcursesw", "CTerminalRestorer", "TerminalGrid"]),
        // Its signal handlers, in C so that no Swift code runs inside them.
        .target(name: "CTerminalRestorer", dependencies: ["CNcursesw"]),

        // Triage: what the console and case-note export stand on.
        .target(
            name: "TriageModel",
            dependencies: ["DetectionEngine", "DetectionRules", "ECSMapping", "TrailTriageJSON", "CSQLite"]
        ),

        // The command-line program.
        .executableTarget(
            name: "trailtriage",
            dependencies: [
                "DetectionEngine", "DetectionRules", "ECSMapping", "CloudTrailReader", "TrailTriageJSON",
                "CloudTrailGenerator", "TriageModel", "ConsoleUI", "NcursesTerminal", "TerminalGrid",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "TrailTriageJSONTests", dependencies: ["TrailTriageJSON"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CloudTrailReaderTests", dependencies: ["CloudTrailReader", "TestSupport"]),
        .testTarget(name: "ECSMappingTests", dependencies: ["ECSMapping", "TestSupport"]),
        .testTarget(name: "KQLTests", dependencies: ["KQL"]),
        .testTarget(name: "DetectionRulesTests", dependencies: ["DetectionRules", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CloudTrailGeneratorTests", dependencies: ["CloudTrailGenerator", "CloudTrailReader", "TrailTriageJSON", "TestSupport"]),
        .testTarget(name: "DetectionEngineTests", dependencies: ["DetectionEngine", "CloudTrailGenerator", "TestSupport"]),
        .testTarget(name: "TriageModelTests", dependencies: ["TriageModel", "DetectionEngine", "TestSupport"]),
        .testTarget(name: "TerminalGridTests", dependencies: ["TerminalGrid"]),
        .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal"]),
        .testTarget(name: "ConsoleUITests", dependencies: ["ConsoleUI", "DetectionEngine"], exclude: ["Snapshots"]),
        .testTarget(name: "TrailTriageCommandTests", dependencies: ["trailtriage", "TriageModel", "DetectionEngine", "TestSupport"]),
    ]
)
