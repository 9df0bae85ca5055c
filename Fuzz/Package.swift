// swift-tools-version: 6.0
// libFuzzer targets for TrailTriage's parsers, kept apart from the root package so that `swift test`
// never builds them. Build and run: see "Fuzzing and sanitizers" in the root README.
import Foundation
import PackageDescription

// A path dependency is known by its directory's name, which depends on where the repository was
// cloned (a worktree, a CI checkout): take it from this manifest's location.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let core = Target.Dependency.product(name: "TrailTriageCore", package: root.lastPathComponent)

func fuzzTarget(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport", core])
}

let package = Package(
    name: "TrailTriageFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"]),
        fuzzTarget("FuzzJSON"),
        fuzzTarget("FuzzRecords"),
        fuzzTarget("FuzzKQL"),
        fuzzTarget("FuzzRules"),
        fuzzTarget("FuzzGuide"),
        fuzzTarget("FuzzPipeline"),
    ]
)
