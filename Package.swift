// swift-tools-version: 6.0
import PackageDescription

// Linux only. The C targets name Debian's -dev packages and ncursesw's header layout, and the
// package is built and tested on Linux alone, so it declares no other platform.

/// Every Swift target: a file that uses another module's members without importing that module
/// does not compile, so the dependencies below are exactly the ones the code uses.
let strictImports: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "TrailTriage",
    products: [
        .executable(name: "trailtriage", targets: ["trailtriage"]),
        .library(
            name: "TrailTriageCore",
            targets: [
                "TrailTriageJSON", "CloudTrailReader", "ECSMapping", "KQL", "EQL", "DetectionRules", "DetectionEngine",
                "CloudTrailGenerator", "Alerts", "RelatedActivity", "TriageModel", "TriageStore", "CaseNotes",
                "TerminalGrid", "ConsoleUI", "ConsoleStore", "ESQL",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // C libraries from Debian's -dev packages.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CMaxMindDB", pkgConfig: "libmaxminddb", providers: [.apt(["libmaxminddb-dev"])]),

        // Detection core: one job per module.
        .target(name: "TrailTriageJSON", swiftSettings: strictImports),
        .target(
            name: "CloudTrailReader", dependencies: ["CZlib", "CLibDeflate", "TrailTriageJSON"],
            swiftSettings: strictImports),
        .target(name: "ECSMapping", dependencies: ["TrailTriageJSON", "CMaxMindDB"], swiftSettings: strictImports),
        .target(name: "KQL", swiftSettings: strictImports),
        // EQL: the subset of Elastic's AWS rules; parsing, evaluation, sequence matching.
        .target(name: "EQL", dependencies: ["KQL"], swiftSettings: strictImports),
        .target(name: "DetectionRules", swiftSettings: strictImports),
        // ES|QL: parsing, and the row pipeline (prepare per document, finish per rule run).
        .target(name: "ESQL", dependencies: ["TrailTriageJSON", "KQL"], swiftSettings: strictImports),
        .target(
            name: "CloudTrailGenerator",
            dependencies: ["CZlib", "ECSMapping"],
            swiftSettings: strictImports
        ),
        // Related activity: the one event summary, the accumulator a scan fills, the event index.
        .target(
            name: "RelatedActivity", dependencies: ["ECSMapping", "TrailTriageJSON"], swiftSettings: strictImports),
        // The alert model the engine produces and everything after it consumes.
        .target(
            name: "Alerts",
            dependencies: ["CloudTrailReader", "DetectionRules", "ECSMapping", "TrailTriageJSON"],
            swiftSettings: strictImports
        ),
        // Rules to SQL (Spark, Trino/Athena) over the raw CloudTrail columns, from the parsed KQL.
        .target(name: "SQLCompiler", dependencies: ["KQL", "DetectionRules"], swiftSettings: strictImports),
        .target(
            name: "DetectionEngine",
            dependencies: [
                "TrailTriageJSON", "CloudTrailReader", "ECSMapping", "KQL", "EQL", "ESQL", "DetectionRules", "Alerts",
                "RelatedActivity",
            ],
            swiftSettings: strictImports
        ),

        // The console: a character grid and key events shared by the UI and the terminal driver.
        .target(name: "TerminalGrid", dependencies: ["TrailTriageJSON"], swiftSettings: strictImports),
        // The console's state, keys and rendering: plain Swift, no terminal, no store.
        .target(
            name: "ConsoleUI",
            dependencies: [
                "TerminalGrid", "TriageModel", "CaseNotes", "Alerts", "RelatedActivity",
                "DetectionRules", "ECSMapping", "TrailTriageJSON",
            ],
            swiftSettings: strictImports
        ),
        // The console's triage effects performed against the store, at the edge: SQLite I/O.
        .target(
            name: "ConsoleStore",
            dependencies: ["ConsoleUI", "TriageModel", "TriageStore"],
            swiftSettings: strictImports
        ),
        // The only module that touches ncurses.
        .target(
            name: "NcursesTerminal",
            dependencies: ["CNcursesw", "CTerminalRestorer", "TerminalGrid"],
            swiftSettings: strictImports
        ),
        // Its signal handlers, in C so that no Swift code runs inside them.
        .target(name: "CTerminalRestorer", dependencies: ["CNcursesw"]),

        // Triage: state, actions and undo, key parameters and heuristics; plain values, no I/O.
        .target(
            name: "TriageModel",
            dependencies: [
                "Alerts", "RelatedActivity", "DetectionRules", "ECSMapping", "CloudTrailReader", "TrailTriageJSON",
            ],
            swiftSettings: strictImports
        ),
        // Where triage is kept: SQLite.
        .target(
            name: "TriageStore",
            dependencies: ["TriageModel", "Alerts", "RelatedActivity", "DetectionRules", "TrailTriageJSON", "CSQLite"],
            swiftSettings: strictImports
        ),
        // Case notes: Markdown and JSON export of triaged alerts.
        .target(
            name: "CaseNotes",
            dependencies: [
                "TriageModel", "TriageStore", "Alerts", "RelatedActivity", "DetectionRules", "ECSMapping",
                "CloudTrailReader", "TrailTriageJSON",
            ],
            swiftSettings: strictImports
        ),

        // The files of Assets/ (rules, sample data), embedded at build time by the EmbedAssets
        // plugin so that a copied binary carries them; unpacked on first use.
        .target(name: "BundledAssets", swiftSettings: strictImports, plugins: ["EmbedAssets"]),
        .plugin(name: "EmbedAssets", capability: .buildTool(), dependencies: ["AssetArchiver"]),
        // The build-time tool the plugin runs: Assets/ → one generated Swift file.
        .executableTarget(name: "AssetArchiver", swiftSettings: strictImports),

        // The command-line program.
        .executableTarget(
            name: "trailtriage",
            dependencies: [
                "BundledAssets", "DetectionEngine", "Alerts", "RelatedActivity", "DetectionRules", "ECSMapping",
                "CloudTrailReader",
                "TrailTriageJSON", "TriageStore", "CaseNotes", "KQL", "SQLCompiler",
                "CloudTrailGenerator", "TriageModel", "ConsoleUI", "ConsoleStore", "NcursesTerminal", "TerminalGrid",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictImports
        ),

        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictImports),
        .testTarget(name: "TrailTriageJSONTests", dependencies: ["TrailTriageJSON"], swiftSettings: strictImports),
        .testTarget(
            name: "CloudTrailReaderTests",
            dependencies: ["CloudTrailReader", "TrailTriageJSON", "TestSupport"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "ECSMappingTests",
            dependencies: ["ECSMapping", "TrailTriageJSON", "TestSupport"],
            swiftSettings: strictImports
        ),
        .testTarget(name: "KQLTests", dependencies: ["KQL"], swiftSettings: strictImports),
        .testTarget(
            name: "SQLCompilerTests",
            dependencies: ["SQLCompiler", "DetectionRules", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "EQLTests",
            dependencies: ["EQL", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "ESQLTests",
            dependencies: ["ESQL", "KQL", "TrailTriageJSON", "TestSupport"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "DetectionRulesTests",
            dependencies: ["DetectionRules", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "CloudTrailGeneratorTests",
            dependencies: ["CloudTrailGenerator", "CloudTrailReader", "TrailTriageJSON", "TestSupport", "Alerts"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "DetectionEngineTests",
            dependencies: [
                "DetectionEngine", "Alerts", "RelatedActivity", "CloudTrailGenerator", "CloudTrailReader",
                "DetectionRules", "ECSMapping", "KQL", "ESQL", "TestSupport", "TrailTriageJSON",
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "TriageTestSupport",
            dependencies: [
                "TriageModel", "Alerts", "RelatedActivity", "DetectionRules", "ECSMapping", "CloudTrailReader",
                "TrailTriageJSON",
            ],
            path: "Tests/TriageTestSupport",
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "TriageModelTests",
            dependencies: [
                "TriageModel", "TriageTestSupport", "Alerts", "RelatedActivity", "CloudTrailReader", "ECSMapping",
                "TrailTriageJSON",
            ],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "TriageStoreTests",
            dependencies: [
                "TriageStore", "TriageModel", "TriageTestSupport", "Alerts", "RelatedActivity", "DetectionRules",
                "TrailTriageJSON", "TestSupport",
            ],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "CaseNotesTests",
            dependencies: [
                "CaseNotes", "TriageStore", "TriageModel", "TriageTestSupport", "Alerts", "RelatedActivity",
                "DetectionRules", "ECSMapping", "TrailTriageJSON", "TestSupport",
            ],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "AlertsTests",
            dependencies: ["Alerts", "CloudTrailReader", "DetectionRules", "ECSMapping", "TrailTriageJSON"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "RelatedActivityTests",
            dependencies: ["RelatedActivity"],
            swiftSettings: strictImports
        ),
        .testTarget(name: "TerminalGridTests", dependencies: ["TerminalGrid"], swiftSettings: strictImports),
        .testTarget(
            name: "NcursesTerminalTests",
            dependencies: ["NcursesTerminal", "CNcursesw", "TerminalGrid"],
            swiftSettings: strictImports
        ),
        // The console's test alerts and key-driving helpers, shared by its two test targets.
        .target(
            name: "ConsoleTestSupport",
            dependencies: [
                "ConsoleUI", "TriageModel", "TriageTestSupport", "Alerts", "RelatedActivity", "DetectionRules",
                "ECSMapping", "TerminalGrid", "TrailTriageJSON",
            ],
            path: "Tests/ConsoleTestSupport",
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "ConsoleUITests",
            dependencies: [
                "ConsoleUI", "TriageModel", "CaseNotes", "Alerts", "RelatedActivity", "DetectionRules",
                "DetectionEngine", "TerminalGrid", "TrailTriageJSON", "ConsoleTestSupport", "TriageTestSupport",
                "TestSupport",
            ],
            exclude: ["Snapshots"],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "ConsoleStoreTests",
            dependencies: [
                "ConsoleStore", "ConsoleUI", "TriageModel", "TriageStore", "TerminalGrid", "TestSupport",
                "ConsoleTestSupport",
            ],
            swiftSettings: strictImports
        ),
        .testTarget(
            name: "TrailTriageCommandTests",
            dependencies: [
                "trailtriage", "TriageModel", "TriageStore", "DetectionEngine", "Alerts", "RelatedActivity",
                "DetectionRules", "ECSMapping", "TrailTriageJSON", "TestSupport", "ConsoleUI", "CaseNotes",
                "SQLCompiler",
            ],
            swiftSettings: strictImports
        ),
    ]
)
