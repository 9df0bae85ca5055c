import ESQL
import Foundation
import Testing

/// AWS rule queries run end to end (prepare + finish) over hand-built documents.
struct AWSRuleRunTests {
    /// The query of one rule file, or nil (with a printed skip) when the corpus is absent.
    func ruleQuery(_ file: String, schema: ESQLSchema = .cloudTrail) throws -> ESQLQuery? {
        guard let text = AWSRuleQueryTests.ruleQueries().first(where: { $0.0.hasSuffix(file) })?.1 else {
            print("skipped: rule \(file) not found under \(AWSRuleQueryTests.rulesDirectory)")
            return nil
        }
        return try parse(text, schema: schema)
    }

    @Test func rowLevelBedrockPhantomUserKeepsThePatternColumns() throws {
        guard let query = try ruleQuery("privilege_escalation_bedrock_phantom_user_credentials_added.toml") else {
            return
        }
        #expect(!query.isAggregating)
        func event(_ action: String, _ target: String) -> String {
            #"{"@timestamp":"2025-06-01T10:00:00Z","event":{"provider":"iam.amazonaws.com","action":"\#(action)","#
                + #""outcome":"success"},"user":{"name":"admin","target":{"name":"\#(target)"}},"#
                + #""source":{"ip":"198.51.100.7"},"cloud":{"account":{"id":"111122223333"}}}"#
        }
        let rows = run(
            query,
            [
                event("CreateAccessKey", "BedrockAPIKey-abc"), event("CreateAccessKey", "alice"),
                event("DeleteUser", "BedrockAPIKey-abc"),
            ])
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(Array(row.columns.prefix(4)) == ["_id", "_version", "_index", "@timestamp"])
        #expect(row["_id"] == .keyword("doc-0"))
        #expect(row["user.target.name"] == .keyword("BedrockAPIKey-abc"))
        #expect(row["source.ip"] == .ip("198.51.100.7"))
        // Mapped fields no document carries are columns of nulls.
        #expect(row["source.geo.country_name"] == .null)
        #expect(row.columns.contains("aws.cloudtrail.user_identity.arn"))
    }

    @Test func aggregatingConsoleLoginFromTwoCountries() throws {
        guard let query = try ruleQuery("initial_access_console_login_iam_user_multiple_geolocations.toml") else {
            return
        }
        func login(_ arn: String, _ country: String?, _ ip: String, _ time: String) -> String {
            let geo = country.map { #","geo":{"country_iso_code":"\#($0)"}"# } ?? ""
            return #"{"@timestamp":"\#(time)","event":{"provider":"signin.amazonaws.com","action":"ConsoleLogin","#
                + #""outcome":"success"},"aws":{"cloudtrail":{"user_identity":{"type":"IAMUser","arn":"\#(arn)"}}},"#
                + #""cloud":{"account":{"id":"111122223333"}},"source":{"ip":"\#(ip)"\#(geo)}}"#
        }
        let alice = "arn:aws:iam::111122223333:user/alice"
        let bob = "arn:aws:iam::111122223333:user/bob"
        let rows = run(
            query,
            [
                login(alice, "US", "198.51.100.1", "2025-06-01T10:00:00Z"),
                login(alice, "RO", "203.0.113.9", "2025-06-01T10:03:00Z"),
                login(alice, nil, "203.0.113.10", "2025-06-01T10:04:00Z"),
                login(bob, "US", "198.51.100.2", "2025-06-01T10:01:00Z"),
                login(bob, "US", "198.51.100.3", "2025-06-01T10:02:00Z"),
            ])
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.columns == query.columns)
        #expect(row["aws.cloudtrail.user_identity.arn"] == .keyword(alice))
        #expect(row["Esql.source_geo_country_iso_code_count_distinct"] == .integer(2))
        #expect(row["Esql.source_geo_country_iso_code_values"] == .multi([.keyword("RO"), .keyword("US")]))
        #expect(row["Esql.source_ip_values"] == .multi([.ip("198.51.100.1"), .ip("203.0.113.9")]))
        #expect(row["Esql.timestamp_min"] == .date(epoch("2025-06-01T10:00:00Z")))
        #expect(row["Esql.timestamp_max"] == .date(epoch("2025-06-01T10:03:00Z")))
        #expect(row["Esql.source_as_organization_name_count_distinct"] == .integer(0))
    }

    @Test func grokCrossAccountLambdaInvocation() throws {
        guard let query = try ruleQuery("execution_lambda_function_invoked_cross_account.toml") else { return }
        func invoke(_ caller: String, _ function: String, _ ip: String) -> String {
            #"{"event":{"provider":"lambda.amazonaws.com","action":"Invoke","outcome":"success"},"#
                + #""aws":{"cloudtrail":{"user_identity":{"arn":"arn:aws:sts::\#(caller):assumed-role/r/s"},"#
                + #""request_parameters":"{functionName=arn:aws:lambda:us-east-1:\#(function):function:f}","#
                + #""resources":[{"arn":"arn:aws:lambda:us-east-1:\#(function):function:f"}]}},"#
                + #""source":{"ip":"\#(ip)"}}"#
        }
        let rows = run(
            query,
            [
                invoke("111111111111", "222222222222", "10.0.0.1"), invoke("111111111111", "222222222222", "10.0.0.2"),
                invoke("333333333333", "333333333333", "10.0.0.3"),
            ])
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(
            row.columns == [
                "aws.cloudtrail.user_identity.arn", "Esql.caller_account", "Esql.function_account",
                "Esql.function_arns",
                "Esql.invocation_count", "Esql.source_ips",
            ])
        #expect(row["Esql.caller_account"] == .keyword("111111111111"))
        #expect(row["Esql.function_account"] == .keyword("222222222222"))
        #expect(row["Esql.invocation_count"] == .integer(2))
        #expect(row["Esql.source_ips"] == .multi([.ip("10.0.0.1"), .ip("10.0.0.2")]))
        #expect(row["Esql.function_arns"] == .keyword("arn:aws:lambda:us-east-1:222222222222:function:f"))
    }

    @Test func dissectServiceQuotasAcrossTenRegions() throws {
        guard let query = try ruleQuery("discovery_servicequotas_multi_region_service_quota_requests.toml") else {
            return
        }
        let regions = [
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1",
            "ap-south-1", "ap-northeast-1", "sa-east-1",
        ]
        func request(_ region: String, _ second: Int, quota: String = "L-1216C47A", arn: String = "arn:a") -> String {
            #"{"@timestamp":"2025-06-01T10:00:\#(String(format: "%02d", second))Z","#
                + #""data_stream":{"dataset":"aws.cloudtrail"},"#
                + #""event":{"provider":"servicequotas.amazonaws.com","action":"GetServiceQuota"},"#
                + #""cloud":{"region":"\#(region)"},"aws":{"cloudtrail":{"user_identity":{"arn":"\#(arn)"},"#
                + #""request_parameters":"{serviceCode=ec2, quotaCode=\#(quota)}"}}}"#
        }
        var documents = regions.enumerated().map { request($1, $0) }
        // Another quota code, another 30-second window, and nine regions for another actor do not count.
        documents.append(request("us-east-1", 11, quota: "L-0000"))
        documents.append(request("us-east-1", 45))
        documents += regions.dropLast().enumerated().map { request($1, $0, arn: "arn:b") }
        let rows = run(query, documents)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["Esql.cloud_region_count_distinct"] == .integer(10))
        #expect(row["Esql.event_count"] == .integer(10))
        #expect(row["Esql.time_window_date_trunc"] == .date(epoch("2025-06-01T10:00:00Z")))
        #expect(row["aws.cloudtrail.user_identity.arn"] == .keyword("arn:a"))
        #expect(
            row["Esql.aws_cloudtrail_request_parameters_values"]
                == .keyword("{serviceCode=ec2, quotaCode=L-1216C47A}"))
    }

    @Test func nowInFinishForGitHubActionsKeys() throws {
        guard
            let query = try ruleQuery(
                "initial_access_github_actions_oidc_credentials_used_from_suspicious_network.toml")
        else { return }
        func call(_ agent: String, _ org: String, _ time: String) -> String {
            #"{"@timestamp":"\#(time)","event":{"dataset":"aws.cloudtrail"},"user":{"name":"deploy"},"#
                + #""aws":{"cloudtrail":{"user_identity":{"access_key_id":"ASIAKEY"}}},"#
                + #""cloud":{"account":{"id":"1"}},"user_agent":{"original":"\#(agent)"},"#
                + #""source":{"address":"203.0.113.5","as":{"organization":{"name":"\#(org)"}}}}"#
        }
        let documents = [
            call("x aws-credentials-for-github-actions", "Microsoft Corporation", "2025-06-01T09:00:00Z"),
            call("curl", "Evil Hosting", "2025-06-01T11:30:00Z"),
        ]
        #expect(run(query, documents, now: epoch("2025-06-01T12:00:00Z")).count == 1)
        // More than an hour after the suspicious call, the rule no longer alerts.
        #expect(run(query, documents, now: epoch("2025-06-01T12:31:00Z")).isEmpty)
    }
}
