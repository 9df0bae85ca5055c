import Foundation
import TestSupport
import Testing

/// A binary copied away from the checkout carries its bundled rules and sample data (issue 11):
/// they are embedded at build time and unpacked into the cache folder on first use. The tests
/// copy the debug binary the suite already built; no second build.
@Suite struct CopiedBinaryTests {
    /// A copied binary, a working directory with no `Assets`, and private cache and home folders.
    struct Install {
        let scratch: ScratchDirectory
        let binary: String
        let workingDirectory: String
        let environment: [String: String]
        var cache: String { environment["XDG_CACHE_HOME"] ?? "" }

        init() throws {
            scratch = try ScratchDirectory()
            binary = scratch.file("bin/trailtriage")
            try FileManager.default.createDirectory(atPath: scratch.file("bin"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CommandRunner.executable, toPath: binary)
            workingDirectory = scratch.file("elsewhere")
            try FileManager.default.createDirectory(atPath: workingDirectory, withIntermediateDirectories: true)
            environment = [
                "XDG_CACHE_HOME": scratch.file("cache"), "HOME": scratch.file("home"), "TRAILTRIAGE_ASSETS": "",
            ]
        }

        /// Runs the copy. Starting a file just written can fail with ETXTBSY while a process
        /// another test forks at that moment still holds the copy's descriptor; that is retried.
        func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CommandRunner.Outcome {
            var attempt = 0
            while true {
                do {
                    return try CommandRunner.run(
                        arguments, environment: environment.merging(extra) { $1 }, program: binary,
                        in: workingDirectory)
                } catch let error as NSError where attempt < 50 && Self.isTextFileBusy(error) {
                    attempt += 1
                    usleep(100_000)
                }
            }
        }

        static func isTextFileBusy(_ error: NSError) -> Bool {
            let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
            return (error.domain == NSPOSIXErrorDomain && error.code == Int(ETXTBSY))
                || (underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(ETXTBSY))
        }

        /// The folder the embedded assets were unpacked into.
        func unpacked() throws -> String {
            let parent = cache + "/trailtriage/assets"
            let entries = try FileManager.default.contentsOfDirectory(atPath: parent).filter { !$0.hasPrefix(".") }
            #expect(entries.count == 1, "one unpacked copy, not \(entries)")
            return parent + "/" + (entries.first ?? "")
        }
    }

    static let bundledNames = [
        "AWS IAM Create User via Assumed Role on EC2 Instance", "AWS IAM Roles Anywhere Profile Creation",
    ]

    @Test func copiedBinaryStartedElsewhereRunsItsBundledRules() throws {
        let install = try Install()
        let list = try install.run(["rules", "list"])
        #expect(list.status == 0, "\(list.standardError)")
        for name in Self.bundledNames { #expect(list.standardOutput.contains(name)) }
        #expect(list.standardOutput.contains("2 run, 0 with errors"))

        let scan = try install.run(["scan", RepositoryPaths.fixtures + "/seed-rules", "--format", "table"])
        #expect(scan.status == 0, "\(scan.standardError)")
        #expect(scan.standardError.contains("alerts: 4 AWS IAM Create User via Assumed Role on EC2 Instance"))
        #expect(scan.standardError.contains("alerts: 1 AWS IAM Roles Anywhere Profile Creation"))

        // The unpacked rules are the checkout's, byte for byte.
        let unpacked = try install.unpacked()
        let names = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.bundledRules).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: unpacked + "/rules").sorted() == names)
        for name in names {
            #expect(
                FileManager.default.contents(atPath: unpacked + "/rules/" + name)
                    == FileManager.default.contents(atPath: RepositoryPaths.bundledRules + "/" + name), "\(name)")
        }
    }

    @Test func damagedUnpackedCopyIsReplaced() throws {
        let install = try Install()
        #expect(try install.run(["rules", "list"]).status == 0)
        let unpacked = try install.unpacked()
        let rule = unpacked + "/rules/aws_iam_roles_anywhere_profile_creation.toml"
        try FileManager.default.removeItem(atPath: rule)
        try FileManager.default.removeItem(
            atPath: unpacked + "/rules/aws_iam_create_user_via_assumed_role_on_ec2_instance.toml")
        try Data("truncated".utf8).write(
            to: URL(fileURLWithPath: unpacked + "/rules/aws_iam_create_user_via_assumed_role_on_ec2_instance.toml"))

        let list = try install.run(["rules", "list"])
        #expect(list.status == 0, "\(list.standardError)")
        for name in Self.bundledNames { #expect(list.standardOutput.contains(name)) }
        #expect(FileManager.default.fileExists(atPath: rule))
    }

    /// The embedded rules win over an `Assets` folder that happens to be in the working
    /// directory; only `TRAILTRIAGE_ASSETS` replaces them.
    @Test func nearbyAssetsFolderIsNotUsedButTheVariableIs() throws {
        let install = try Install()
        let local = install.workingDirectory + "/Assets/rules"
        try FileManager.default.createDirectory(atPath: local, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: RepositoryPaths.bundledRules + "/aws_iam_roles_anywhere_profile_creation.toml",
            toPath: local + "/only.toml")

        let embedded = try install.run(["rules", "list"])
        #expect(embedded.standardOutput.contains("2 run, 0 with errors"), "\(embedded.standardOutput)")

        let chosen = try install.run(
            ["rules", "list"], environment: ["TRAILTRIAGE_ASSETS": install.workingDirectory + "/Assets"])
        #expect(chosen.status == 0, "\(chosen.standardError)")
        #expect(chosen.standardOutput.contains("1 run, 0 with errors"), "\(chosen.standardOutput)")

        let missing = try install.run(
            ["rules", "list"], environment: ["TRAILTRIAGE_ASSETS": install.scratch.file("none")])
        #expect(missing.status != 0)
        #expect(
            missing.standardError.contains("TRAILTRIAGE_ASSETS=" + install.scratch.file("none") + " is not a folder"))
    }

    /// The unpacked folder cannot be created: the command says where and why, and `--rules`
    /// still works.
    @Test func unwritableCacheIsReportedWithThePath() throws {
        let install = try Install()
        try Data("a file where the cache folder should be".utf8).write(to: URL(fileURLWithPath: install.cache))
        let list = try install.run(["rules", "list"])
        #expect(list.status != 0)
        #expect(list.standardError.contains("The bundled rules cannot be used"))
        #expect(list.standardError.contains(install.cache))
        let given = try install.run(["rules", "list", RepositoryPaths.bundledRules])
        #expect(given.status == 0, "\(given.standardError)")
    }
}

/// The console opened with no path by a copied binary, from another directory, shows the
/// bundled sample.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: console end-to-end tests skipped"))
struct CopiedBinaryConsoleTests {
    @Test func copiedBinaryOpensItsBundledSample() throws {
        let install = try CopiedBinaryTests.Install()
        // Run once outside tmux first: that retries a start the copy's fresh write can refuse.
        #expect(try install.run(["rules", "list"]).status == 0)
        let tmux = try TmuxSession()
        try tmux.start(
            [install.binary, "--db", install.scratch.file("state.sqlite")], in: install.workingDirectory,
            environment: install.environment)
        try tmux.waitFor("of 4 alerts", "farid.haddad")
        try tmux.press("q")
        #expect(try tmux.exitStatus() == 0)
    }
}
