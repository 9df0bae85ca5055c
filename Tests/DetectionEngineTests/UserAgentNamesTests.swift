import ECSMapping
import KQL
import Testing
import TrailTriageJSON

@testable import DetectionEngine

/// `user_agent.name` read before mapping must be what the mapper sets.
@Suite struct UserAgentNamesTests {
    static let parser = UserAgentParser.system()

    private func text(_ value: KQLPartialValue) -> String? {
        if case .text(let bytes) = value { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    private func name(_ names: UserAgentNames, _ userAgent: String) -> KQLPartialValue {
        var bytes = Array(userAgent.utf8)
        return bytes.withUnsafeMutableBufferPointer { names.name(of: UnsafeBufferPointer($0)) }
    }

    @Test(.enabled(if: parser != nil, "uap-core's regexes.yaml is not installed: skipped"))
    func theNameIsTheParsersAndIsKeptPerString() throws {
        let parser = try #require(Self.parser)
        let names = UserAgentNames(parser: parser)
        for agent in [
            "aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64.ubuntu.22 prompt/off command/s3.ls",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0 Safari/537.36",
            "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11",
        ] {
            let expected = parser.parse(agent)["name"]?.stringValue
            #expect(text(name(names, agent)) == expected, "\(agent)")
            #expect(text(name(names, agent)) == expected, "the cached answer is the same")
        }
        if case .absent = name(names, "") {} else { Issue.record("an empty user agent has no name") }
    }

    @Test func withoutUapCoreThereIsNoName() {
        let names = UserAgentNames(parser: nil)
        if case .absent = name(names, "aws-cli/2.15.30") {} else { Issue.record("no parser, no name") }
    }
}
