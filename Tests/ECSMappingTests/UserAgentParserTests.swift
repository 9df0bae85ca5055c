import ECSMapping
import Foundation
import Testing
import TrailTriageJSON

/// The parsed user agent against the values in Elastic's expected documents, for the kinds of
/// client rules tell apart (aws-cli, Boto3, browsers, AWS services signing in).
@Suite struct UserAgentParserTests {
    static let parser = UserAgentParser.system()

    func fields(_ userAgent: String) throws -> ECSDocument {
        let record = """
            {"eventTime":"2024-01-01T00:00:00Z","eventName":"GetCallerIdentity",\
            "userAgent":\(JSONValue.string(userAgent).jsonText)}
            """
        let options = ECSMapperOptions(enrichment: ECSEnrichment(userAgents: try #require(Self.parser)))
        return try mapRecord(record, options: options).document
    }

    @Test(.enabled(if: parser != nil, "uap-core is not installed (/usr/share/uap-core/regexes.yaml); skipped"))
    func awsCLIAndSDKs() throws {
        let cli = try fields(
            "aws-cli/2.17.60 md/awscrt#0.21.2 ua/2.0 os/macos#23.6.0 md/arch#x86_64 lang/python#3.12.6")
        #expect(cli.string(at: "user_agent.name") == "aws-cli")
        #expect(cli.string(at: "user_agent.version") == "2.17.60")
        #expect(cli.string(at: "user_agent.device.name") == "Other")
        let old = try fields(
            "aws-cli/1.16.248 Python/3.4.7 Linux/4.9.184-0.1.ac.235.83.329.metal1.x86_64 botocore/1.12.239")
        #expect(old.string(at: "user_agent.name") == "aws-cli")
        #expect(old.string(at: "user_agent.version") == "1.16.248")
        #expect(old.string(at: "user_agent.os.name") == "Linux")
        #expect(old.string(at: "user_agent.os.full") == "Linux 4.9.184")
        let boto = try fields("Boto3/1.35.50 md/Botocore#1.35.50 ua/2.0 os/linux#6.8.0-1016-aws md/arch#x86_64")
        #expect(boto.string(at: "user_agent.name") == "Boto3")
        #expect(boto.string(at: "user_agent.version") == "1.35.50")
    }

    @Test(.enabled(if: parser != nil, "uap-core is not installed (/usr/share/uap-core/regexes.yaml); skipped"))
    func browsersAndServices() throws {
        let chrome = try fields(
            """
            Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) \
            Chrome/129.0.0.0 Safari/537.36
            """
        )
        #expect(chrome.string(at: "user_agent.name") == "Chrome")
        #expect(chrome.string(at: "user_agent.version") == "129.0.0.0")
        #expect(chrome.string(at: "user_agent.os.name") == "Mac OS X")
        #expect(chrome.string(at: "user_agent.os.full") == "Mac OS X 10.15.7")
        #expect(chrome.string(at: "user_agent.device.name") == "Mac")
        let firefox = try fields("Mozilla/5.0 (Windows NT 6.1; WOW64; rv:24.0) Gecko/20100101 Firefox/24.0")
        #expect(firefox.string(at: "user_agent.name") == "Firefox")
        #expect(firefox.string(at: "user_agent.os.full") == "Windows 7")
        let console = try fields("signin.amazonaws.com")
        #expect(console.string(at: "user_agent.name") == "Other")
        #expect(console.values(at: "user_agent.os").isEmpty)
    }

    @Test(.enabled(if: parser != nil, "uap-core is not installed (/usr/share/uap-core/regexes.yaml); skipped"))
    func anOverlongUserAgentIsKeptButNotParsed() throws {
        let long = "aws-cli/2.17.60 " + String(repeating: "x", count: UserAgentParser.maximumLength)
        let document = try fields(long)
        #expect(document.string(at: "user_agent.original") == long)
        #expect(document.values(at: "user_agent.name").isEmpty)
    }

    @Test func withoutTheFileTheFieldsStayAbsent() throws {
        let document = try mapRecord(
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"GetCallerIdentity","userAgent":"aws-cli/2.1.0"}"#
        ).document
        #expect(document.string(at: "user_agent.original") == "aws-cli/2.1.0")
        #expect(document.values(at: "user_agent.name").isEmpty)
        #expect(throws: UserAgentParserError.self) { try UserAgentParser(path: "/nonexistent/regexes.yaml") }
    }
}
