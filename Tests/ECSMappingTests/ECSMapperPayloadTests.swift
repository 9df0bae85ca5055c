import Testing
import TrailTriageJSON

@testable import ECSMapping

/// requestParameters / responseElements forms (spec §7) and empty-value dropping (§8).
@Suite struct ECSMapperPayloadTests {
    static let createProfile = #"""
        {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAMALLORY",\#
        "arn":"arn:aws:iam::111111111111:user/mallory","accountId":"111111111111","userName":"mallory"},\#
        "eventTime":"2024-10-10T13:00:00Z","eventSource":"rolesanywhere.amazonaws.com","eventName":"CreateProfile",\#
        "awsRegion":"us-east-1","sourceIPAddress":"203.0.113.50","userAgent":"aws-cli/2.17.60",\#
        "requestParameters":{"name":"backdoor-profile","roleArns":["arn:aws:iam::111111111111:role/A",\#
        "arn:aws:iam::111111111111:role/B"],"durationSeconds":3600,"enabled":true},\#
        "responseElements":{"profile":{"profileArn":"arn:aws:rolesanywhere:us-east-1:111111111111:profile/p-1",\#
        "profileId":"p-1","durationSeconds":3600}},"eventID":"rp1","readOnly":false,"eventType":"AwsApiCall"}
        """#

    @Test func rolesAnywhereCreateProfileKeepsArraysAndNumbers() throws {
        let document = try mapRecord(Self.createProfile).document
        let base = "aws.cloudtrail.flattened.request_parameters."
        #expect(
            document.values(at: base + "roleArns") == [
                .string("arn:aws:iam::111111111111:role/A"), .string("arn:aws:iam::111111111111:role/B"),
            ])
        #expect(
            document.root["aws"]?["cloudtrail"]?["flattened"]?["request_parameters"]?["roleArns"]?.arrayValue?.count
                == 2)
        #expect(document.values(at: base + "durationSeconds") == [.number("3600")])
        #expect(document.keywordValues(at: base + "durationSeconds") == ["3600"])
        #expect(document.keywordValues(at: base + "enabled") == ["true"])
        #expect(document.string(at: base + "name") == "backdoor-profile")
        #expect(
            document.string(at: "aws.cloudtrail.request_parameters")
                == """
                {durationSeconds=3600, name=backdoor-profile, enabled=true, \
                roleArns=[arn:aws:iam::111111111111:role/A, arn:aws:iam::111111111111:role/B]}
                """
        )
        #expect(document.string(at: "event.provider") == "rolesanywhere.amazonaws.com")
        #expect(document.string(at: "event.action") == "CreateProfile")
        #expect(document.values(at: "event.category").isEmpty)
        #expect(document.values(at: "event.type") == [.string("info")])
        // The flattened root matches any leaf, as a flattened field's root does.
        #expect(document.keywordValues(at: "aws.cloudtrail.flattened.response_elements").contains("p-1"))
        // A non-root object yields nothing.
        #expect(document.keywordValues(at: "aws.cloudtrail.flattened.response_elements.profile").isEmpty)
    }

    @Test func hashMapOrderExampleFromTheSpec() throws {
        let object = try #require(
            JSONParser.parse(
                #"""
                {"createDate":"Mar 24, 2014 9:11:59 PM","userName":"Bob",\#
                "arn":"arn:aws:iam::123456789012:user/Bob","path":"/","userId":"EXAMPLEUSERID"}
                """#
            ).objectValue)
        #expect(
            JavaMapText.string(for: object)
                == """
                {path=/, userName=Bob, arn=arn:aws:iam::123456789012:user/Bob, userId=EXAMPLEUSERID, \
                createDate=Mar 24, 2014 9:11:59 PM}
                """
        )
    }

    @Test func tableSizeCountsKeysDroppedAsEmpty() throws {
        // 13 keys force a 32-slot table; one is null and is not printed, but Java built the
        // table before the null was removed, so the order is the 32-slot order.
        var members = (1...13).map {
            JSONMember(key: "key" + ($0 < 10 ? "0" : "") + String($0), value: .number(String($0)))
        }
        members[6].value = .null
        let text = JavaMapText.string(for: JSONObject(members))
        #expect(
            text
                == """
                {key11=11, key10=10, key04=4, key03=3, key02=2, key13=13, key01=1, key12=12, key08=8, key06=6, \
                key05=5, key09=9}
                """
        )
        #expect(JavaMapText.tableCapacity(forCount: 12) == 16)
        #expect(JavaMapText.tableCapacity(forCount: 13) == 32)
        #expect(JavaMapText.tableCapacity(forCount: 25) == 64)
    }

    @Test func crowdedBucketGrowsASmallTable() throws {
        // All nine keys share bucket 3 of a 16-slot table. Java grows a table smaller than 64
        // slots when a ninth key arrives at a bucket (instead of making a tree bin).
        let keys = ["k18", "k29", "k90", "k140", "k151", "k162", "k173", "k184", "k195"]
        let object = JSONObject(keys.map { JSONMember(key: $0, value: .string("v")) })
        #expect(JavaMapText.tableCapacity(forHashes: keys.map(JavaMapText.spreadHash)) == 32)
        #expect(
            JavaMapText.string(for: object) == "{k90=v, k18=v, k29=v, k140=v, k151=v, k162=v, k173=v, k184=v, k195=v}")
        #expect(JavaMapText.tableCapacity(forHashes: (keys + ["k250"]).map(JavaMapText.spreadHash)) == 64)
        // Eight colliding keys never grow the table.
        #expect(JavaMapText.tableCapacity(forHashes: keys.prefix(8).map(JavaMapText.spreadHash)) == 16)
    }

    @Test func nestedValuesPrintLikeJava() throws {
        let object = try #require(
            JSONParser.parse(
                #"""
                {"a":[{"k":"v"},{"k":"w"}],"b":{"c":1.50},"d":false,"e":1e7,"f":0.0001,"g":-0,"h":12345678.9,\#
                "i":100.0}
                """#
            ).objectValue)
        #expect(
            JavaMapText.string(for: object)
                == "{a=[{k=v}, {k=w}], b={c=1.5}, d=false, e=1.0E7, f=1.0E-4, g=0, h=1.23456789E7, i=100.0}")
    }

    @Test(arguments: [
        ("3600", "3600"), ("-12", "-12"), ("1.5", "1.5"), ("1.0", "1.0"), ("2.50", "2.5"),
        ("0.001", "0.001"), ("0.0009", "9.0E-4"), ("1234567.0", "1234567.0"), ("1e7", "1.0E7"),
        ("1.5e-7", "1.5E-7"), ("-0.0", "-0.0"), ("123456789012345678901234567890", "123456789012345678901234567890"),
    ])
    func javaNumberText(json: String, java: String) {
        #expect(JavaNumberText.text(forJSONNumber: json) == java)
    }

    @Test func placeholdersAreDroppedEverywhere() throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"PutObject",\#
            "eventID":"x","userAgent":"-","sourceIPAddress":"none","awsRegion":"","requestParameters":{"a":"none",\#
            "b":"-","c":"","d":null,"e":{},"f":[],"g":"x","h":{"i":null},"j":["-","y"]},\#
            "responseElements":{"only":null}}
            """#
        let result = try mapRecord(record)
        let document = result.document
        #expect(document.values(at: "user_agent.original").isEmpty)
        #expect(document.values(at: "source.address").isEmpty)
        #expect(document.values(at: "cloud.region").isEmpty)
        #expect(document.string(at: "aws.cloudtrail.request_parameters") == "{g=x, j=[y]}")
        #expect(
            document.values(at: "aws.cloudtrail.flattened.request_parameters") == [
                .object(["g": .string("x"), "j": .array([.string("y")])])
            ])
        #expect(document.values(at: "aws.cloudtrail.response_elements").isEmpty)
        #expect(document.values(at: "aws.cloudtrail.flattened.response_elements").isEmpty)
        #expect(result.warnings.isEmpty)
        // No empty value survives anywhere in the document.
        for (key, value) in document.flattened() {
            #expect(value != .null && value != .string("") && value != .array([]), "\(key) is empty")
        }
    }

    @Test func longStringsAreStoredButNotIndexed() throws {
        let long = String(repeating: "p", count: 9000)
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"PutRolePolicy",\#
            "eventID":"x","requestParameters":{"policyDocument":"\#(long)"}}
            """#
        let document = try mapRecord(record).document
        let text = try #require(document.string(at: "aws.cloudtrail.request_parameters"))
        #expect(text.count == 9000 + "{policyDocument=}".count)
        #expect(document.keywordValues(at: "aws.cloudtrail.request_parameters").isEmpty)
        // The flattened leaf is a different field and remains searchable.
        #expect(document.keywordValues(at: "aws.cloudtrail.flattened.request_parameters.policyDocument") == [long])

        let huge = String(repeating: "q", count: 32766)
        let hugeRecord =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"PutRolePolicy",\#
            "eventID":"x","requestParameters":{"policyDocument":"\#(huge)"}}
            """#
        let hugeDocument = try mapRecord(hugeRecord).document
        #expect(hugeDocument.string(at: "aws.cloudtrail.request_parameters") != nil)
        #expect(hugeDocument.values(at: "aws.cloudtrail.flattened.request_parameters").isEmpty)
    }

    @Test func retainModesChooseTheForms() throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject",\#
            "eventID":"x","requestParameters":{"bucketName":"b","key":"home/.aws/credentials","Host":"h"},\#
            "additionalEventData":{"SSEApplied":"SSE_S3","bytesTransferredOut":12}}
            """#
        func forms(_ mode: ECSMapperOptions.RetainMode) throws -> (string: Bool, flattened: [String]) {
            let document = try mapRecord(record, options: ECSMapperOptions(retain: mode)).document
            let flattened = document.flattened().map(\.key).filter { $0.hasPrefix("aws.cloudtrail.flattened.") }
            return (document.string(at: "aws.cloudtrail.request_parameters") != nil, flattened.sorted())
        }
        #expect(try forms(.all).string)
        #expect(try forms(.all).flattened.count == 5)
        #expect(try forms(.keyword) == (true, []))
        #expect(try forms(.flattened).string == false)
        #expect(try forms(.flattened).flattened.count == 5)
        #expect(try forms(.none) == (false, []))
        #expect(
            try forms(.minimal) == (
                true,
                [
                    "aws.cloudtrail.flattened.additional_eventdata.SSEApplied",
                    "aws.cloudtrail.flattened.request_parameters.key",
                ]
            ))
    }

    @Test func minimalRetentionDescendsArrays() throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"ec2.amazonaws.com",\#
            "eventName":"AuthorizeSecurityGroupIngress","eventID":"x","requestParameters":{"groupId":"sg-1",\#
            "ipPermissions":{"items":[{"ipProtocol":"tcp","fromPort":22,\#
            "ipRanges":{"items":[{"cidrIp":"0.0.0.0/0"}]}}]}}}
            """#
        let document = try mapRecord(record, options: ECSMapperOptions(retain: .minimal)).document
        let base = "aws.cloudtrail.flattened.request_parameters.ipPermissions.items."
        #expect(document.keywordValues(at: base + "fromPort") == ["22"])
        #expect(document.keywordValues(at: base + "ipRanges.items.cidrIp") == ["0.0.0.0/0"])
        #expect(document.values(at: base + "ipProtocol").isEmpty)
        #expect(document.values(at: "aws.cloudtrail.flattened.request_parameters.groupId").isEmpty)
    }

    @Test func dottedPayloadKeysAreNested() throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"x.amazonaws.com","eventName":"X","eventID":"x",\#
            "requestParameters":{"a.b":"1","a":{"c":"2"},"tag":"t","tag.sub":"s"}}
            """#
        let document = try mapRecord(record).document
        #expect(document.string(at: "aws.cloudtrail.request_parameters") != nil)
        #expect(document.keywordValues(at: "aws.cloudtrail.flattened.request_parameters.a.b") == ["1"])
        #expect(document.keywordValues(at: "aws.cloudtrail.flattened.request_parameters.a.c") == ["2"])
        #expect(document.keywordValues(at: "aws.cloudtrail.flattened.request_parameters.tag") == ["t"])
        #expect(document.keywordValues(at: "aws.cloudtrail.flattened.request_parameters.tag.sub") == ["s"])
        func hasDottedKey(_ value: JSONValue) -> Bool {
            switch value {
            case .object(let object): return object.members.contains { $0.key.contains(".") || hasDottedKey($0.value) }
            case .array(let elements): return elements.contains(where: hasDottedKey)
            default: return false
            }
        }
        #expect(!hasDottedKey(.object(document.root)))
    }

    @Test func resourcesAreDeduplicatedAndMultiValued() throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"CopyObject",\#
            "eventID":"x","resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::b/k"},{"accountId":"1",\#
            "type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::b"},{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::b/k"},\#
            {"arn":"arn:aws:s3:::lower","accountId":"","type":"AWS::S3::Bucket"}]}
            """#
        let document = try mapRecord(record).document
        #expect(
            document.keywordValues(at: "aws.cloudtrail.resources.arn") == [
                "arn:aws:s3:::b/k", "arn:aws:s3:::b", "arn:aws:s3:::lower",
            ])
        #expect(document.keywordValues(at: "aws.cloudtrail.resources.account_id") == ["1"])
    }

    @Test func tlsVersionIsSplit() throws {
        let record =
            #"""
            {"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"X","eventID":"x",\#
            "tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256",\#
            "clientProvidedHostHeader":"iam.amazonaws.com","keyExchange":"x25519"}}
            """#
        let document = try mapRecord(record).document
        #expect(document.string(at: "tls.version_protocol") == "tls")
        #expect(document.string(at: "tls.version") == "1.3")
        #expect(document.string(at: "tls.cipher") == "TLS_AES_128_GCM_SHA256")
        #expect(document.string(at: "tls.client.server_name") == "iam.amazonaws.com")
        #expect(document.string(at: "aws.cloudtrail.tls_details.key_exchange") == "x25519")
        #expect(ECSMapper.splitTLSVersion("weird") == nil)
        let ssl = try #require(ECSMapper.splitTLSVersion("SSLv3"))
        #expect(ssl == ("ssl", "3"))
    }
}
