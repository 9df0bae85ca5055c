/// STS, IAM and sign-in: credentials being issued, identities checked and people signing in.
extension BackgroundCall {
    /// `sts:AssumeRole` made by EC2, ECS or Lambda to hand a workload its role's credentials.
    mutating func stsAssumeRoleByService() -> EventDraft {
        let session = random.pick(account.lambdaSessions + account.instanceSessions + account.containerSessions)
        let servicePrincipal: String
        if session.ec2RoleDelivery {
            servicePrincipal = "ec2.amazonaws.com"
        } else {
            // ECS task sessions are named after the 32-character task id; the rest are functions.
            servicePrincipal = session.sessionName.count == 32 ? "ecs-tasks.amazonaws.com" : "lambda.amazonaws.com"
        }
        let caller = Actor.service(servicePrincipal, account: account.id)
        var draft = blank(by: caller, service: "sts", name: "AssumeRole", readOnly: true)
        let roleArn = session.issuerArn ?? ""
        let sessionName = session.sessionName
        let assumedRoleID = session.principalID
        let assumedRoleArn = session.arn
        let accessKeyID = session.accessKey(at: time + 3600)
        let expiration = UTCTime.javaStyle(time + 6 * 3600)
        draft.request = { json in
            json.object { parameters in
                parameters.field("roleArn", roleArn)
                parameters.field("roleSessionName", sessionName)
            }
        }
        draft.response = { json in
            json.object { response in
                response.stsCredentials(accessKeyID: accessKeyID, expiration: expiration)
                response.assumedRoleUser(id: assumedRoleID, arn: assumedRoleArn)
            }
        }
        draft.resources = [.init(type: "AWS::IAM::Role", arn: roleArn, accountID: account.id)]
        draft.sharedEventID = random.uuid()
        return draft
    }

    /// `sts:GetCallerIdentity`, which people, scripts and agents call to check who they are.
    mutating func stsGetCallerIdentity() -> EventDraft {
        let caller = random.pick(account.humans + account.automation + account.instanceSessions + account.ssoSessions)
        return blank(by: caller, service: "sts", name: "GetCallerIdentity", readOnly: true)
    }

    /// `sts:GetFederationToken` by the reporting automation, issuing the federated user's credentials.
    mutating func stsGetFederationToken() -> EventDraft {
        let issuer = account.automation[2]
        var draft = blank(by: issuer, service: "sts", name: "GetFederationToken", readOnly: true)
        let federatedArn = account.federated.arn
        let federatedID = account.federated.principalID
        let expiration = UTCTime.javaStyle(time + 12 * 3600)
        let accessKeyID = account.federated.accessKey(at: time + 60)
        draft.request = { json in
            json.object { parameters in
                parameters.field("name", "report-portal")
                parameters.field("durationSeconds", int: 43_200)
            }
        }
        draft.response = { json in
            json.object { response in
                response.stsCredentials(accessKeyID: accessKeyID, expiration: expiration)
                response.key("federatedUser")
                response.object { user in
                    user.field("federatedUserId", federatedID)
                    user.field("arn", federatedArn)
                }
            }
        }
        return draft
    }

    /// One of IAM's read calls (`ListRoles`, `GetRole`, `GetPolicy`, …), drawn at random.
    mutating func iamReadCall() -> EventDraft {
        let caller = random.pick(account.humans + account.ssoSessions + account.automation + account.ciSessions)
        let role = random.pick(account.roleNames)
        let eventName = random.pick([
            "ListRoles", "GetRole", "ListAttachedRolePolicies", "GetPolicy", "ListUsers", "GetUser", "ListPolicies",
            "GetAccountSummary",
        ])
        var draft = blank(by: caller, service: "iam", name: eventName, readOnly: true, region: globalRegion)
        // Both are drawn whatever the call, so every call consumes the same random values.
        let policyArn = random.pick([
            "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::\(account.id):policy/s3-data-lake-read",
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        ])
        let userName = random.pick(account.humans).userName ?? "alice.nguyen"
        switch eventName {
        case "GetRole", "ListAttachedRolePolicies":
            draft.request = { json in json.object { parameters in parameters.field("roleName", role) } }
        case "GetPolicy":
            draft.request = { json in json.object { parameters in parameters.field("policyArn", policyArn) } }
        case "GetUser":
            draft.request = { json in json.object { parameters in parameters.field("userName", userName) } }
        case "ListPolicies":
            draft.request = { json in
                json.object { parameters in
                    parameters.field("scope", "Local")
                    parameters.field("onlyAttached", bool: false)
                    parameters.field("maxItems", int: 100)
                }
            }
        case "ListRoles", "ListUsers":
            draft.request = { json in json.object { parameters in parameters.field("maxItems", int: 100) } }
        default:
            break
        }
        return draft
    }

    /// `signin:ConsoleLogin` by an IAM user, an SSO session or root; a few fail.
    mutating func signinConsoleLogin() -> EventDraft {
        let caller: Actor
        if random.chance(4) {
            caller = account.root
        } else {
            let consoleUsers = account.humans.filter(\.console) + account.ssoSessions.filter(\.console)
            caller = random.pick(consoleUsers + [account.root])
        }
        var draft = blank(by: caller, service: "signin", name: "ConsoleLogin", readOnly: false, region: globalRegion)
        let failed = random.chance(6)
        let usedMFA = caller.mfa || caller.kind == .assumedRole
        // Role sessions count as signed in with MFA but have no IAM MFA device of their own to name.
        let mfaDevice =
            usedMFA && caller.kind != .assumedRole
            ? "arn:aws:iam::\(account.id):mfa/\(caller.userName ?? "root-account-mfa-device")"
            : nil
        if failed {
            draft.errorMessage = "Failed authentication"
        }
        draft.response = { json in
            json.object { response in response.field("ConsoleLogin", failed ? "Failure" : "Success") }
        }
        draft.additional = { json in
            json.object { details in
                details.field(
                    "LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true"
                )
                details.field("MobileVersion", "No")
                details.field("MFAIdentifier", mfaDevice)
                details.field("MFAUsed", usedMFA ? "Yes" : "No")
            }
        }
        draft.eventType = "AwsConsoleSignIn"
        return draft
    }

    /// `signin:UserAuthentication`: a person signing in to the Identity Center portal.
    mutating func signinUserAuthentication() -> EventDraft {
        let caller = random.pick(account.identityCenterUsers)
        var draft = blank(
            by: caller, service: "signin", name: "UserAuthentication", readOnly: false, region: globalRegion
        )
        let person = random.pick(AccountDirectory.people)
        let workflowID = random.uuid()
        draft.additional = { json in
            json.object { details in
                details.field("AuthWorkflowID", workflowID)
                details.field("UserName", "\(person)@example.com")
                details.field("LoginTo", "https://d-90676a1b2c.awsapps.com/start/")
                details.field("CredentialType", "PASSWORD")
            }
        }
        draft.serviceEventDetails = { json in
            json.object { details in details.field("UserAuthentication", "Success") }
        }
        draft.eventType = "AwsServiceEvent"
        return draft
    }
}
