/// The people, workloads and resources of one synthetic AWS account.
///
/// Built once per account from the seed, so the same principals and resources recur across the
/// whole time range, as they do in a real trail (which is what makes new-terms rules meaningful).
struct AccountDirectory: Sendable {
    var id: String
    var humans: [Actor] = []
    var ssoSessions: [Actor] = []
    var automation: [Actor] = []
    var instanceSessions: [Actor] = []
    var lambdaSessions: [Actor] = []
    var containerSessions: [Actor] = []
    var ciSessions: [Actor] = []
    var services: [Actor] = []
    var root: Actor
    var federated: Actor
    var identityCenterUsers: [Actor] = []

    var buckets: [String] = []
    var kmsKeys: [String] = []
    var tables: [String] = []
    var functions: [String] = []
    var logGroups: [String] = []
    var parameters: [String] = []
    var secrets: [String] = []
    var roleNames: [String] = []
    var vpcs: [String] = []
    var subnets: [String] = []
    var securityGroups: [String] = []
    var instanceIDs: [String] = []

    init(index: Int, seed: UInt64) {
        var random = RandomSource(seed: seed, stream: 0xACC0_0000 &+ UInt64(index))
        let id = String(100_000_000_000 + UInt64(random.below(899_999_999_999)))
        self.id = id
        let label = Self.labels[index % Self.labels.count]
        root = .root(account: id, ip: Self.officeIP(&random))

        let people = Self.people.shuffledDeterministically(&random)
        for name in people.prefix(4) {
            let console = random.chance(50)
            humans.append(
                .iamUser(
                    account: id, name: name,
                    client: console
                        ? .console(browser: random.pick([ClientProfile.firefox, ClientProfile.chrome]))
                        : .cli(os: random.pick(["macos#23.6.0", "linux#6.8.0-48-generic"])),
                    ip: Self.officeIP(&random), random: &random, console: console, mfa: console
                ))
        }
        automation = [
            .iamUser(account: id, name: "terraform-ci", client: .terraform, ip: Self.cloudIP(&random), random: &random),
            .iamUser(
                account: id, name: "backup-agent", client: .goSDK(suffix: "exec-env/EC2"), ip: Self.cloudIP(&random),
                random: &random
            ),
            .iamUser(
                account: id, name: "legacy-reporting", client: .javaSDK, ip: Self.officeIP(&random), random: &random
            ),
        ]

        for (permissionSet, share) in [("AdministratorAccess", 2), ("DeveloperAccess", 3), ("ReadOnlyAccess", 2)] {
            let role = "AWSReservedSSO_\(permissionSet)_\(random.hex(16))"
            let roleID = "AROA" + random.upperAlphanumeric(17)
            for person in people.dropFirst(4).prefix(share) {
                let console = random.chance(60)
                ssoSessions.append(
                    .roleSession(
                        account: id, role: role, roleID: roleID, session: "\(person)@example.com",
                        client: console ? .console(browser: ClientProfile.chrome) : .cli(os: "macos#23.6.0"),
                        ip: Self.officeIP(&random), console: console,
                        path: "aws-reserved/sso.amazonaws.com/"
                    ))
            }
            roleNames.append(role)
        }

        for role in ["web-tier-ec2", "batch-worker-ec2", "eks-node-\(random.hex(6))"] {
            let roleID = "AROA" + random.upperAlphanumeric(17)
            roleNames.append(role)
            for _ in 0..<3 {
                let instance = "i-0" + random.hex(16)
                instanceIDs.append(instance)
                let client: ClientProfile = random.pick([
                    .goSDK(suffix: "exec-env/EC2"),
                    .boto3(environment: "exec-env/EC2"),
                    .cli(os: "linux#5.10.225-213.878.amzn2.x86_64"),
                ])
                instanceSessions.append(
                    .roleSession(
                        account: id, role: role, roleID: roleID, session: instance, client: client,
                        ip: Self.cloudIP(&random), ec2: true
                    ))
            }
        }

        for function in ["order-processor", "thumbnail-resizer", "nightly-report", "audit-forwarder"] {
            let role = "\(function)-role"
            roleNames.append(role)
            functions.append(function)
            lambdaSessions.append(
                .roleSession(
                    account: id, role: role, roleID: "AROA" + random.upperAlphanumeric(17), session: function,
                    client: random.chance(50)
                        ? .boto3(environment: "exec-env/AWS_Lambda_python3.12")
                        : .nodeSDK(environment: "exec-env/AWS_Lambda_nodejs20.x"),
                    ip: Self.cloudIP(&random)
                ))
        }

        for task in ["payments-api", "catalog-service"] {
            let role = "\(task)-task"
            let roleID = "AROA" + random.upperAlphanumeric(17)
            roleNames.append(role)
            for _ in 0..<2 {
                containerSessions.append(
                    .roleSession(
                        account: id, role: role, roleID: roleID, session: random.hex(32),
                        client: .nodeSDK(environment: "exec-env/AWS_ECS_FARGATE"), ip: Self.cloudIP(&random)
                    ))
            }
        }

        ciSessions = [
            .roleSession(
                account: id, role: "github-actions-deploy", roleID: "AROA" + random.upperAlphanumeric(17),
                session: "GitHubActions", client: .terraform,
                ip: "140.82.\(random.within(112...127)).\(random.within(1...254))"
            )
        ]
        roleNames.append("github-actions-deploy")

        services = [
            "ec2.amazonaws.com", "lambda.amazonaws.com", "cloudformation.amazonaws.com",
            "autoscaling.amazonaws.com", "config.amazonaws.com", "elasticloadbalancing.amazonaws.com",
        ].map { Actor.service($0, account: id) }

        let reporter = automation[2]
        federated = .federatedUser(
            account: id, name: "report-portal", issuerUser: reporter.userName ?? "legacy-reporting",
            issuerID: reporter.principalID, client: .javaSDK, ip: reporter.sourceIP
        )
        let storeID = "d-" + random.hex(10)
        identityCenterUsers = (0..<3).map { _ in
            .identityCenterUser(
                account: id, storeID: storeID,
                userID: "\(random.hex(10))-\(random.hex(8))-\(random.hex(4))-\(random.hex(4))-\(random.hex(4))-"
                    + random.hex(12),
                ip: Self.officeIP(&random)
            )
        }

        buckets = [
            "\(label)-app-assets", "\(label)-data-lake-\(id)", "\(label)-build-artifacts", "\(label)-customer-uploads",
        ]
        kmsKeys = (0..<4).map { _ in random.uuid() }
        tables = ["orders", "sessions", "catalog-items", "idempotency-keys"]
        logGroups =
            functions.map { "/aws/lambda/\($0)" }
            + ["/ecs/payments-api", "/ecs/catalog-service", "/var/log/messages"]
        parameters = [
            "/\(label)/prod/db/host", "/\(label)/prod/feature-flags", "/\(label)/shared/datadog-api-key",
            "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
        ]
        secrets = ["prod/payments/stripe", "prod/rds/master", "staging/catalog/api-token"]
        vpcs = (0..<2).map { _ in "vpc-0" + random.hex(16) }
        subnets = (0..<4).map { _ in "subnet-0" + random.hex(16) }
        securityGroups = (0..<4).map { _ in "sg-0" + random.hex(16) }
    }

    static let labels = ["acme-prod", "acme-staging", "acme-shared", "acme-analytics", "acme-sandbox", "acme-security"]

    static let people = [
        "alice.nguyen", "bruno.costa", "chen.wei", "dana.okafor", "emma.larsen", "farid.haddad",
        "grace.kim", "hugo.martin", "ines.duarte", "jonas.berg", "kavya.rao", "liam.murphy",
    ]

    /// Addresses in ranges the GeoIP test databases know, so enrichment has something to show.
    static func officeIP(_ random: inout RandomSource) -> String {
        let prefix = random.pick(["81.2.69", "89.160.20", "216.160.83", "175.16.199", "67.43.156"])
        return "\(prefix).\(random.within(2...250))"
    }

    /// Addresses that look like EC2 or other cloud egress.
    static func cloudIP(_ random: inout RandomSource) -> String {
        let first = random.pick([3, 18, 34, 35, 44, 52, 54])
        return "\(first).\(random.within(0...255)).\(random.within(0...255)).\(random.within(1...254))"
    }
}

extension Array {
    /// Fisher–Yates with the generator's own PRNG (the standard `shuffled` may change algorithm).
    func shuffledDeterministically(_ random: inout RandomSource) -> [Element] {
        var copy = self
        copy.shuffleDeterministically(&random)
        return copy
    }

    mutating func shuffleDeterministically(_ random: inout RandomSource) {
        guard count > 1 else { return }
        for index in stride(from: count - 1, to: 0, by: -1) {
            swapAt(index, random.below(index + 1))
        }
    }
}
