/// Scenarios for the new-terms rule on `CreateUser` from an EC2 instance-role session.
///
/// The rule matches successful `CreateUser` calls by `AssumedRole` identities whose ARN matches
/// `*i-*`, and alerts once per ARN per 14 days of history.
extension ScenarioPlanter {
    /// A compromised instance creates a backdoor admin user, gives it keys, a policy and a
    /// console password, then the new user's key is used from outside.
    mutating func plantInstanceCompromise(at time: Int64, account: Int, plantRepeat: Bool) {
        let directory = accounts[account]
        let acct = directory.id
        let template = random.pick(directory.instanceSessions)
        let actor = Actor.roleSession(
            account: acct, role: template.issuerName ?? "web-tier-ec2-role",
            roleID: template.issuerPrincipalID ?? "AROA",
            session: freshInstanceID(), client: .cli(os: "linux#5.10.225-213.878.amzn2.x86_64"),
            ip: AccountDirectory.cloudIP(&random), ec2: true
        )
        let role = actor.issuerName ?? ""

        add(at: time, account: account, actor: actor, service: "sts", name: "GetCallerIdentity", readOnly: true)
        add(
            at: time + 23, account: account, actor: actor, service: "iam", name: "ListAttachedRolePolicies",
            readOnly: true
        ) { draft, _ in
            draft.request = { json in json.object { parameters in parameters.field("roleName", role) } }
        }

        let userName = backdoorName()
        let created = addCreateUser(at: time + 64, account: account, actor: actor, userName: userName)
        record(
            created.draft, rule: PlantedEvent.createUserRule, kind: .truePositive,
            "CreateUser \(userName) by EC2 instance session \(actor.arn); first CreateUser by this ARN")

        let accessKey = "AKIA" + random.upperAlphanumeric(16)
        add(at: time + 79, account: account, actor: actor, service: "iam", name: "CreateAccessKey") { draft, _ in
            let date = UTCTime.javaStyle(draft.time)
            draft.request = { json in json.object { parameters in parameters.field("userName", userName) } }
            draft.response = { json in
                json.object { response in
                    response.key("accessKey")
                    response.object { key in
                        key.field("accessKeyId", accessKey)
                        key.field("status", "Active")
                        key.field("userName", userName)
                        key.field("createDate", date)
                    }
                }
            }
        }
        add(at: time + 93, account: account, actor: actor, service: "iam", name: "AttachUserPolicy") { draft, _ in
            draft.request = { json in
                json.object { parameters in
                    parameters.field("userName", userName)
                    parameters.field("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess")
                }
            }
        }
        add(at: time + 118, account: account, actor: actor, service: "iam", name: "CreateLoginProfile") { draft, _ in
            let date = UTCTime.javaStyle(draft.time)
            draft.request = { json in
                json.object { parameters in
                    parameters.field("userName", userName)
                    parameters.field("passwordResetRequired", bool: false)
                }
            }
            draft.response = { json in
                json.object { response in
                    response.key("loginProfile")
                    response.object { profile in
                        profile.field("userName", userName)
                        profile.field("createDate", date)
                        profile.field("passwordResetRequired", bool: false)
                    }
                }
            }
        }

        // The backdoor user's key is then used from an outside address.
        let backdoor = Actor(
            kind: .iamUser, accountID: acct, arn: "arn:aws:iam::\(acct):user/\(userName)",
            principalID: created.userID, accessKeyID: accessKey, userName: userName,
            client: .cli(os: "linux#6.1.0-26-amd64"), sourceIP: intruderIP()
        )
        let later = time + 600 + Int64(random.below(900))
        add(at: later, account: account, actor: backdoor, service: "sts", name: "GetCallerIdentity", readOnly: true)
        add(
            at: later + 17, account: account, actor: backdoor, service: "iam", name: "ListUsers", readOnly: true
        ) { draft, _ in
            draft.request = { json in json.object { parameters in parameters.field("maxItems", int: 1000) } }
        }

        // The same session creates another user a few hours later: its ARN is no longer new.
        let secondName = backdoorName()
        let second = addCreateUser(
            at: time + 3600 + Int64(random.below(5 * 3600)), account: account, actor: actor, userName: secondName
        )
        record(
            second.draft, rule: PlantedEvent.createUserRule, kind: .nearMiss,
            "CreateUser \(secondName) by the same instance session \(actor.arn) within the 14-day history window")

        if plantRepeat {
            let thirdName = backdoorName()
            let third = addCreateUser(
                at: time + 15 * UTCTime.secondsPerDay + 6 * 3600 + Int64(random.below(3 * 3600)),
                account: account, actor: actor, userName: thirdName
            )
            record(
                third.draft, rule: PlantedEvent.createUserRule, kind: .truePositive,
                "CreateUser \(thirdName) by \(actor.arn) more than 14 days after its previous CreateUser "
                    + "(new again)")
        }
    }

    /// Long-term IAM user creating a user: the rule requires an `AssumedRole` identity.
    mutating func plantCreateUserByIAMUser(at time: Int64, account: Int) {
        let actor = accounts[account].automation[0]
        let name = "svc-metrics-exporter-" + random.hex(4)
        let created = addCreateUser(at: time, account: account, actor: actor, userName: name)
        record(
            created.draft, rule: PlantedEvent.createUserRule, kind: .nearMiss,
            "CreateUser \(name) by IAM user \(actor.arn) (not an assumed role)")
    }

    /// An administrator's Identity Center session: an assumed role, but no `i-` in the ARN.
    mutating func plantCreateUserBySSOSession(at time: Int64, account: Int) {
        var actor = accounts[account].ssoSessions[0]
        actor.console = true
        actor.client = .console(browser: ClientProfile.chrome)
        let name = random.pick(["contractor.", "auditor.", "vendor."]) + random.hex(4)
        let created = addCreateUser(at: time, account: account, actor: actor, userName: name)
        record(
            created.draft, rule: PlantedEvent.createUserRule, kind: .nearMiss,
            "CreateUser \(name) by SSO session \(actor.arn) (session is a person, not an instance)")
    }

    /// A provisioning Lambda function's session: an assumed role whose ARN has no `i-`.
    mutating func plantCreateUserByFunction(at time: Int64, account: Int) {
        let acct = accounts[account].id
        let actor = Actor.roleSession(
            account: acct, role: "user-provisioner-role-" + random.hex(8),
            roleID: "AROA" + random.upperAlphanumeric(17),
            session: "user-provisioner", client: .boto3(environment: "exec-env/AWS_Lambda_python3.12"),
            ip: AccountDirectory.cloudIP(&random)
        )
        let name = "app-" + random.pick(["reporting", "billing", "exports"]) + "-" + random.hex(4)
        let created = addCreateUser(at: time, account: account, actor: actor, userName: name)
        record(
            created.draft, rule: PlantedEvent.createUserRule, kind: .nearMiss,
            "CreateUser \(name) by Lambda session \(actor.arn) (session is a function name)")
    }

    /// A CI role whose name contains `i-`: the seed query's `*i-*` matches it although no
    /// instance is involved. It alerts, and is listed as the false-positive shape it is.
    mutating func plantCreateUserByLookalikeRole(at time: Int64, account: Int) {
        let acct = accounts[account].id
        let role = random.pick(["api-deployer", "multi-account-provisioner", "ci-user-sync"])
        let actor = Actor.roleSession(
            account: acct, role: role, roleID: "AROA" + random.upperAlphanumeric(17),
            session: "jenkins-\(random.within(1_000...9_999))-\(random.hex(4))", client: .javaSDK,
            ip: AccountDirectory.officeIP(&random)
        )
        let name = "deploy-" + random.hex(6)
        let created = addCreateUser(at: time, account: account, actor: actor, userName: name)
        record(
            created.draft, rule: PlantedEvent.createUserRule, kind: .falsePositiveShape,
            "CreateUser \(name) by \(actor.arn): `*i-*` matches the role name, the session is not an instance")
    }

    /// An instance session whose CreateUser is refused: right identity, failed outcome.
    mutating func plantDeniedInstanceCreateUser(at time: Int64, account: Int) {
        let directory = accounts[account]
        let template = random.pick(directory.instanceSessions)
        let actor = Actor.roleSession(
            account: directory.id, role: template.issuerName ?? "batch-worker-ec2-role",
            roleID: template.issuerPrincipalID ?? "AROA",
            session: freshInstanceID(), client: .boto3(environment: "exec-env/EC2"), ip: template.sourceIP, ec2: true
        )
        let name = backdoorName()
        let created = addCreateUser(at: time, account: account, actor: actor, userName: name, denied: true)
        record(
            created.draft, rule: PlantedEvent.createUserRule, kind: .nearMiss,
            "CreateUser \(name) by instance session \(actor.arn) refused with AccessDenied")
    }

    // MARK: Records

    mutating func addCreateUser(
        at time: Int64, account: Int, actor: Actor, userName: String, denied: Bool = false
    ) -> (draft: EventDraft, userID: String) {
        let acct = accounts[account].id
        let userID = "AIDA" + random.upperAlphanumeric(17)
        let draft = add(at: time, account: account, actor: actor, service: "iam", name: "CreateUser") { draft, _ in
            draft.request = { json in json.object { parameters in parameters.field("userName", userName) } }
            if denied {
                draft.errorCode = "AccessDenied"
                draft.errorMessage =
                    "User: \(actor.arn) is not authorized to perform: iam:CreateUser on resource: "
                    + "arn:aws:iam::\(acct):user/\(userName) "
                    + "because no identity-based policy allows the iam:CreateUser action"
                return
            }
            let date = UTCTime.javaStyle(draft.time)
            draft.response = { json in
                json.object { response in
                    response.key("user")
                    response.object { user in
                        user.field("path", "/")
                        user.field("userName", userName)
                        user.field("userId", userID)
                        user.field("arn", "arn:aws:iam::\(acct):user/\(userName)")
                        user.field("createDate", date)
                    }
                }
            }
        }
        return (draft, userID)
    }

    /// Names intruders pick to blend in with service accounts.
    mutating func backdoorName() -> String {
        random.pick(["svc-backup-sync", "aws-health-monitor", "support-ops", "devops-temp", "cloudwatch-agent-svc"])
            + "-" + random.hex(4)
    }
}
