extension CloudTrailGenerator {
    /// One routine record at `time`: an account, region, caller and API drawn from the weights.
    func backgroundDraft(random: inout RandomSource, time: Int64) -> EventDraft {
        // The first account is the busy production account; the rest share the remainder.
        let accountIndex = random.chance(50) ? 0 : random.below(accounts.count)
        let account = accounts[accountIndex]
        let region = random.chance(60) ? configuration.regions[0] : random.pick(configuration.regions)
        var draft = routineCall(Activity.pick(&random), account: account, index: accountIndex, region: region, time: time, random: &random)
        // A small share of calls by people and workloads are refused, as least-privilege policies
        // and exploratory tooling produce; data events and service calls are left alone.
        if !draft.isData, draft.actor.kind != .awsService, draft.service != "signin", draft.errorCode == nil,
           random.chance(2.5) {
            draft.deny()
        }
        return draft
    }

    /// Fills the fields every record has.
    func blank(
        _ random: inout RandomSource, time: Int64, account: Int, region: String, actor: Actor,
        service: String, name: String, readOnly: Bool
    ) -> EventDraft {
        EventDraft.make(
            &random, time: time, account: account, accountID: accounts[account].id, region: region,
            actor: actor, service: service, name: name, readOnly: readOnly
        )
    }

    private func routineCall(
        _ activity: Activity, account a: AccountDirectory, index: Int, region: String, time: Int64,
        random r: inout RandomSource
    ) -> EventDraft {
        let acct = a.id
        switch activity {
        case .s3GetObject, .s3PutObject, .s3HeadObject:
            let caller = r.chance(3) ? a.federated : workload(a, &r)
            let name = activity == .s3GetObject ? "GetObject" : activity == .s3PutObject ? "PutObject" : "HeadObject"
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "s3", name: name, readOnly: name != "PutObject")
            d.isData = true
            let bucket = r.pick(a.buckets)
            let key = Self.objectKey(&r)
            let host = "\(bucket).s3.\(region).amazonaws.com"
            let size = r.within(200...4_000_000)
            d.host = host
            d.request = { j in j.object { p in p.field("bucketName", bucket); p.field("Host", host); p.field("key", key) } }
            if name == "PutObject" {
                let etag = r.hex(32)
                d.response = { j in j.object { p in p.field("x-amz-server-side-encryption", "aws:kms"); p.field("x-amz-server-side-encryption-aws-kms-key-id", "arn:aws:kms:\(region):\(acct):key/\(a.kmsKeys[0])"); p.field("x-amz-version-id", etag) } }
            }
            let amzID = r.alphanumeric(43)
            let inBytes = name == "PutObject" ? size : 0
            let outBytes = name == "GetObject" ? size : 0
            d.additional = { j in
                j.object { e in
                    e.field("SignatureVersion", "SigV4")
                    e.field("CipherSuite", "TLS_AES_128_GCM_SHA256")
                    e.field("bytesTransferredIn", int: inBytes)
                    e.field("SSEApplied", "SSE_KMS")
                    e.field("AuthenticationMethod", "AuthHeader")
                    e.field("x-amz-id-2", amzID + "=")
                    e.field("bytesTransferredOut", int: outBytes)
                }
            }
            d.resources = [
                .init(type: "AWS::S3::Object", arn: "arn:aws:s3:::\(bucket)/\(key)"),
                .init(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::\(bucket)", accountID: acct),
            ]
            return d

        case .s3ListObjects:
            var d = blank(&r, time: time, account: index, region: region, actor: workload(a, &r), service: "s3", name: "ListObjects", readOnly: true)
            d.isData = true
            let bucket = r.pick(a.buckets)
            let host = "\(bucket).s3.\(region).amazonaws.com"
            let prefix = r.pick(["exports/", "incoming/2026/", "reports/daily/", "", "tmp/"])
            d.host = host
            d.request = { j in j.object { p in p.field("list-type", "2"); p.field("bucketName", bucket); p.field("encoding-type", "url"); p.field("max-keys", "1000"); p.field("prefix", prefix); p.field("Host", host) } }
            let amzID = r.alphanumeric(43)
            d.additional = { j in j.object { e in e.field("SignatureVersion", "SigV4"); e.field("CipherSuite", "TLS_AES_128_GCM_SHA256"); e.field("bytesTransferredIn", int: 0); e.field("AuthenticationMethod", "AuthHeader"); e.field("x-amz-id-2", amzID + "="); e.field("bytesTransferredOut", int: 2_048) } }
            d.resources = [.init(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::\(bucket)", accountID: acct)]
            return d

        case .kmsDecrypt, .kmsGenerateDataKey:
            let decrypt = activity == .kmsDecrypt
            var caller = workload(a, &r)
            let viaS3 = !decrypt || r.chance(40)
            if viaS3 { caller.invokedBy = "s3.amazonaws.com" }
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "kms", name: decrypt ? "Decrypt" : "GenerateDataKey", readOnly: true)
            let keyArn = "arn:aws:kms:\(region):\(acct):key/\(r.pick(a.kmsKeys))"
            let objectArn = "arn:aws:s3:::\(r.pick(a.buckets))/\(Self.objectKey(&r))"
            if viaS3 {
                d.sourceIP = "s3.amazonaws.com"
                d.userAgent = "s3.amazonaws.com"
            }
            d.request = { j in
                j.object { p in
                    if !decrypt { p.field("keyId", keyArn); p.field("keySpec", "AES_256") }
                    p.key("encryptionContext")
                    p.object { c in c.field("aws:s3:arn", objectArn) }
                    if decrypt { p.field("encryptionAlgorithm", "SYMMETRIC_DEFAULT") }
                }
            }
            d.resources = [.init(type: "AWS::KMS::Key", arn: keyArn, accountID: acct)]
            return d

        case .stsAssumeRoleByService:
            let session = r.pick(a.lambdaSessions + a.instanceSessions + a.containerSessions)
            let host = session.ec2RoleDelivery ? "ec2.amazonaws.com" : session.sessionName.count == 32 ? "ecs-tasks.amazonaws.com" : "lambda.amazonaws.com"
            var d = blank(&r, time: time, account: index, region: region, actor: .service(host, account: acct), service: "sts", name: "AssumeRole", readOnly: true)
            let roleArn = session.issuerArn ?? ""
            let sessionName = session.sessionName
            let assumedID = session.principalID
            let assumedArn = session.arn
            let key = session.accessKey(at: time + 3600)
            let expiry = UTCTime.javaStyle(time + 6 * 3600)
            d.request = { j in j.object { p in p.field("roleArn", roleArn); p.field("roleSessionName", sessionName) } }
            d.response = { j in
                j.object { p in
                    p.key("credentials")
                    p.object { c in c.field("accessKeyId", key); c.field("sessionToken", "HIDDEN_DUE_TO_SECURITY_REASONS"); c.field("expiration", expiry) }
                    p.key("assumedRoleUser")
                    p.object { u in u.field("assumedRoleId", assumedID); u.field("arn", assumedArn) }
                }
            }
            d.resources = [.init(type: "AWS::IAM::Role", arn: roleArn, accountID: acct)]
            d.sharedEventID = r.uuid()
            return d

        case .stsGetCallerIdentity:
            let caller = r.pick(a.humans + a.automation + a.instanceSessions + a.ssoSessions)
            return blank(&r, time: time, account: index, region: region, actor: caller, service: "sts", name: "GetCallerIdentity", readOnly: true)

        case .stsGetFederationToken:
            let issuer = a.automation[2]
            var d = blank(&r, time: time, account: index, region: region, actor: issuer, service: "sts", name: "GetFederationToken", readOnly: true)
            let federatedArn = a.federated.arn
            let federatedID = a.federated.principalID
            let expiry = UTCTime.javaStyle(time + 12 * 3600)
            let key = a.federated.accessKey(at: time + 60)
            d.request = { j in j.object { p in p.field("name", "report-portal"); p.field("durationSeconds", int: 43_200) } }
            d.response = { j in
                j.object { p in
                    p.key("credentials")
                    p.object { c in c.field("accessKeyId", key); c.field("sessionToken", "HIDDEN_DUE_TO_SECURITY_REASONS"); c.field("expiration", expiry) }
                    p.key("federatedUser")
                    p.object { u in u.field("federatedUserId", federatedID); u.field("arn", federatedArn) }
                }
            }
            return d

        case .ec2DescribeInstances:
            let caller = r.chance(30) ? a.services[3] : operatorOrWorkload(a, &r)
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "ec2", name: "DescribeInstances", readOnly: true)
            let ids = Array(a.instanceIDs.shuffledDeterministically(&r).prefix(r.within(1...3)))
            let filtered = r.chance(50)
            d.request = { j in
                j.object { p in
                    p.key("instancesSet")
                    p.object { s in
                        if filtered { s.key("items"); s.array { a in for id in ids { a.object { i in i.field("instanceId", id) } } } }
                    }
                    p.key("filterSet")
                    p.object { _ in }
                }
            }
            return d

        case .ec2DescribeSecurityGroups, .ec2DescribeVolumes, .ec2DescribeSubnets, .ec2DescribeNetworkInterfaces:
            let caller = r.chance(25) ? r.pick(a.services) : operatorOrWorkload(a, &r)
            let name: String
            let setKey: String
            let items: [String]
            let itemKey: String
            switch activity {
            case .ec2DescribeSecurityGroups: (name, setKey, items, itemKey) = ("DescribeSecurityGroups", "securityGroupIdSet", a.securityGroups, "groupId")
            case .ec2DescribeVolumes: (name, setKey, items, itemKey) = ("DescribeVolumes", "volumeSet", [], "volumeId")
            case .ec2DescribeSubnets: (name, setKey, items, itemKey) = ("DescribeSubnets", "subnetSet", a.subnets, "subnetId")
            default: (name, setKey, items, itemKey) = ("DescribeNetworkInterfaces", "networkInterfaceIdSet", [], "networkInterfaceId")
            }
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "ec2", name: name, readOnly: true)
            let chosen = items.isEmpty ? [] : [r.pick(items)]
            let vpc = r.pick(a.vpcs)
            d.request = { j in
                j.object { p in
                    p.key(dynamic: setKey)
                    p.object { s in if !chosen.isEmpty { s.key("items"); s.array { a in for id in chosen { a.object { i in i.key(dynamic: itemKey); i.string(id) } } } } }
                    p.key("filterSet")
                    p.object { f in
                        f.key("items")
                        f.array { a in a.object { i in i.field("name", "vpc-id"); i.key("valueSet"); i.object { v in v.key("items"); v.array { x in x.object { y in y.field("value", vpc) } } } } }
                    }
                }
            }
            return d

        case .iamRead:
            let caller = r.pick(a.humans + a.ssoSessions + a.automation + a.ciSessions)
            let role = r.pick(a.roleNames)
            let options = ["ListRoles", "GetRole", "ListAttachedRolePolicies", "GetPolicy", "ListUsers", "GetUser", "ListPolicies", "GetAccountSummary"]
            let name = r.pick(options)
            var d = blank(&r, time: time, account: index, region: globalRegion, actor: caller, service: "iam", name: name, readOnly: true)
            let policyArn = r.pick(["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::\(acct):policy/s3-data-lake-read", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"])
            let userName = r.pick(a.humans).userName ?? "alice.nguyen"
            switch name {
            case "GetRole", "ListAttachedRolePolicies":
                d.request = { j in j.object { p in p.field("roleName", role) } }
            case "GetPolicy":
                d.request = { j in j.object { p in p.field("policyArn", policyArn) } }
            case "GetUser":
                d.request = { j in j.object { p in p.field("userName", userName) } }
            case "ListPolicies":
                d.request = { j in j.object { p in p.field("scope", "Local"); p.field("onlyAttached", bool: false); p.field("maxItems", int: 100) } }
            case "ListRoles", "ListUsers":
                d.request = { j in j.object { p in p.field("maxItems", int: 100) } }
            default:
                break
            }
            return d

        case .lambdaGetFunction, .lambdaListFunctions:
            let caller = r.pick(a.ssoSessions + a.ciSessions + a.humans)
            let get = activity == .lambdaGetFunction
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "lambda", name: get ? "GetFunction20150331v2" : "ListFunctions20150331", readOnly: true)
            let function = r.pick(a.functions)
            if get {
                d.request = { j in j.object { p in p.field("functionName", function) } }
            } else {
                d.request = { j in j.object { p in p.field("maxItems", int: 50) } }
            }
            return d

        case .lambdaInvoke:
            let caller = r.chance(50) ? r.pick(a.containerSessions) : r.pick(a.lambdaSessions)
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "lambda", name: "Invoke", readOnly: false)
            d.isData = true
            let functionArn = "arn:aws:lambda:\(region):\(acct):function:\(r.pick(a.functions))"
            d.request = { j in j.object { p in p.field("functionName", functionArn); p.field("invocationType", "Event"); p.field("sourceArn", "arn:aws:sqs:\(region):\(acct):orders-queue") } }
            d.additional = { j in j.object { e in e.field("functionVersion", functionArn + ":$LATEST") } }
            d.resources = [.init(type: "AWS::Lambda::Function", arn: functionArn, accountID: acct)]
            return d

        case .cloudwatchDescribeAlarms, .cloudwatchGetMetricData:
            let caller = r.chance(60) ? r.pick(a.ssoSessions + a.humans) : a.automation[1]
            let describe = activity == .cloudwatchDescribeAlarms
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "monitoring", name: describe ? "DescribeAlarms" : "GetMetricData", readOnly: true)
            let from = UTCTime.iso8601(time - 10_800)
            let to = UTCTime.iso8601(time)
            let instance = r.pick(a.instanceIDs)
            if describe {
                d.request = { j in j.object { p in p.field("maxRecords", int: 100); p.key("alarmTypes"); p.array { t in t.string("CompositeAlarm"); t.string("MetricAlarm") } } }
            } else {
                d.request = { j in
                    j.object { p in
                        p.key("metricDataQueries")
                        p.array { q in
                            q.object { m in
                                m.field("id", "cpu")
                                m.key("metricStat")
                                m.object { s in
                                    s.key("metric")
                                    s.object { x in x.field("namespace", "AWS/EC2"); x.field("metricName", "CPUUtilization"); x.key("dimensions"); x.array { d in d.object { y in y.field("name", "InstanceId"); y.field("value", instance) } } }
                                    s.field("period", int: 300)
                                    s.field("stat", "Average")
                                }
                                m.field("returnData", bool: true)
                            }
                        }
                        p.field("startTime", from)
                        p.field("endTime", to)
                    }
                }
            }
            d.host = "monitoring.\(region).amazonaws.com"
            return d

        case .logsCreateLogStream, .logsDescribeLogGroups, .logsFilterLogEvents:
            let name = activity == .logsCreateLogStream ? "CreateLogStream" : activity == .logsDescribeLogGroups ? "DescribeLogGroups" : "FilterLogEvents"
            let caller = name == "CreateLogStream" ? workload(a, &r) : r.pick(a.ssoSessions + a.humans)
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "logs", name: name, readOnly: name != "CreateLogStream")
            let group = r.pick(a.logGroups)
            let stream = "\(UTCTime.folderDate(time))/[$LATEST]\(r.hex(32))"
            let filter = r.pick(["ERROR", "\"status\": 500", "Timeout", "?Exception ?error"])
            switch name {
            case "CreateLogStream":
                d.request = { j in j.object { p in p.field("logGroupName", group); p.field("logStreamName", stream) } }
            case "DescribeLogGroups":
                d.request = { j in j.object { p in p.field("logGroupNamePrefix", "/aws/lambda/"); p.field("limit", int: 50) } }
            default:
                d.request = { j in j.object { p in p.field("logGroupName", group); p.field("filterPattern", filter); p.field("startTime", int: Int(time - 3600) * 1000); p.field("interleaved", bool: true) } }
            }
            return d

        case .ssmUpdateInstanceInformation:
            let caller = r.pick(a.instanceSessions)
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "ssm", name: "UpdateInstanceInformation", readOnly: false)
            d.userAgent = "aws-sdk-go/1.55.5 (go1.23.8; linux; amd64) exec-env/EC2 amazon-ssm-agent/3.3.987.0"
            let instance = caller.sessionName
            let zone = region + r.pick(["a", "b", "c"])
            d.request = { j in
                j.object { p in
                    p.field("instanceId", instance); p.field("agentVersion", "3.3.987.0"); p.field("agentStatus", "Active")
                    p.field("platformType", "Linux"); p.field("platformName", "Amazon Linux"); p.field("platformVersion", "2023")
                    p.field("iPAddress", "HIDDEN_DUE_TO_SECURITY_REASONS"); p.field("computerName", "ip-10-0-\(instance.count)-\(instance.utf8.count * 3).ec2.internal")
                    p.field("agentName", "amazon-ssm-agent"); p.field("availabilityZone", zone); p.field("sSMConnectionChannel", "ssmmessages")
                }
            }
            return d

        case .ssmGetParameter:
            let caller = workload(a, &r)
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "ssm", name: "GetParameter", readOnly: true)
            let parameter = r.pick(a.parameters)
            d.request = { j in j.object { p in p.field("name", parameter); p.field("withDecryption", bool: true) } }
            return d

        case .dynamodbDescribeTable, .dynamodbGetItem, .dynamodbPutItem, .dynamodbQuery:
            let name = activity == .dynamodbDescribeTable ? "DescribeTable" : activity == .dynamodbGetItem ? "GetItem" : activity == .dynamodbPutItem ? "PutItem" : "Query"
            let caller = workload(a, &r)
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "dynamodb", name: name, readOnly: name != "PutItem")
            d.isData = name != "DescribeTable"
            let table = r.pick(a.tables)
            let tableArn = "arn:aws:dynamodb:\(region):\(acct):table/\(table)"
            d.request = { j in
                j.object { p in
                    p.field("tableName", table)
                    switch name {
                    case "GetItem", "PutItem":
                        p.key(name == "GetItem" ? "key" : "item")
                        p.object { k in k.field("pk", "HIDDEN_DUE_TO_SECURITY_REASONS") }
                        if name == "GetItem" { p.field("consistentRead", bool: false) }
                    case "Query":
                        p.field("keyConditionExpression", "pk = :pk AND begins_with(sk, :prefix)")
                        p.field("limit", int: 25)
                    default: break
                    }
                }
            }
            d.resources = [.init(type: "AWS::DynamoDB::Table", arn: tableArn, accountID: acct)]
            d.apiVersion = "2012-08-10"
            return d

        case .consoleLogin:
            let caller = r.chance(4) ? a.root : r.pick(a.humans.filter(\.console) + a.ssoSessions.filter(\.console) + [a.root])
            var d = blank(&r, time: time, account: index, region: globalRegion, actor: caller, service: "signin", name: "ConsoleLogin", readOnly: false)
            let failed = r.chance(6)
            let mfa = caller.mfa || caller.kind == .assumedRole
            if failed {
                d.errorMessage = "Failed authentication"
            }
            d.response = { j in j.object { p in p.field("ConsoleLogin", failed ? "Failure" : "Success") } }
            d.additional = { j in
                j.object { e in
                    e.field("LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true")
                    e.field("MobileVersion", "No")
                    e.field("MFAIdentifier", mfa && caller.kind != .assumedRole ? "arn:aws:iam::\(acct):mfa/\(caller.userName ?? "root-account-mfa-device")" : nil)
                    e.field("MFAUsed", mfa ? "Yes" : "No")
                }
            }
            d.eventType = "AwsConsoleSignIn"
            return d

        case .identityCenterAuthentication:
            let caller = r.pick(a.identityCenterUsers)
            var d = blank(&r, time: time, account: index, region: globalRegion, actor: caller, service: "signin", name: "UserAuthentication", readOnly: false)
            let person = r.pick(AccountDirectory.people)
            let workflow = r.uuid()
            d.additional = { j in j.object { e in e.field("AuthWorkflowID", workflow); e.field("UserName", "\(person)@example.com"); e.field("LoginTo", "https://d-90676a1b2c.awsapps.com/start/"); e.field("CredentialType", "PASSWORD") } }
            d.serviceEventDetails = { j in j.object { s in s.field("UserAuthentication", "Success") } }
            d.eventType = "AwsServiceEvent"
            return d

        case .secretsGetSecretValue:
            let caller = r.chance(50) ? r.pick(a.containerSessions) : r.pick(a.lambdaSessions)
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "secretsmanager", name: "GetSecretValue", readOnly: true)
            let secret = "arn:aws:secretsmanager:\(region):\(acct):secret:\(r.pick(a.secrets))-\(r.alphanumeric(6))"
            d.request = { j in j.object { p in p.field("secretId", secret) } }
            return d

        case .ecrGetAuthorizationToken:
            let caller = r.chance(50) ? r.pick(a.instanceSessions) : r.pick(a.ciSessions)
            return blank(&r, time: time, account: index, region: region, actor: caller, service: "ecr", name: "GetAuthorizationToken", readOnly: true)

        case .cloudformationDescribeStacks:
            let caller = r.pick(a.ciSessions + a.ssoSessions)
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "cloudformation", name: "DescribeStacks", readOnly: true)
            let stack = r.pick(["network-baseline", "payments-api", "catalog-service", "observability"])
            d.request = { j in j.object { p in p.field("stackName", stack) } }
            return d

        case .elbDescribeTargetHealth:
            let caller = r.chance(50) ? a.services[5] : operatorOrWorkload(a, &r)
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "elasticloadbalancing", name: "DescribeTargetHealth", readOnly: true)
            let group = "arn:aws:elasticloadbalancing:\(region):\(acct):targetgroup/\(r.pick(["web-tier", "payments-api", "catalog"]))-tg/\(r.hex(16))"
            d.request = { j in j.object { p in p.field("targetGroupArn", group) } }
            return d

        case .autoscalingDescribeGroups:
            let caller = r.chance(50) ? a.services[3] : operatorOrWorkload(a, &r)
            var d = blank(&r, time: time, account: index, region: region, actor: caller, service: "autoscaling", name: "DescribeAutoScalingGroups", readOnly: true)
            d.request = { j in j.object { p in p.field("maxRecords", int: 100) } }
            return d
        }
    }

    /// A machine caller: instance, function, container or service account.
    private func workload(_ account: AccountDirectory, _ random: inout RandomSource) -> Actor {
        switch random.below(10) {
        case 0...3: return random.pick(account.instanceSessions)
        case 4...5: return random.pick(account.lambdaSessions)
        case 6...7: return random.pick(account.containerSessions)
        case 8: return random.pick(account.automation)
        default: return random.pick(account.ssoSessions + account.humans)
        }
    }

    /// A person or their automation, with some workloads that poll the control plane.
    private func operatorOrWorkload(_ account: AccountDirectory, _ random: inout RandomSource) -> Actor {
        switch random.below(10) {
        case 0...3: return random.pick(account.ssoSessions + account.humans)
        case 4...5: return random.pick(account.automation + account.ciSessions)
        default: return random.pick(account.instanceSessions)
        }
    }

    static func objectKey(_ random: inout RandomSource) -> String {
        switch random.below(5) {
        case 0: return "incoming/2026/\(random.within(10...12))/\(random.within(10...28))/batch-\(random.hex(12)).parquet"
        case 1: return "exports/orders/part-\(random.within(0...199))-\(random.uuid()).csv.gz"
        case 2: return "assets/img/\(random.hex(20)).webp"
        case 3: return "reports/daily/\(random.hex(8))/summary.json"
        default: return "artifacts/builds/\(random.within(1_000...9_999))/app-\(random.hex(7)).zip"
        }
    }
}

extension EventDraft {
    /// Turns the record into a refused call, with the error code each service really uses.
    mutating func deny() {
        let action = "\(service == "monitoring" ? "cloudwatch" : service):\(name)"
        switch service {
        case "ec2":
            errorCode = "Client.UnauthorizedOperation"
            errorMessage = "You are not authorized to perform this operation. User: \(actor.arn) is not authorized to perform: \(action) because no identity-based policy allows the \(action) action"
        case "kms", "ssm", "lambda", "dynamodb", "logs", "secretsmanager", "ecr":
            errorCode = "AccessDenied" + (service == "kms" || service == "ecr" ? "" : "Exception")
            errorMessage = "User: \(actor.arn) is not authorized to perform: \(action) because no identity-based policy allows the \(action) action"
        default:
            errorCode = "AccessDenied"
            errorMessage = "User: \(actor.arn) is not authorized to perform: \(action) because no identity-based policy allows the \(action) action"
        }
        response = nil
        resources = []
    }
}
