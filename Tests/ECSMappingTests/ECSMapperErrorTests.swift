import ECSMapping
import Testing
import TrailTriageJSON

/// What is an error, what is a warning (brief: "Errors vs warnings"), and the bookkeeping fields.
@Suite struct ECSMapperErrorTests {
    @Test func missingEventTimeIsAnError() throws {
        let record = #"{"eventSource":"iam.amazonaws.com","eventName":"CreateUser","eventID":"x"}"#
        #expect {
            _ = try mapRecord(record)
        } throws: { error in
            (error as? ECSMappingError)?.reason.contains("eventTime is missing") ?? false
        }
    }

    @Test func unsplitLogFileIsExplained() throws {
        let record = #"{"Records":[{"eventTime":"2024-01-01T00:00:00Z"}]}"#
        #expect {
            _ = try mapRecord(record)
        } throws: { error in
            (error as? ECSMappingError)?.reason.contains("Records") ?? false
        }
    }

    @Test(arguments: [
        #"{"eventTime":"yesterday","eventSource":"iam.amazonaws.com","eventName":"X"}"#,
        #"{"eventTime":"2024-13-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"X"}"#,
        #"{"eventTime":1700000000,"eventSource":"iam.amazonaws.com","eventName":"X"}"#,
        #"{"eventTime":"2024-01-01T00:00:00Z","eventSource":42,"eventName":"X"}"#,
        #"{"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":["X"]}"#,
        #"["not","an","object"]"#,
        #""just a string""#,
    ])
    func malformedRecordsThrow(record: String) throws {
        #expect(throws: ECSMappingError.self) {
            _ = try mapRecord(record)
        }
    }

    @Test func wrongTypeUserIdentityIsAWarning() throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser",\#
            "eventID":"x","userIdentity":"root","awsRegion":{"name":"us-east-1"}}
            """#
        let result = try mapRecord(record)
        #expect(result.document.string(at: "event.action") == "CreateUser")
        #expect(result.document.values(at: "aws.cloudtrail.user_identity").isEmpty)
        #expect(result.document.values(at: "cloud.region").isEmpty)
        #expect(result.warnings.count == 2)
        #expect(result.warnings.contains { $0.contains("userIdentity is a string, expected an object") })
        #expect(result.warnings.contains { $0.contains("awsRegion is an object") })
    }

    @Test func missingEventIDIsAWarning() throws {
        let record = #"{"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser"}"#
        let result = try mapRecord(record)
        #expect(result.document.eventID == nil)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("eventID is missing") == true)
    }

    @Test func unparsableCreationDateIsDroppedWithAWarning() throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"X","eventID":"x",\#
            "userIdentity":{"type":"IAMUser","sessionContext":{"attributes":{"creationDate":"not a date",\#
            "mfaAuthenticated":"true"}}}}
            """#
        let result = try mapRecord(record)
        #expect(result.document.values(at: "aws.cloudtrail.user_identity.session_context.creation_date").isEmpty)
        #expect(result.document.string(at: "aws.cloudtrail.user_identity.session_context.mfa_authenticated") == "true")
        #expect(result.warnings.contains { $0.contains("creationDate") })
    }

    @Test func constantsAndBookkeeping() throws {
        let text =
            #"""
            {"eventTime":"2024-03-01T12:00:00.5+02:00","eventSource":"iam.amazonaws.com","eventName":"CreateUser",\#
            "eventID":"abc"}
            """#
        let options = ECSMapperOptions(readTime: "2024-03-01T10:00:05Z", ingestedTime: "2024-03-01T10:00:06Z")
        let result = try mapRecord(text, options: options)
        let document = result.document
        #expect(document.string(at: "@timestamp") == "2024-03-01T10:00:00.500Z")
        #expect(document.timestampMilliseconds == 1_709_287_200_500)
        #expect(document.eventID == "abc")
        #expect(document.string(at: "event.dataset") == "aws.cloudtrail")
        #expect(document.string(at: "data_stream.dataset") == "aws.cloudtrail")
        #expect(document.string(at: "data_stream.type") == "logs")
        #expect(document.string(at: "event.module") == "aws")
        #expect(document.string(at: "cloud.provider") == "aws")
        #expect(document.string(at: "event.kind") == "event")
        #expect(document.string(at: "event.original") == text)
        #expect(document.string(at: "event.created") == "2024-03-01T10:00:05Z")
        #expect(document.string(at: "event.ingested") == "2024-03-01T10:00:06Z")
        #expect(document.string(at: "event.provider") == "iam.amazonaws.com")
        #expect(document.string(at: "cloud.service.name") == "iam")

        let bare = try ECSMapper().map(try JSONParser.parse(text), originalText: nil).document
        #expect(bare.values(at: "event.created").isEmpty)
        #expect(bare.values(at: "event.ingested").isEmpty)
        #expect(bare.values(at: "event.original").isEmpty)
    }

    @Test func digestFileUsesDigestEndTime() throws {
        let record =
            #"""
            {"awsAccountId":"111122223333","digestStartTime":"2024-01-01T00:00:00Z",\#
            "digestEndTime":"2024-01-01T01:00:00Z","digestS3Bucket":"trail-bucket",\#
            "digestS3Object":"AWSLogs/111122223333/CloudTrail-Digest/x.json.gz",\#
            "logFiles":[{"s3Object":"a.json.gz","hashValue":"ab"}],"previousDigestSignature":"sig"}
            """#
        let result = try mapRecord(record)
        let document = result.document
        #expect(document.string(at: "@timestamp") == "2024-01-01T01:00:00.000Z")
        #expect(document.string(at: "cloud.account.id") == "111122223333")
        #expect(document.string(at: "file.path") == "AWSLogs/111122223333/CloudTrail-Digest/x.json.gz")
        #expect(document.string(at: "aws.cloudtrail.flattened.digest.digestS3Bucket") == "trail-bucket")
        #expect(document.keywordValues(at: "aws.cloudtrail.flattened.digest.logFiles.s3Object") == ["a.json.gz"])
        #expect(document.values(at: "aws.cloudtrail.flattened.digest.digestEndTime").isEmpty)
        #expect(result.warnings.isEmpty)
    }

    @Test func flattenedViewUsesDottedKeys() throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"X","eventID":"x",\#
            "awsRegion":"us-east-1"}
            """#
        let pairs = try mapRecord(record).document.flattened()
        #expect(pairs.contains { $0.key == "cloud.region" && $0.value == .string("us-east-1") })
        #expect(pairs.contains { $0.key == "event.type" && $0.value == .array([.string("info")]) })
        #expect(!pairs.contains { $0.key == "cloud" })
    }
}
