import Testing
import TrailTriageJSON

@testable import CloudTrailGenerator

@Suite struct RecordShapeTests {
    static let mandatoryKeys = [
        "eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion",
        "sourceIPAddress", "userAgent", "requestParameters", "responseElements", "requestID", "eventID",
        "readOnly", "eventType", "managementEvent", "recipientAccountId", "eventCategory",
    ]

    @Test func everyRecordHasTheMandatoryKeys() throws {
        let all = try smallRecords.get()
        #expect(all.count == smallConfiguration.events)
        for (file, record) in all {
            let missing = Self.mandatoryKeys.filter { record[$0] == nil }
            #expect(missing.isEmpty, "\(file.relativePath): missing \(missing)")
            #expect(record.string(at: "recipientAccountId") == file.accountID)
            #expect(record.string(at: "awsRegion") == file.region)
            #expect(record.string(at: "userIdentity.type") != nil)
        }
    }

    @Test func eventIDsAreUniqueAndUUIDShaped() throws {
        let ids = try smallRecords.get().compactMap { $0.record.string(at: "eventID") }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        }
    }

    @Test func versionsCategoriesAndFlagsAreConsistent() throws {
        for (_, record) in try smallRecords.get() {
            let version = record.string(at: "eventVersion") ?? ""
            #expect(["1.08", "1.09", "1.10", "1.11"].contains(version))
            let category = record.string(at: "eventCategory")
            let management = record["managementEvent"]?.boolValue
            #expect((category == "Data") == (management == false))
            #expect(record["readOnly"]?.boolValue != nil)
        }
    }

    @Test func recordsAreDistributedOverServicesAndIdentities() throws {
        let all = try smallRecords.get()
        let sources = Set(all.compactMap { $0.record.string(at: "eventSource") })
        let types = Set(all.compactMap { $0.record.string(at: "userIdentity.type") })
        for source in [
            "s3.amazonaws.com", "ec2.amazonaws.com", "sts.amazonaws.com", "kms.amazonaws.com", "iam.amazonaws.com",
            "lambda.amazonaws.com", "monitoring.amazonaws.com", "logs.amazonaws.com", "ssm.amazonaws.com",
            "dynamodb.amazonaws.com", "signin.amazonaws.com", "rolesanywhere.amazonaws.com",
        ] {
            #expect(sources.contains(source), "no \(source) records")
        }
        for type in ["IAMUser", "AssumedRole", "AWSService", "FederatedUser", "IdentityCenterUser"] {
            #expect(types.contains(type), "no \(type) identities")
        }
        let errors = all.filter { $0.record["errorCode"] != nil }.count
        #expect(errors > 0 && errors < all.count / 10)
        let data = all.filter { $0.record.string(at: "eventCategory") == "Data" }.count
        #expect(data > all.count / 5)
    }

    @Test func averageRecordSizeIsRealistic() throws {
        let files = try smallCorpus.get()
        let bytes = files.reduce(0) { $0 + $1.json.count }
        let average = Double(bytes) / Double(smallConfiguration.events)
        #expect((1_000...1_700).contains(average), "average record size \(average)")
    }

    @Test func eventTimesLieInTheFileWindow() throws {
        for (file, record) in try smallRecords.get() {
            // File names carry the end of their 5-minute window: HHmm of the stamp minus 5 minutes
            // must equal the record's hour and 5-minute bucket, except for the final day rollover.
            let time = record.string(at: "eventTime") ?? ""
            #expect(time.hasPrefix("2026-10-0"), "\(time)")
            #expect(time.hasSuffix("Z"))
            let stamp = String(file.relativePath.split(separator: "_")[3])
            let fileMinutes = (Int(stamp.dropFirst(9).prefix(2)) ?? 0) * 60 + (Int(stamp.dropFirst(11).prefix(2)) ?? 0)
            let timeParts = time.dropFirst(11).split(separator: ":")
            let recordMinutes = (Int(timeParts[0]) ?? 0) * 60 + (Int(timeParts[1]) ?? 0)
            let windowEnd = (recordMinutes / 5 + 1) * 5 % 1_440
            #expect(windowEnd == fileMinutes, "\(time) in \(file.relativePath)")
        }
    }

    @Test func recordsAreShuffledWithinFiles() throws {
        var sortedFiles = 0
        var largeFiles = 0
        var dense = smallConfiguration
        dense.days = 1
        dense.accounts = 1
        dense.regions = ["us-east-1"]
        for file in try CloudTrailGenerator(configuration: dense).files() where file.recordCount >= 8 {
            largeFiles += 1
            let times = try records(of: file).compactMap { $0.string(at: "eventTime") }
            if times == times.sorted() { sortedFiles += 1 }
        }
        #expect(largeFiles > 10)
        #expect(sortedFiles * 10 < largeFiles, "\(sortedFiles) of \(largeFiles) files are in time order")
    }

    @Test func jsonEscapingKeepsControlCharactersOut() {
        var buffer = JSONBuffer()
        buffer.object { j in j.field("ua", "a\u{1B}[31m\"\\\n\u{202E}b") }
        let text = String(decoding: buffer.bytes, as: UTF8.self)
        #expect(text == "{\"ua\":\"a\\u001b[31m\\\"\\\\\\n\u{202E}b\"}")
        #expect((try? JSONParser.parse(buffer.bytes)) != nil)
    }
}
