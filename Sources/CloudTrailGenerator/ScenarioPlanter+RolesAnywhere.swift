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
        let trust =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","#
            + #""Principal":{"Service":"rolesanywhere.amazonaws.com"},"#
            + #""Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}"#
        add(at: time + 41, account: account, actor: actor, service: "iam", name: "CreateRole") { draft, _ in
            let created = UTCTime.javaStyle(draft.time)
            draft.request = { json in
                json.object { parameters in
                    parameters.field("roleName", roleName)
                    parameters.field("assumeRolePolicyDocument", trust)
                    parameters.field("description", "Automation access")
                }
            }
            draft.response = { json in
                json.object { response in
                    response.key("role")
                    response.object { role in
                        role.field("path", "/")
                        role.field("roleName", roleName)
                        role.field("roleId", roleID)
                        role.field("arn", roleArn)
                        role.field("createDate", created)
                        role.field("assumeRolePolicyDocument", Self.percentEncoded(trust))
                    }
                }
            }
        }
        add(at: time + 63, account: account, actor: actor, service: "iam", name: "AttachRolePolicy") { draft, _ in
            draft.request = { json in
                json.object { parameters in
                    parameters.field("roleName", roleName)
                    parameters.field("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess")
                }
            }
        }

        // Bundling existing privileged roles into the profile is the aggregation the guide warns of.
        var roles = [roleArn]
        let shuffledRoles = directory.roleNames.shuffledDeterministically(&random)
        for extra in shuffledRoles.prefix(random.below(3)) {
            roles.append(
                extra.hasPrefix("AWSReservedSSO")
                    ? "arn:aws:iam::\(acct):role/aws-reserved/sso.amazonaws.com/\(extra)"
                    : "arn:aws:iam::\(acct):role/\(extra)"
            )
        }
        let duration = random.pick([43_200, 43_200, 28_800, 3_600])
        let profile = addProfile(
            at: time + 97, account: account, actor: actor, name: profileName, roles: roles, duration: duration,
            region: region
        )
        record(
            profile.draft, rule: PlantedEvent.rolesAnywhereRule, kind: .truePositive,
            "CreateProfile \(profileName) by \(actor.arn) with \(roles.count) role(s) after CreateTrustAnchor "
                + "\(anchor.name) and CreateRole/AttachRolePolicy by the same actor"
        )

        // Later, a workload outside AWS exchanges a certificate for credentials: Roles Anywhere
        // calls STS on its behalf, then the session is used from the same outside address.
        let sessionTime = time + 1800 + Int64(random.below(5400))
        let serial = random.hex(32)
        let commonName = random.pick(["build-agent-07", "dc2-sync", "partner-gw"])
        let rolesAnywhere = Actor.service("rolesanywhere.amazonaws.com", account: acct)
        add(
            at: sessionTime, account: account, region: region, actor: rolesAnywhere, service: "sts",
            name: "AssumeRole", readOnly: true
        ) { draft, random in
            let key = "ASIA" + random.upperAlphanumeric(16)
            let expiry = UTCTime.javaStyle(draft.time + Int64(duration))
            let profileArn = profile.arn
            let anchorArn = anchor.arn
            draft.request = { json in
                json.object { parameters in
                    parameters.field("roleArn", roleArn)
                    parameters.field("roleSessionName", serial)
                    parameters.field("durationSeconds", int: duration)
                    parameters.field("sourceIdentity", "CN=\(commonName)")
                    parameters.key("tags")
                    parameters.array { tags in
                        tags.object { tag in
                            tag.field("key", "x509Subject/CN")
                            tag.field("value", commonName)
                        }
                        tags.object { tag in
                            tag.field("key", "x509Issuer/CN")
                            tag.field("value", anchorName)
                        }
                    }
                }
            }
            draft.response = { json in
                json.object { response in
                    response.stsCredentials(accessKeyID: key, expiration: expiry)
                    response.assumedRoleUser(
                        id: "\(roleID):\(serial)", arn: "arn:aws:sts::\(acct):assumed-role/\(roleName)/\(serial)")
                    response.field("sourceIdentity", "CN=\(commonName)")
                }
            }
            draft.additional = { json in
                json.object { details in
                    details.field("profileArn", profileArn)
                    details.field("trustAnchorArn", anchorArn)
                }
            }
            draft.resources = [.init(type: "AWS::IAM::Role", arn: roleArn, accountID: acct)]
        }
        let session = Actor.roleSession(
            account: acct, role: roleName, roleID: roleID, session: serial,
            client: .cli(os: "linux#5.15.0-122-generic"), ip: intruderIP()
        )
        add(
            at: sessionTime + 12, account: account, region: region, actor: session, service: "sts",
            name: "GetCallerIdentity", readOnly: true
        )
        add(
            at: sessionTime + 30, account: account, actor: session, service: "iam", name: "ListUsers", readOnly: true
        ) { draft, _ in
            draft.request = { json in json.object { parameters in parameters.field("maxItems", int: 1000) } }
        }
        add(
            at: sessionTime + 44, account: account, region: region, actor: session, service: "s3",
            name: "ListBuckets", readOnly: true
        ) { draft, _ in
            let host = "s3.\(region).amazonaws.com"
            draft.host = host
            draft.request = { json in json.object { parameters in parameters.field("Host", host) } }
        }
    }

    /// A valid profile creation whose user agent carries terminal escapes, a right-to-left
    /// override and a zero-width space, so the console's escaping can be seen working.
    mutating func plantHostileAgentProfile(at time: Int64, account: Int) {
        let directory = accounts[account]
        var actor = directory.humans[1 % directory.humans.count]
        actor.console = false
        actor.client = .custom(
            "Boto3/1.35.36 \u{1B}[31mSECURITY-SCAN-OK\u{1B}[0m md/Botocore#1.35.36 \u{202E}fdp.exe\u{200B} "
                + "lang/python#3.12.6"
        )
        if actor.accessKeyID.isEmpty { actor.accessKeyID = "AKIA" + random.upperAlphanumeric(16) }
        let name = "lab-profile-" + random.hex(6)
        let roles = ["arn:aws:iam::\(directory.id):role/github-actions-deploy"]
        let profile = addProfile(
            at: time, account: account, actor: actor, name: name, roles: roles, duration: 3_600,
            region: configuration.regions[0]
        )
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
        let draft = add(
            at: time, account: account, region: region, actor: actor, service: "rolesanywhere", name: "CreateProfile"
        ) { draft, _ in
            draft.request = { json in
                json.object { parameters in
                    parameters.field("name", name)
                    parameters.key("roleArns")
                    parameters.array { arns in arns.string(roleArn) }
                    parameters.field("durationSeconds", int: 3_600)
                    parameters.field("enabled", bool: true)
                }
            }
            draft.errorCode = "AccessDeniedException"
            draft.errorMessage =
                "User: \(actor.arn) is not authorized to perform: rolesanywhere:CreateProfile "
                + "on resource: arn:aws:rolesanywhere:\(region):\(directory.id):profile/* "
                + "because no identity-based policy allows the rolesanywhere:CreateProfile action"
        }
        record(
            draft, rule: PlantedEvent.rolesAnywhereRule, kind: .nearMiss,
            "CreateProfile \(name) refused with AccessDeniedException (outcome failure)")
    }

    /// A trust anchor that is never used by a profile: suspicious context, but not the rule's action.
    mutating func plantTrustAnchorOnly(at time: Int64, account: Int) {
        let directory = accounts[account]
        var actor = directory.ssoSessions[0]
        actor.console = false
        actor.client = .terraform
        let name = "pki-staging-" + random.hex(6)
        let anchor = addTrustAnchor(
            at: time, account: account, actor: actor, name: name, region: configuration.regions[0], privateCA: true
        )
        record(
            anchor.draft, rule: PlantedEvent.rolesAnywhereRule, kind: .nearMiss,
            "CreateTrustAnchor \(name) with no CreateProfile (not the rule's action)")
    }

    // MARK: Records

    struct TrustAnchor {
        var draft: EventDraft
        var name: String
        var arn: String
    }

    mutating func addTrustAnchor(
        at time: Int64, account: Int, actor: Actor, name: String, region: String, privateCA: Bool? = nil
    ) -> TrustAnchor {
        let acct = accounts[account].id
        let anchorID = random.uuid()
        let arn = "arn:aws:rolesanywhere:\(region):\(acct):trust-anchor/\(anchorID)"
        let usePCA = privateCA ?? random.chance(30)
        let certificate = Self.fakeCertificate(&random)
        let pcaArn = "arn:aws:acm-pca:\(region):\(acct):certificate-authority/\(random.uuid())"
        let nanos = random.below(1_000_000_000)
        let draft = add(
            at: time, account: account, region: region, actor: actor, service: "rolesanywhere",
            name: "CreateTrustAnchor"
        ) { draft, _ in
            let stamp = UTCTime.iso8601Nanos(draft.time, nanos: nanos)
            let source: Payload = { json in
                json.object { source in
                    source.key("sourceData")
                    source.object { data in
                        if usePCA {
                            data.field("acmPcaArn", pcaArn)
                        } else {
                            data.field("x509CertificateData", certificate)
                        }
                    }
                    source.field("sourceType", usePCA ? "AWS_ACM_PCA" : "CERTIFICATE_BUNDLE")
                }
            }
            draft.request = { json in
                json.object { parameters in
                    parameters.field("enabled", bool: true)
                    parameters.field("name", name)
                    parameters.key("source")
                    source(&parameters)
                    parameters.key("tags")
                    parameters.array { _ in }
                }
            }
            draft.response = { json in
                json.object { response in
                    response.key("trustAnchor")
                    response.object { anchor in
                        anchor.field("createdAt", stamp)
                        anchor.field("enabled", bool: true)
                        anchor.field("name", name)
                        anchor.key("notificationSettings")
                        anchor.array { settings in
                            for event in ["CA_CERTIFICATE_EXPIRY", "END_ENTITY_CERTIFICATE_EXPIRY"] {
                                settings.object { setting in
                                    setting.field("channel", "ALL")
                                    setting.field("configuredBy", "rolesanywhere.amazonaws.com")
                                    setting.field("enabled", bool: true)
                                    setting.field("event", event)
                                    setting.field("threshold", int: 45)
                                }
                            }
                        }
                        anchor.key("source")
                        source(&anchor)
                        anchor.field("trustAnchorArn", arn)
                        anchor.field("trustAnchorId", anchorID)
                        anchor.field("updatedAt", stamp)
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
        let draft = add(
            at: time, account: account, region: region, actor: actor, service: "rolesanywhere", name: "CreateProfile"
        ) { draft, _ in
            let stamp = UTCTime.iso8601Nanos(draft.time, nanos: nanos)
            draft.request = { json in
                json.object { parameters in
                    parameters.field("durationSeconds", int: duration)
                    parameters.field("enabled", bool: true)
                    parameters.field("name", name)
                    parameters.key("roleArns")
                    parameters.array { arns in for role in roles { arns.string(role) } }
                    parameters.key("tags")
                    parameters.array { _ in }
                }
            }
            draft.response = { json in
                json.object { response in
                    response.key("profile")
                    response.object { profile in
                        profile.field("acceptRoleSessionName", bool: false)
                        profile.key("attributeMappings")
                        profile.array { mappings in Self.writeDefaultAttributeMappings(into: &mappings) }
                        profile.field("createdAt", stamp)
                        profile.field("createdBy", creator)
                        profile.field("durationSeconds", int: duration)
                        profile.field("enabled", bool: true)
                        profile.field("name", name)
                        profile.field("profileArn", profileArn)
                        profile.field("profileId", profileID)
                        profile.key("roleArns")
                        profile.array { arns in for role in roles { arns.string(role) } }
                        profile.field("updatedAt", stamp)
                    }
                }
            }
        }
        return (draft, profileArn)
    }

    /// The certificate-to-attribute mappings Roles Anywhere gives a profile created without any.
    static func writeDefaultAttributeMappings(into mappings: inout JSONBuffer) {
        let defaults = [("x509Issuer", ["*"]), ("x509SAN", ["DNS", "URI", "Name/*"]), ("x509Subject", ["*"])]
        for (field, specifiers) in defaults {
            mappings.object { mapping in
                mapping.field("certificateField", field)
                mapping.key("mappingRules")
                mapping.array { rules in
                    for specifier in specifiers { rules.object { rule in rule.field("specifier", specifier) } }
                }
            }
        }
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
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }
}
