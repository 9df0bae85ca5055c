import Foundation
import TestSupport
import Testing

/// `scan` against hostile input, as a user runs it: the bad file is named, the rest of the scan
/// goes on, and memory stays within a small multiple of the biggest record.
@Suite struct BoundedInputCommandTests {
    static let fixtureFile =
        "Tests/Fixtures/seed-rules/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/30/"
        + "111122223333_CloudTrail_us-east-1_20260330T1200Z_fixture04.json"

    /// Runs the built executable with its output thrown away; returns the exit status, standard
    /// error and the child's peak resident memory in bytes (from `wait4`).
    static func runMeasured(_ arguments: [String]) throws -> (status: Int32, standardError: String, peakBytes: Int) {
        let directory = try ScratchDirectory()
        let errorPath = directory.file("stderr")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([CommandRunner.executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child = pid_t()
        let spawned = posix_spawn(&child, CommandRunner.executable, &actions, nil, argv, environ)
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(child, &status, 0, &usage)
        let standardError = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        // ru_maxrss is in kilobytes on Linux.
        return ((status >> 8) & 0xFF, standardError, Int(usage.ru_maxrss) * 1024)
    }

    /// A CloudTrail file whose one record matches a bundled rule and carries a `size`-byte user agent.
    static func recordWithHugeUserAgent(size: Int) throws -> String {
        let fixture = try String(contentsOfFile: RepositoryPaths.root + "/" + fixtureFile, encoding: .utf8)
        let agent = #""userAgent":"aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64.amzn.2023""#
        try #require(fixture.contains(agent))
        return fixture.replacingOccurrences(
            of: agent, with: #""userAgent":""# + String(repeating: "A", count: size) + #"""#)
    }

    @Test func aGzipBombIsNamedAndTheRestOfTheScanGoesOn() throws {
        let directory = try ScratchDirectory()
        try FileManager.default.copyItem(
            atPath: RepositoryPaths.root + "/" + Self.fixtureFile, toPath: directory.file("ok.json"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "head -c 64M /dev/zero | gzip -1 > '\(directory.file("bomb.json.gz"))'"]
        try process.run()
        process.waitUntilExit()

        let outcome = try CommandRunner.run(["scan", directory.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.split(separator: "\n").count == 1)
        #expect(outcome.standardError.contains("bomb.json.gz: unreadable: expands more than 100 times"))
        #expect(outcome.standardError.contains("files: 1 read, 0 skipped, 1 unreadable"))
    }

    @Test(.timeLimit(.minutes(1)))
    func anEndlessStandardInputIsCappedLikeAFile() throws {
        // `yes` never ends: without the cap the scan would grow until memory ran out.
        let record = #"{"eventID":"x","eventName":"ListUsers"}"#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "yes '\(record)' | '\(CommandRunner.executable)' scan - --max-file-bytes 1M"]
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        let errorText = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errorText)")
        #expect(
            errorText.contains(
                "-: unreadable: holds more than the per-file limit of 1 MiB (--max-file-bytes); reading stopped there"))
    }

    @Test func limitOptionsAreValidated() throws {
        let outcome = try CommandRunner.run(["scan", Self.fixtureFile, "--max-file-bytes", "lots"])
        #expect(outcome.status == 64 || outcome.status == 2)
        #expect(outcome.standardError.contains("--max-file-bytes"))
        let ratio = try CommandRunner.run(["scan", Self.fixtureFile, "--max-ratio", "0"])
        #expect(ratio.standardError.contains("--max-ratio must be at least 1"))
    }

    @Test func peakMemoryStaysASmallMultipleOfAHugeField() throws {
        let directory = try ScratchDirectory()
        let fieldSize = 40 << 20
        let path = try directory.write("huge-field.json", try Self.recordWithHugeUserAgent(size: fieldSize))
        let baseline = try Self.runMeasured(["scan", Self.fixtureFile])
        // Both paths: rules decided on the record's bytes, and every record parsed and mapped.
        for extra in [[], ["--no-prefilter"]] {
            let measured = try Self.runMeasured(["scan", path] + extra)
            #expect(measured.status == 0, "\(measured.standardError)")
            #expect(measured.standardError.contains("records: 1 read, 0 malformed"))
            #expect(measured.standardError.contains("alerts: 1 AWS IAM Create User via Assumed Role on EC2 Instance"))
            // The file and the parsed field stay; the alert's JSON text is written once. Before the
            // writer produced bytes, the output alone took five copies.
            let growth = measured.peakBytes - baseline.peakBytes
            #expect(
                growth < 3 * fieldSize, "\(extra): peak grew by \(growth >> 20) MiB for a \(fieldSize >> 20) MiB field")
        }
    }
}
