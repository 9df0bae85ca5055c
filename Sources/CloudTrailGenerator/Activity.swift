/// The routine API calls that make up the background of the corpus, with relative frequencies
/// (in tenths of a percent) loosely based on what busy production trails contain: S3 and KMS
/// data-plane traffic first, then describe/list polling, agents and the occasional human.
enum Activity: CaseIterable, Sendable {
    case s3GetObject, s3PutObject, s3ListObjects, s3HeadObject
    case kmsDecrypt, kmsGenerateDataKey
    case stsAssumeRoleByService, stsGetCallerIdentity, stsGetFederationToken
    case ec2DescribeInstances, ec2DescribeSecurityGroups, ec2DescribeVolumes, ec2DescribeSubnets
    case ec2DescribeNetworkInterfaces
    case iamRead
    case lambdaGetFunction, lambdaListFunctions, lambdaInvoke
    case cloudwatchDescribeAlarms, cloudwatchGetMetricData
    case logsCreateLogStream, logsDescribeLogGroups, logsFilterLogEvents
    case ssmUpdateInstanceInformation, ssmGetParameter
    case dynamodbDescribeTable, dynamodbGetItem, dynamodbPutItem, dynamodbQuery
    case consoleLogin, identityCenterAuthentication
    case secretsGetSecretValue, ecrGetAuthorizationToken, cloudformationDescribeStacks
    case elbDescribeTargetHealth, autoscalingDescribeGroups

    var weight: Int {
        switch self {
        case .s3GetObject: return 95
        case .s3PutObject: return 45
        case .s3ListObjects: return 20
        case .s3HeadObject: return 15
        case .kmsDecrypt: return 75
        case .kmsGenerateDataKey: return 50
        case .stsAssumeRoleByService: return 130
        case .stsGetCallerIdentity: return 35
        case .stsGetFederationToken: return 2
        case .ec2DescribeInstances: return 60
        case .ec2DescribeSecurityGroups: return 28
        case .ec2DescribeVolumes: return 15
        case .ec2DescribeSubnets: return 10
        case .ec2DescribeNetworkInterfaces: return 22
        case .iamRead: return 45
        case .lambdaGetFunction: return 10
        case .lambdaListFunctions: return 8
        case .lambdaInvoke: return 20
        case .cloudwatchDescribeAlarms: return 25
        case .cloudwatchGetMetricData: return 20
        case .logsCreateLogStream: return 30
        case .logsDescribeLogGroups: return 10
        case .logsFilterLogEvents: return 8
        case .ssmUpdateInstanceInformation: return 30
        case .ssmGetParameter: return 35
        case .dynamodbDescribeTable: return 18
        case .dynamodbGetItem: return 30
        case .dynamodbPutItem: return 18
        case .dynamodbQuery: return 20
        case .consoleLogin: return 6
        case .identityCenterAuthentication: return 3
        case .secretsGetSecretValue: return 20
        case .ecrGetAuthorizationToken: return 10
        case .cloudformationDescribeStacks: return 10
        case .elbDescribeTargetHealth: return 10
        case .autoscalingDescribeGroups: return 7
        }
    }

    private static let table: [Activity] = Array(allCases)
    private static let cumulative: [Int] = {
        var running = 0
        return table.map {
            running += $0.weight
            return running
        }
    }()

    /// Draws an activity according to the weights.
    static func pick(_ random: inout RandomSource) -> Activity {
        let total = cumulative[cumulative.count - 1]
        let point = random.below(total)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > point { high = middle } else { low = middle + 1 }
        }
        return table[low]
    }
}
