import Testing
import TrailTriageJSON

@testable import CloudTrailGenerator

/// Re-implements the two bundled rules in the simplest possible way and checks that exactly the
/// planted true positives (and false-positive shapes) alert.
@Suite struct ScenarioTests {
    static func isSuccess(_ record: JSONObject) -> Bool { record["errorCode"] == nil }

    /// Records the Roles Anywhere query rule matches.
    static func rolesAnywhereAlerts(_ records: [JSONObject]) -> Set<String> {
        Set(
            records.filter {
                $0.string(at: "eventSource") == "rolesanywhere.amazonaws.com"
                    && $0.string(at: "eventName") == "CreateProfile" && isSuccess($0)
            }.compactMap { $0.string(at: "eventID") })
    }

    /// Records the Create User new-terms rule alerts on: query matches whose ARN did not match in
    /// the preceding 14 days.
    static func createUserAlerts(_ records: [JSONObject]) -> Set<String> {
        let matches = records.filter {
            $0.string(at: "eventSource") == "iam.amazonaws.com" && $0.string(at: "eventName") == "CreateUser"
                && isSuccess($0)
                && $0.string(at: "userIdentity.type") == "AssumedRole"
                && ($0.string(at: "userIdentity.arn") ?? "").contains("i-")
        }.sorted { ($0.string(at: "eventTime") ?? "") < ($1.string(at: "eventTime") ?? "") }
        var lastSeen: [String: Int64] = [:]
        var alerts = Set<String>()
        for record in matches {
            let arn = record.string(at: "userIdentity.arn") ?? ""
            let time = seconds(record.string(at: "eventTime") ?? "")
            if let previous = lastSeen[arn], time - previous <= 14 * 86_400 {
                lastSeen[arn] = time
                continue
            }
            lastSeen[arn] = time
            if let id = record.string(at: "eventID") { alerts.insert(id) }
        }
        return alerts
    }

    static func seconds(_ iso: String) -> Int64 {
        let date = UTCTime.parseDate(String(iso.prefix(10))) ?? 0
        let clock = iso.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int64($0) }
        return date + clock[0] * 3600 + clock[1] * 60 + clock[2]
    }

    static func expected(_ report: (truePositives: [PlantedEvent], nearMisses: [PlantedEvent]), rule: String) -> Set<
        String
    > {
        Set(report.truePositives.filter { $0.ruleName == rule }.map(\.eventID))
    }

    func check(_ configuration: GeneratorConfiguration) throws -> (
        generator: CloudTrailGenerator, records: [JSONObject]
    ) {
        let generator = CloudTrailGenerator(configuration: configuration)
        let all = try generator.files().flatMap { try records(of: $0) }
        let planted = generator.plantedEvents
        #expect(Self.rolesAnywhereAlerts(all) == Self.expected(planted, rule: PlantedEvent.rolesAnywhereRule))
        #expect(Self.createUserAlerts(all) == Self.expected(planted, rule: PlantedEvent.createUserRule))
        let ids = Set(all.compactMap { $0.string(at: "eventID") })
        for event in planted.truePositives + planted.nearMisses {
            #expect(ids.contains(event.eventID), "planted \(event.eventName) \(event.eventID) missing")
        }
        return (generator, all)
    }

    @Test func exactlyThePlantedRecordsAlertInTheSmallCorpus() throws {
        let (generator, _) = try check(smallConfiguration)
        let planted = generator.plantedEvents
        let kinds = Set((planted.truePositives + planted.nearMisses).map { "\($0.ruleName)/\($0.kind)" })
        #expect(kinds.count == 5, "\(kinds)")
        #expect(planted.nearMisses.filter { $0.ruleName == PlantedEvent.createUserRule }.count >= 5)
        #expect(planted.nearMisses.filter { $0.ruleName == PlantedEvent.rolesAnywhereRule }.count >= 2)
    }

    @Test func repeatAfterTheHistoryWindowAlertsAgain() throws {
        var configuration = smallConfiguration
        configuration.days = 20
        let (generator, _) = try check(configuration)
        #expect(generator.plantedEvents.truePositives.contains { $0.description.contains("more than 14 days") })
    }

    @Test func plantingScalesWithVolume() throws {
        var configuration = smallConfiguration
        configuration.events = 1_999
        #expect(CloudTrailGenerator(configuration: configuration).plantedEvents.truePositives.isEmpty)
        configuration.events = 300_000
        let planted = CloudTrailGenerator(configuration: configuration).plantedEvents
        #expect(planted.truePositives.filter { $0.eventName == "CreateProfile" }.count == 9 + 3)
    }

    @Test func createProfileHasTheDocumentedShape() throws {
        let all = try smallRecords.get().map(\.record)
        let planted = CloudTrailGenerator(configuration: smallConfiguration).plantedEvents
        let profiles = all.filter { $0.string(at: "eventName") == "CreateProfile" && $0["errorCode"] == nil }
        #expect(!profiles.isEmpty)
        for profile in profiles {
            let roles = try #require(profile.value(at: "requestParameters.roleArns")?.arrayValue)
            #expect((1...3).contains(roles.count))
            #expect(roles.allSatisfy { $0.stringValue?.hasPrefix("arn:aws:iam::") == true })
            #expect(
                profile.value(at: "requestParameters.durationSeconds").flatMap {
                    if case .number(let n) = $0 { n } else { nil }
                } != nil)
            #expect(profile.value(at: "requestParameters.enabled")?.boolValue == true)
            #expect(profile.value(at: "responseElements.profile.roleArns")?.arrayValue == roles.map { $0 })
            #expect(profile.string(at: "responseElements.profile.profileArn")?.contains(":profile/") == true)
            #expect(profile.string(at: "responseElements.profile.profileId")?.count == 36)
            #expect(profile.string(at: "responseElements.profile.name") == profile.string(at: "requestParameters.name"))
        }
        // Every chain profile is preceded by a trust anchor from the same actor.
        let chainIDs = Set(
            planted.truePositives.filter { $0.description.contains("after CreateTrustAnchor") }.map(\.eventID))
        #expect(!chainIDs.isEmpty)
        for profile in profiles where chainIDs.contains(profile.string(at: "eventID") ?? "") {
            let arn = profile.string(at: "userIdentity.arn")
            let time = profile.string(at: "eventTime") ?? ""
            let anchors = all.filter {
                $0.string(at: "eventName") == "CreateTrustAnchor" && $0.string(at: "userIdentity.arn") == arn
                    && ($0.string(at: "eventTime") ?? "") <= time
            }
            #expect(!anchors.isEmpty)
            for anchor in anchors {
                let type = anchor.string(at: "requestParameters.source.sourceType")
                #expect(type == "CERTIFICATE_BUNDLE" || type == "AWS_ACM_PCA")
                #expect(
                    anchor.string(at: "responseElements.trustAnchor.trustAnchorArn")?.contains(":trust-anchor/") == true
                )
            }
        }
    }

    @Test func instanceSessionCreateUserHasTheDocumentedShape() throws {
        let all = try smallRecords.get().map(\.record)
        let planted = CloudTrailGenerator(configuration: smallConfiguration).plantedEvents
        let positives = Set(
            planted.truePositives.filter { $0.kind == .truePositive && $0.ruleName == PlantedEvent.createUserRule }.map(
                \.eventID))
        #expect(!positives.isEmpty)
        let principal = try Regex(#"^AROA[A-Z0-9]{17}:i-[0-9a-fA-F]{17}$"#)
        let createDate = try Regex(#"^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M$"#)
        for record in all where positives.contains(record.string(at: "eventID") ?? "") {
            let principalID = record.string(at: "userIdentity.principalId") ?? ""
            #expect(try principal.wholeMatch(in: principalID) != nil, "\(principalID)")
            let arn = record.string(at: "userIdentity.arn") ?? ""
            let session = principalID.split(separator: ":").last.map(String.init) ?? ""
            #expect(arn.hasSuffix("/" + session) && arn.contains(":assumed-role/"))
            #expect(record.string(at: "userIdentity.sessionContext.ec2RoleDelivery") == "2.0")
            let userName = try #require(record.string(at: "requestParameters.userName"))
            #expect(record.string(at: "responseElements.user.userName") == userName)
            #expect(record.string(at: "responseElements.user.userId")?.hasPrefix("AIDA") == true)
            #expect(record.string(at: "responseElements.user.arn")?.hasSuffix(":user/" + userName) == true)
            #expect(record.string(at: "responseElements.user.path") == "/")
            #expect(try createDate.wholeMatch(in: record.string(at: "responseElements.user.createDate") ?? "") != nil)
            // The follow-on calls an analyst pivots to.
            let followOn = all.filter {
                $0.string(at: "userIdentity.arn") == arn && $0.string(at: "requestParameters.userName") == userName
            }
            let names = Set(followOn.compactMap { $0.string(at: "eventName") })
            if (record.string(at: "eventTime") ?? "") < "2026-10-15" {
                #expect(
                    names.isSuperset(of: ["CreateAccessKey", "AttachUserPolicy", "CreateLoginProfile"]), "\(names)")
            }
        }
    }

    @Test func nearMissSessionsDoNotLookLikeInstances() throws {
        let all = try smallRecords.get().map(\.record)
        let planted = CloudTrailGenerator(configuration: smallConfiguration).plantedEvents
        let byID = Dictionary(all.map { ($0.string(at: "eventID") ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for event in planted.nearMisses
        where event.description.contains("not an instance") || event.description.contains("function name")
            || event.description.contains("not an assumed role")
        {
            let record = try #require(byID[event.eventID])
            #expect(!(record.string(at: "userIdentity.arn") ?? "").contains("i-"), "\(event.description)")
        }
        for event in planted.truePositives where event.kind == .falsePositiveShape {
            let record = try #require(byID[event.eventID])
            let principal = record.string(at: "userIdentity.principalId") ?? ""
            #expect((record.string(at: "userIdentity.arn") ?? "").contains("i-"))
            #expect(!principal.contains(":i-"), "upstream's user.id: *\\:i-* would not match")
        }
    }

    @Test func sampleDatasetHasEveryScenarioAndStaysSmall() throws {
        let generator = CloudTrailGenerator.sampleDataset()
        let files = try generator.files()
        #expect(files.reduce(0) { $0 + $1.recordCount } == GeneratorConfiguration.sample.events)
        #expect(files.reduce(0) { $0 + $1.json.count } < 4_000_000)
        let planted = generator.plantedEvents
        #expect(planted.truePositives.filter { $0.ruleName == PlantedEvent.rolesAnywhereRule }.count == 2)
        #expect(planted.truePositives.filter { $0.kind == .falsePositiveShape }.count == 1)
        #expect(planted.nearMisses.count == 7)
    }

    @Test func hostileUserAgentIsPresentAndStillValidJSON() throws {
        let all = try smallRecords.get().map(\.record)
        let hostile = all.filter { ($0.string(at: "userAgent") ?? "").contains("\u{1B}[31m") }
        #expect(hostile.count == 1)
        let agent = hostile.first?.string(at: "userAgent") ?? ""
        #expect(agent.contains("\u{202E}") && agent.contains("\u{200B}"))
        #expect(hostile.first?.string(at: "eventName") == "CreateProfile")
    }
}
