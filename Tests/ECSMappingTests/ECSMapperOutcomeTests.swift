import ECSMapping
import Testing
import TrailTriageJSON

/// `event.outcome` (spec §5), ConsoleLogin fields (§3.6) and categorization (§4).
@Suite struct ECSMapperOutcomeTests {
    static func consoleLogin(verdict: String, error: String?, mfa: String) -> String {
        let errorMember = error.map { #""errorMessage":"\#($0)","# } ?? ""
        return
            #"""
            {"eventVersion":"1.05","userIdentity":{"type":"IAMUser","principalId":"AIDAJANE",\#
            "arn":"arn:aws:iam::111122223333:user/JaneDoe","accountId":"111122223333","userName":"JaneDoe"},\#
            "eventTime":"2014-07-08T17:35:27Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",\#
            "awsRegion":"us-east-2","sourceIPAddress":"203.0.113.9",\#(errorMember)"requestParameters":null,\#
            "responseElements":{"ConsoleLogin":"\#(verdict)"},"additionalEventData":{"MobileVersion":"No",\#
            "LoginTo":"https://console.aws.amazon.com/sns","MFAUsed":"\#(mfa)"},"eventID":"c1"}
            """#
    }

    @Test func consoleLoginFailureIsFailure() throws {
        let document = try mapRecord(Self.consoleLogin(verdict: "Failure", error: nil, mfa: "No")).document
        #expect(document.string(at: "event.outcome") == "failure")
        #expect(document.values(at: "aws.cloudtrail.console_login.additional_eventdata.mfa_used") == [.bool(false)])
        #expect(
            document.values(at: "aws.cloudtrail.console_login.additional_eventdata.mobile_version") == [.bool(false)])
        #expect(
            document.string(at: "aws.cloudtrail.console_login.additional_eventdata.login_to")
                == "https://console.aws.amazon.com/sns")
        #expect(document.keywordValues(at: "aws.cloudtrail.console_login.additional_eventdata.mfa_used") == ["false"])
        #expect(document.values(at: "event.category") == [.string("authentication")])
        #expect(document.values(at: "aws.cloudtrail.request_parameters").isEmpty)
    }

    @Test func consoleLoginVerdictOverridesErrorFields() throws {
        let document = try mapRecord(Self.consoleLogin(verdict: "Success", error: "odd", mfa: "Yes")).document
        #expect(document.string(at: "event.outcome") == "success")
        #expect(document.values(at: "aws.cloudtrail.console_login.additional_eventdata.mfa_used") == [.bool(true)])
    }

    @Test func errorCodeOrMessageMeansFailure() throws {
        let denied =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser",\#
            "errorCode":"AccessDenied","eventID":"x"}
            """#
        #expect(try mapRecord(denied).document.string(at: "event.outcome") == "failure")
        let message =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser",\#
            "errorMessage":"nope","eventID":"x"}
            """#
        #expect(try mapRecord(message).document.string(at: "event.outcome") == "failure")
        // Empty placeholders are dropped first, so they do not count as errors.
        let placeholder =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser",\#
            "errorCode":"","errorMessage":"none","eventID":"x"}
            """#
        let document = try mapRecord(placeholder).document
        #expect(document.string(at: "event.outcome") == "success")
        #expect(document.values(at: "aws.cloudtrail.error_code").isEmpty)
    }

    @Test func unlistedEventsHaveInfoTypeAndNoCategory() throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"rolesanywhere.amazonaws.com",\#
            "eventName":"CreateTrustAnchor","eventID":"x"}
            """#
        let document = try mapRecord(record).document
        #expect(document.values(at: "event.type") == [.string("info")])
        #expect(document.values(at: "event.category").isEmpty)
        #expect(document.string(at: "event.kind") == "event")
    }

    @Test(arguments: [
        ("AuthorizeSecurityGroupIngress", "network", ["access"]),
        ("AttachRolePolicy", "iam", ["change"]),
        ("AddUserToGroup", "iam", ["group", "change"]),
        ("DeleteGroup", "iam", ["group", "deletion"]),
        ("SendCommand", "process", ["start"]),
        ("TerminateSession", "session", ["end"]),
        ("DeleteObject", "file", ["deletion"]),
        ("Subscribe", "configuration", ["change"]),
    ])
    func categorizationTable(eventName: String, category: String, types: [String]) throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"x.amazonaws.com","eventName":"\#(eventName)",\#
            "eventID":"x"}
            """#
        let document = try mapRecord(record).document
        #expect(document.keywordValues(at: "event.category") == [category])
        #expect(document.keywordValues(at: "event.type") == types)
    }
}
