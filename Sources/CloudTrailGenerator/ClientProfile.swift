/// The software a caller uses, which decides the `userAgent` text and TLS parameters.
enum ClientProfile: Sendable {
    case console(browser: String)
    case cli(os: String)
    case boto3(environment: String)
    case terraform
    case goSDK(suffix: String)
    case javaSDK
    case nodeSDK(environment: String)
    /// An AWS service calling for itself; the user agent is the service's host name.
    case service(String)
    /// A fixed string, used by planted scenarios (attack tooling, hostile text).
    case custom(String)

    /// The `userAgent` for calling `eventName` on `service` (the `eventSource` prefix).
    /// S3 data events wrap SDK agents in brackets, as S3's own log format does.
    func userAgent(service: String, eventName: String) -> String {
        let text: String
        switch self {
        case .console(let browser):
            return service == "s3" ? "[S3Console/0.4]" : browser
        case .cli(let os):
            text =
                "aws-cli/2.17.60 ua/2.0 os/\(os) md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython "
                + "cfg/retry-mode#standard md/command#\(Self.cliCommand(service: service, eventName: eventName))"
        case .boto3(let environment):
            text =
                "Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#5.10.225 md/arch#x86_64 lang/python#3.12.6 "
                + "\(environment) Botocore/1.35.36"
        case .terraform:
            text =
                "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.72.1 "
                + "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.2 ua/2.1 os/linux "
                + "lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/\(service)#1.37.2"
        case .goSDK(let suffix):
            text = "aws-sdk-go/1.55.5 (go1.23.8; linux; amd64) \(suffix)"
        case .javaSDK:
            text =
                "aws-sdk-java/2.28.16 Linux/5.10.226-214.880.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS "
                + "Java/21.0.5 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy"
        case .nodeSDK(let environment):
            text =
                "aws-sdk-js/3.687.0 ua/2.1 os/linux#5.10.227-219.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 "
                + "api/\(service)#3.687.0 \(environment)"
        case .service(let host):
            return host
        case .custom(let agent):
            return agent
        }
        return service == "s3" ? "[\(text)]" : text
    }

    /// `iam.create-user` from `iam` and `CreateUser`, as the CLI reports its command.
    static func cliCommand(service: String, eventName: String) -> String {
        var command = service == "s3" ? "s3api." : service + "."
        var first = true
        for scalar in eventName.unicodeScalars {
            if scalar.properties.isUppercase {
                if !first { command += "-" }
                command.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                command.unicodeScalars.append(scalar)
            }
            first = false
        }
        return command
    }

    /// Whether calls carry `tlsDetails`; service-to-service calls inside AWS do not.
    var usesTLSDetails: Bool {
        if case .service = self { return false }
        return true
    }

    /// Older SDKs and JVMs still negotiate TLS 1.2.
    var tlsVersion: (version: String, cipher: String) {
        switch self {
        case .javaSDK, .goSDK:
            return ("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256")
        default:
            return ("TLSv1.3", "TLS_AES_128_GCM_SHA256")
        }
    }
}
