import Testing
import TriageTestSupport

@testable import TriageModel

@Suite struct KeyParametersTests {
    @Test func createProfileHasRolesAndDurationButNoTrustAnchor() throws {
        let parameters = KeyParameters(document: try TestEvents.document(TestEvents.createProfile))
        #expect(
            parameters.roleArns
                == .present([
                    "arn:aws:iam::111122223333:role/AdminAccess", "arn:aws:iam::111122223333:role/S3Export",
                ]))
        #expect(parameters.durationSeconds.value?.seconds == 43200)
        #expect(parameters.durationSeconds.value?.humanForm == "12h")
        #expect(parameters.trustAnchorArn == .notInEvent)
        #expect(parameters.userName == .notInEvent)
        #expect(parameters.profileName == .present("partner-sync"))
        let rows = parameters.rows
        #expect(rows.map(\.label) == ["roleArns", "trustAnchorArn", "durationSeconds", "userName", "name"])
        #expect(rows[2].values == ["43200 (12h)"])
        #expect(rows[1].values.isEmpty)
    }

    @Test func createUserHasUserName() throws {
        let parameters = KeyParameters(
            document: try TestEvents.document(
                TestEvents.createUser(role: "ec2-app-role", session: "i-0a1b2c3d4e5f60718")))
        #expect(parameters.userName == .present("svc-backup"))
        #expect(parameters.roleArns == .notInEvent)
        #expect(parameters.durationSeconds == .notInEvent)
    }

    @Test func eventWithoutAnyKeyParameter() throws {
        let parameters = KeyParameters(document: try TestEvents.document(TestEvents.describe))
        #expect(parameters == KeyParameters())
        #expect(parameters.rows.allSatisfy { $0.values.isEmpty })
    }

    @Test func trustAnchorArnFromCreateTrustAnchorResponse() throws {
        let parameters = KeyParameters(document: try TestEvents.document(TestEvents.createTrustAnchor))
        #expect(
            parameters.trustAnchorArn == .present("arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/9f8e7d6c"))
    }

    @Test(arguments: [(43200, "12h"), (5400, "1h 30m"), (900, "15m"), (3661, "1h 1m 1s"), (0, "0s"), (45, "45s")])
    func humanDuration(seconds: Int, expected: String) {
        #expect(HumanDuration.format(seconds: seconds) == expected)
    }
}
