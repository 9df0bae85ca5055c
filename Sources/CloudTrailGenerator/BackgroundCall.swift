/// One routine API call being built: where and when it happens, and the random source it draws from.
///
/// Each activity has its own builder method, named after the AWS call it records, in the
/// `BackgroundCall+<Service area>.swift` files. Every builder draws its random values in a fixed order,
/// which is what keeps a seed's corpus the same byte for byte: reordering draws, adding one or
/// skipping one changes every record after it in the window.
struct BackgroundCall {
    let account: AccountDirectory
    /// Index of `account` in the generator's account list.
    let accountIndex: Int
    let region: String
    /// Region for global services (IAM, sign-in).
    let globalRegion: String
    let time: Int64
    var random: RandomSource

    /// The builder for each activity: one named call per kind, checked exhaustive by the compiler.
    mutating func draft(for activity: Activity) -> EventDraft {
        switch activity {
        case .s3GetObject: return s3ObjectAccess("GetObject")
        case .s3PutObject: return s3ObjectAccess("PutObject")
        case .s3HeadObject: return s3ObjectAccess("HeadObject")
        case .s3ListObjects: return s3ListObjects()
        case .kmsDecrypt: return kmsKeyUseForS3(decrypt: true)
        case .kmsGenerateDataKey: return kmsKeyUseForS3(decrypt: false)
        case .stsAssumeRoleByService: return stsAssumeRoleByService()
        case .stsGetCallerIdentity: return stsGetCallerIdentity()
        case .stsGetFederationToken: return stsGetFederationToken()
        case .ec2DescribeInstances: return ec2DescribeInstances()
        case .ec2DescribeSecurityGroups:
            return ec2DescribeInVPC(
                "DescribeSecurityGroups", setKey: "securityGroupIdSet", itemKey: "groupId", ids: \.securityGroups
            )
        case .ec2DescribeVolumes:
            return ec2DescribeInVPC("DescribeVolumes", setKey: "volumeSet", itemKey: "volumeId", ids: nil)
        case .ec2DescribeSubnets:
            return ec2DescribeInVPC("DescribeSubnets", setKey: "subnetSet", itemKey: "subnetId", ids: \.subnets)
        case .ec2DescribeNetworkInterfaces:
            return ec2DescribeInVPC(
                "DescribeNetworkInterfaces", setKey: "networkInterfaceIdSet", itemKey: "networkInterfaceId", ids: nil
            )
        case .iamRead: return iamReadCall()
        case .lambdaGetFunction: return lambdaReadFunctions(get: true)
        case .lambdaListFunctions: return lambdaReadFunctions(get: false)
        case .lambdaInvoke: return lambdaInvoke()
        case .cloudwatchDescribeAlarms: return cloudwatchRead(describeAlarms: true)
        case .cloudwatchGetMetricData: return cloudwatchRead(describeAlarms: false)
        case .logsCreateLogStream: return logsCall("CreateLogStream")
        case .logsDescribeLogGroups: return logsCall("DescribeLogGroups")
        case .logsFilterLogEvents: return logsCall("FilterLogEvents")
        case .ssmUpdateInstanceInformation: return ssmUpdateInstanceInformation()
        case .ssmGetParameter: return ssmGetParameter()
        case .dynamodbDescribeTable: return dynamodbTableAccess("DescribeTable")
        case .dynamodbGetItem: return dynamodbTableAccess("GetItem")
        case .dynamodbPutItem: return dynamodbTableAccess("PutItem")
        case .dynamodbQuery: return dynamodbTableAccess("Query")
        case .consoleLogin: return signinConsoleLogin()
        case .identityCenterAuthentication: return signinUserAuthentication()
        case .secretsGetSecretValue: return secretsManagerGetSecretValue()
        case .ecrGetAuthorizationToken: return ecrGetAuthorizationToken()
        case .cloudformationDescribeStacks: return cloudformationDescribeStacks()
        case .elbDescribeTargetHealth: return elbDescribeTargetHealth()
        case .autoscalingDescribeGroups: return autoscalingDescribeAutoScalingGroups()
        }
    }

    /// A record with the fields every record has, in this call's account and region (or `region`).
    mutating func blank(
        by actor: Actor, service: String, name: String, readOnly: Bool, region: String? = nil
    ) -> EventDraft {
        EventDraft.make(
            &random, time: time, account: accountIndex, accountID: account.id, region: region ?? self.region,
            actor: actor, service: service, name: name, readOnly: readOnly
        )
    }

    /// A machine caller: instance, function, container or service account.
    mutating func workloadCaller() -> Actor {
        switch random.below(10) {
        case 0...3: return random.pick(account.instanceSessions)
        case 4...5: return random.pick(account.lambdaSessions)
        case 6...7: return random.pick(account.containerSessions)
        case 8: return random.pick(account.automation)
        default: return random.pick(account.ssoSessions + account.humans)
        }
    }

    /// A person or their automation, with some workloads that poll the control plane.
    mutating func operatorOrWorkloadCaller() -> Actor {
        switch random.below(10) {
        case 0...3: return random.pick(account.ssoSessions + account.humans)
        case 4...5: return random.pick(account.automation + account.ciSessions)
        default: return random.pick(account.instanceSessions)
        }
    }

    /// An S3 object key shaped like one of a few typical workloads' keys.
    mutating func objectKey() -> String {
        switch random.below(5) {
        case 0:
            return "incoming/2026/\(random.within(10...12))/\(random.within(10...28))/batch-\(random.hex(12)).parquet"
        case 1: return "exports/orders/part-\(random.within(0...199))-\(random.uuid()).csv.gz"
        case 2: return "assets/img/\(random.hex(20)).webp"
        case 3: return "reports/daily/\(random.hex(8))/summary.json"
        default: return "artifacts/builds/\(random.within(1_000...9_999))/app-\(random.hex(7)).zip"
        }
    }
}
