/// Scenarios for the Roles Anywhere `CreateProfile` rule.
extension ScenarioPlanter {
    /// Persistence through IAM Roles Anywhere: a rogue trust anchor, a new admin role that trusts
    /// the service, a profile tying them together, then credentials obtained from outside AWS.
    mutating func plantRolesAnywhereChain(at time: Int64, account: Int) {
        let directory = accounts[account]
        let acct = directory.id
        let region = configuration.regions[0]
        let ip = intruderIP()
        let actor: Actor
        if random.chance(50) {
            var user = random.pick(directory.humans)
            user.client = .cli(os: "linux#6.8.0-45-generic")
            user.console = false
            user.sourceIP = ip
            if user.accessKeyID.isEmpty { user.accessKeyID = "AKIA" + random.upperAlphanumeric(16) }
            actor = user
        } else {
            var session = directory.ssoSessions[0]
            session.client = .boto3(environment: "")
            session.console = false
            session.sourceIP = ip
            actor = session
        }

        let suffix = random.hex(6)
        let anchorName = random.pick(["ext-ci-anchor", "partner-pki", "onprem-ca-bundle", "backup-ca"]) + "-" + suffix
        let roleName = random.pick(["ops-automation", "rolesanywhere-admin", "edge-sync"]) + "-" + suffix
        let profileName = random.pick(["workload-access", "datacenter-runners", "partner-integration"]) + "-" + suffix
        let anchor = addTrustAnchor(at: time, account: account, actor: actor, name: anchorName, region: region)

        let roleArn = "arn:aws:iam::\(acct):role/\(roleName)"
        let roleID = "AROA" + random.upperAlphanumeric(17)
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}"#
        add(at: time + 41, account: account, actor: actor, service: "iam", name: "CreateRole") { draft, _ in
            let created = UTCTime.javaStyle(draft.time)
            draft.request = { j in j.object { p in p.field("roleName", roleName); p.field("assumeRolePolicyDocument", trust); p.field("description", "Automation access") } }
            draft.response = { j in
                j.object { p in
                    p.key("role")
                    p.object { r in
                        r.field("path", "/"); r.field("roleName", roleName); r.field("roleId", roleID); r.field("arn", roleArn)
                        r.field("createDate", created); r.field("assumeRolePolicyDocument", Self.percentEncoded(trust))
                    }
                }
            }
        }
        add(at: time + 63, account: account, actor: actor, service: "iam", name: "AttachRolePolicy") { draft, _ in
            draft.request = { j in j.object { p in p.field("roleName", roleName); p.field("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess") } }
        }

        // Bundling existing privileged roles into the profile is the aggregation the guide warns of.
        var roles = [roleArn]
        for extra in directory.roleNames.shuffledDeterministically(&random).prefix(random.below(3)) {
            roles.append(extra.hasPrefix("AWSReservedSSO") ? "arn:aws:iam::\(acct):role/aws-reserved/sso.amazonaws.com/\(extra)" : "arn:aws:iam::\(acct):role/\(extra)")
        }
        let duration = random.pick([43_200, 43_200, 28_800, 3_600])
        let profile = addProfile(at: time + 97, account: account, actor: actor, name: profileName, roles: roles, duration: duration, region: region)
        record(
            profile.draft, rule: PlantedEvent.rolesAnywhereRule, kind: .truePositive,
            "CreateProfile \(profileName) by \(actor.arn) with \(roles.count) role(s) after CreateTrustAnchor \(anchor.name) and CreateRole/AttachRolePolicy by the same actor"
        )

        // Later, a workload outside AWS exchanges a certificate for credentials: Roles Anywhere
        // calls STS on its behalf, then the session is used from the same outside address.
        let sessionTime = time + 1800 + Int64(random.below(5400))
        let serial = random.hex(32)
        let commonName = random.pick(["build-agent-07", "dc2-sync", "partner-gw"])
        add(at: sessionTime, account: account, region: region, actor: .service("rolesanywhere.amazonaws.com", account: acct), service: "sts", name: "AssumeRole", readOnly: true) { draft, random in
            let key = "ASIA" + random.upperAlphanumeric(16)
            let expiry = UTCTime.javaStyle(draft.time + Int64(duration))
            let profileArn = profile.arn
            let anchorArn = anchor.arn
            draft.request = { j in
                j.object { p in
                    p.field("roleArn", roleArn); p.field("roleSessionName", serial); p.field("durationSeconds", int: duration)
                    p.field("sourceIdentity", "CN=\(commonName)")
                    p.key("tags")
                    p.array { t in
                        t.object { x in x.field("key", "x509Subject/CN"); x.field("value", commonName) }
                        t.object { x in x.field("key", "x509Issuer/CN"); x.field("value", anchorName) }
                    }
                }
            }
            draft.response = { j in
                j.object { p in
                    p.key("credentials")
                    p.object { c in c.field("accessKeyId", key); c.field("sessionToken", "HIDDEN_DUE_TO_SECURITY_REASONS"); c.field("expiration", expiry) }
                    p.key("assumedRoleUser")
                    p.object { u in u.field("assumedRoleId", "\(roleID):\(serial)"); u.field("arn", "arn:aws:sts::\(acct):assumed-role/\(roleName)/\(serial)") }
                    p.field("sourceIdentity", "CN=\(commonName)")
                }
            }
            draft.additional = { j in j.object { e in e.field("profileArn", profileArn); e.field("trustAnchorArn", anchorArn) } }
            draft.resources = [.init(type: "AWS::IAM::Role", arn: roleArn, accountID: acct)]
        }
        let session = Actor.roleSession(
            account: acct, role: roleName, roleID: roleID, session: serial, client: .cli(os: "linux#5.15.0-122-generic"), ip: intruderIP()
        )
        add(at: sessionTime + 12, account: account, region: region, actor: session, service: "sts", name: "GetCallerIdentity", readOnly: true)
        add(at: sessionTime + 30, account: account, actor: session, service: "iam", name: "ListUsers", readOnly: true) { draft, _ in
            draft.request = { j in j.object { p in p.field("maxItems", int: 1000) } }
        }
        add(at: sessionTime + 44, account: account, region: region, actor: session, service: "s3", name: "ListBuckets", readOnly: true) { draft, _ in
            let host = "s3.\(region).amazonaws.com"
            draft.host = host
            draft.request = { j in j.object { p in p.field("Host", host) } }
        }
    }

    /// A valid profile creation whose user agent carries terminal escapes, a right-to-left
    /// override and a zero-width space, so the console's escaping can be seen working.
    mutating func plantHostileAgentProfile(at time: Int64, account: Int) {
        let directory = accounts[account]
        var actor = directory.humans[1 % directory.humans.count]
        actor.console = false
        actor.client = .custom("Boto3/1.35.36 \u{1B}[31mSECURITY-SCAN-OK\u{1B}[0m md/Botocore#1.35.36 \u{202E}fdp.exe\u{200B} lang/python#3.12.6")
        if actor.accessKeyID.isEmpty { actor.accessKeyID = "AKIA" + random.upperAlphanumeric(16) }
        let name = "lab-profile-" + random.hex(6)
        let roles = ["arn:aws:iam::\(directory.id):role/github-actions-deploy"]
        let profile = addProfile(at: time, account: account, actor: actor, name: name, roles: roles, duration: 3_600, region: configuration.regions[0])
        record(
            profile.draft, rule: PlantedEvent.rolesAnywhereRule, kind: .truePositive,
            "CreateProfile \(name) by \(actor.arn) whose userAgent holds an ANSI escape, U+202E and U+200B"
        )
    }

    /// A refused CreateProfile: the rule requires `event.outcome: success`.
    mutating func plantDeniedProfile(at time: Int64, account: Int) {
        let directory = accounts[account]
        var actor = directory.ssoSessions[directory.ssoSessions.count - 1]
        actor.console = false
        actor.client = .cli(os: "macos#23.6.0")
        let region = configuration.regions[0]
        let name = "test-profile-" + random.hex(6)
        let roleArn = "arn:aws:iam::\(directory.id):role/\(directory.roleNames[3])"
        let draft = add(at: time, account: account, region: region, actor: actor, service: "rolesanywhere", name: "CreateProfile") { draft, _ in
            draft.request = { j in j.object { p in p.field("name", name); p.key("roleArns"); p.array { a in a.string(roleArn) }; p.field("durationSeconds", int: 3_600); p.field("enabled", bool: true) } }
            draft.errorCode = "AccessDeniedException"
            draft.errorMessage = "User: \(actor.arn) is not authorized to perform: rolesanywhere:CreateProfile on resource: arn:aws:rolesanywhere:\(region):\(directory.id):profile/* because no identity-based policy allows the rolesanywhere:CreateProfile action"
        }
        record(draft, rule: PlantedEvent.rolesAnywhereRule, kind: .nearMiss, "CreateProfile \(name) refused with AccessDeniedException (outcome failure)")
    }

    /// A trust anchor that is never used by a profile: suspicious context, but not the rule's action.
    mutating func plantTrustAnchorOnly(at time: Int64, account: Int) {
        let directory = accounts[account]
        var actor = directory.ssoSessions[0]
        actor.console = false
        actor.client = .terraform
        let name = "pki-staging-" + random.hex(6)
        let anchor = addTrustAnchor(at: time, account: account, actor: actor, name: name, region: configuration.regions[0], privateCA: true)
        record(anchor.draft, rule: PlantedEvent.rolesAnywhereRule, kind: .nearMiss, "CreateTrustAnchor \(name) with no CreateProfile (not the rule's action)")
    }

    // MARK: Records

    struct TrustAnchor {
        var draft: EventDraft
        var name: String
        var arn: String
    }

    mutating func addTrustAnchor(at time: Int64, account: Int, actor: Actor, name: String, region: String, privateCA: Bool? = nil) -> TrustAnchor {
        let acct = accounts[account].id
        let anchorID = random.uuid()
        let arn = "arn:aws:rolesanywhere:\(region):\(acct):trust-anchor/\(anchorID)"
        let usePCA = privateCA ?? random.chance(30)
        let certificate = Self.fakeCertificate(&random)
        let pcaArn = "arn:aws:acm-pca:\(region):\(acct):certificate-authority/\(random.uuid())"
        let nanos = random.below(1_000_000_000)
        let draft = add(at: time, account: account, region: region, actor: actor, service: "rolesanywhere", name: "CreateTrustAnchor") { draft, _ in
            let stamp = UTCTime.iso8601Nanos(draft.time, nanos: nanos)
            let source: Payload = { j in
                j.object { s in
                    s.key("sourceData")
                    s.object { d in
                        if usePCA { d.field("acmPcaArn", pcaArn) } else { d.field("x509CertificateData", certificate) }
                    }
                    s.field("sourceType", usePCA ? "AWS_ACM_PCA" : "CERTIFICATE_BUNDLE")
                }
            }
            draft.request = { j in
                j.object { p in p.field("enabled", bool: true); p.field("name", name); p.key("source"); source(&p); p.key("tags"); p.array { _ in } }
            }
            draft.response = { j in
                j.object { p in
                    p.key("trustAnchor")
                    p.object { t in
                        t.field("createdAt", stamp); t.field("enabled", bool: true); t.field("name", name)
                        t.key("notificationSettings")
                        t.array { n in
                            for event in ["CA_CERTIFICATE_EXPIRY", "END_ENTITY_CERTIFICATE_EXPIRY"] {
                                n.object { x in x.field("channel", "ALL"); x.field("configuredBy", "rolesanywhere.amazonaws.com"); x.field("enabled", bool: true); x.field("event", event); x.field("threshold", int: 45) }
                            }
                        }
                        t.key("source"); source(&t)
                        t.field("trustAnchorArn", arn); t.field("trustAnchorId", anchorID); t.field("updatedAt", stamp)
                    }
                }
            }
        }
        return TrustAnchor(draft: draft, name: name, arn: arn)
    }

    mutating func addProfile(
        at time: Int64, account: Int, actor: Actor, name: String, roles: [String], duration: Int, region: String
    ) -> (draft: EventDraft, arn: String) {
        let acct = accounts[account].id
        let profileID = random.uuid()
        let profileArn = "arn:aws:rolesanywhere:\(region):\(acct):profile/\(profileID)"
        let nanos = random.below(1_000_000_000)
        let creator = actor.kind == .assumedRole ? (actor.issuerArn ?? actor.arn) : actor.arn
        let draft = add(at: time, account: account, region: region, actor: actor, service: "rolesanywhere", name: "CreateProfile") { draft, _ in
            let stamp = UTCTime.iso8601Nanos(draft.time, nanos: nanos)
            draft.request = { j in
                j.object { p in
                    p.field("durationSeconds", int: duration); p.field("enabled", bool: true); p.field("name", name)
                    p.key("roleArns"); p.array { a in for role in roles { a.string(role) } }
                    p.key("tags"); p.array { _ in }
                }
            }
            draft.response = { j in
                j.object { p in
                    p.key("profile")
                    p.object { o in
                        o.field("acceptRoleSessionName", bool: false)
                        o.key("attributeMappings")
                        o.array { m in
                            for (field, specifiers) in [("x509Issuer", ["*"]), ("x509SAN", ["DNS", "URI", "Name/*"]), ("x509Subject", ["*"])] {
                                m.object { x in
                                    x.field("certificateField", field)
                                    x.key("mappingRules")
                                    x.array { r in for specifier in specifiers { r.object { y in y.field("specifier", specifier) } } }
                                }
                            }
                        }
                        o.field("createdAt", stamp); o.field("createdBy", creator); o.field("durationSeconds", int: duration)
                        o.field("enabled", bool: true); o.field("name", name); o.field("profileArn", profileArn); o.field("profileId", profileID)
                        o.key("roleArns"); o.array { a in for role in roles { a.string(role) } }
                        o.field("updatedAt", stamp)
                    }
                }
            }
        }
        return (draft, profileArn)
    }

    /// A PEM block of the right shape and size; the content is random, not a real certificate.
    static func fakeCertificate(_ random: inout RandomSource) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var body = Array("MIIE3zCCAsegAwIBAgIJA".utf8)
        while body.count < 1_700 { body.append(alphabet[random.below(alphabet.count)]) }
        var lines: [String] = ["-----BEGIN CERTIFICATE-----"]
        var index = 0
        while index < body.count {
            lines.append(String(decoding: body[index..<min(index + 64, body.count)], as: UTF8.self))
            index += 64
        }
        lines.append("-----END CERTIFICATE-----")
        return lines.joined(separator: "\n")
    }

    /// IAM returns policy documents percent-encoded in responses.
    static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }
}
