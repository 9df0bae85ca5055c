/// The ECS fields the compiler can read, each as SQL over the raw CloudTrail columns of the
/// table AWS documents for Athena (`cloudtrail_logs`), mirroring `ECSMapper` field by field.
///
/// Column names are the table's lower-case ones; Spark resolves them case-insensitively against
/// the camel-case names of the records, Athena's table declares them so.
struct SQLFieldTable {
    let dialect: SQLDialect

    /// Why a field cannot be read in SQL, for the fields the table knows but refuses.
    static let refusedFields: [String: String] = [
        "aws.cloudtrail.request_parameters":
            "it is the request as Elastic's pipeline writes it, Java map text (`{key=value}`), which SQL cannot "
            + "rebuild from the JSON column",
        "aws.cloudtrail.response_elements":
            "it is the response as Java map text (`{key=value}`), which SQL cannot rebuild from the JSON column",
        "related.entity": "it is assembled from dozens of request and response members by per-action tables",
        "entity.target.id": "it is chosen from the request, response or resources by a per-action table",
        "user.entity.id": "it is derived by the pipeline's entity mapping",
        "user_agent.name": "it needs the user agent parser (uap-core regexes)",
        "related.user": "it is assembled from several identity and request members",
    ]

    /// Fields filled only by GeoIP and ASN lookups; SQL has no databases, so they are missing,
    /// exactly as in a scan without databases.
    static func isGeoIPField(_ name: String) -> Bool {
        name.hasPrefix("source.geo.") || name.hasPrefix("source.as.")
    }

    /// The SQL for `name`, or `nil` when the table does not know the field.
    func field(_ name: String) -> SQLField? {
        if let column = Self.scalarColumns[name] {
            return .scalar(present(column))
        }
        if Self.isGeoIPField(name) {
            return .scalar("CAST(NULL AS \(dialect == .spark ? "string" : "varchar"))")
        }
        let flattenedRoots = [
            "aws.cloudtrail.flattened.request_parameters.": "requestparameters",
            "aws.cloudtrail.flattened.response_elements.": "responseelements",
            "aws.cloudtrail.flattened.additional_eventdata.": "additionaleventdata",
        ]
        for (prefix, column) in flattenedRoots where name.hasPrefix(prefix) {
            let keys = name.dropFirst(prefix.count).split(separator: ".").map(String.init)
            guard !keys.isEmpty, keys.allSatisfy(Self.isPlainKey) else { return nil }
            return .list(jsonLeaves(of: column, at: keys))
        }
        switch name {
        case "data_stream.dataset", "event.dataset":
            return .scalar(dialect.literal("aws.cloudtrail"))
        case "event.outcome":
            return .scalar(outcome)
        case "cloud.account.id":
            return .scalar("coalesce(\(present("useridentity.accountid")), \(present("recipientaccountid")))")
        case "user.name":
            return .scalar("CASE WHEN \(isServiceCaller) THEN NULL \(userName) END")
        case "user.id":
            return .scalar(
                "CASE WHEN \(isServiceCaller) THEN NULL ELSE coalesce(\(present("useridentity.principalid")), "
                    + "\(present("useridentity.onbehalfof.userid"))) END")
        case "source.ip":
            return .scalar("CASE WHEN \(isIPAddress("sourceipaddress")) THEN sourceipaddress END")
        case "aws.cloudtrail.resources.arn":
            return .list(resourceMember("arn"))
        case "aws.cloudtrail.resources.account_id":
            return .list(resourceMember("accountid"))
        case "aws.cloudtrail.resources.type":
            return .list(resourceMember("type"))
        case "aws.cloudtrail.console_login.additional_eventdata.mfa_used":
            return .scalar(consoleLoginFlag("MFAUsed"))
        case "aws.cloudtrail.console_login.additional_eventdata.mobile_version":
            return .scalar(consoleLoginFlag("MobileVersion"))
        default:
            return nil
        }
    }

    /// ECS fields that are one raw column, renamed.
    static let scalarColumns: [String: String] = [
        "event.provider": "eventsource",
        "event.action": "eventname",
        "event.id": "eventid",
        "cloud.region": "awsregion",
        "source.address": "sourceipaddress",
        "user_agent.original": "useragent",
        "aws.cloudtrail.event_version": "eventversion",
        "aws.cloudtrail.event_type": "eventtype",
        "aws.cloudtrail.event_category": "eventcategory",
        "aws.cloudtrail.request_id": "requestid",
        "aws.cloudtrail.api_version": "apiversion",
        "aws.cloudtrail.recipient_account_id": "recipientaccountid",
        "aws.cloudtrail.shared_event_id": "sharedeventid",
        "aws.cloudtrail.vpc_endpoint_id": "vpcendpointid",
        "aws.cloudtrail.error_code": "errorcode",
        "aws.cloudtrail.error_message": "errormessage",
        "aws.cloudtrail.session_credential_from_console": "sessioncredentialfromconsole",
        "aws.cloudtrail.user_identity.type": "useridentity.type",
        "aws.cloudtrail.user_identity.arn": "useridentity.arn",
        "aws.cloudtrail.user_identity.access_key_id": "useridentity.accesskeyid",
        "aws.cloudtrail.user_identity.principal_id": "useridentity.principalid",
        "aws.cloudtrail.user_identity.invoked_by": "useridentity.invokedby",
        "aws.cloudtrail.user_identity.on_behalf_of.user_id": "useridentity.onbehalfof.userid",
        "aws.cloudtrail.user_identity.session_context.mfa_authenticated":
            "useridentity.sessioncontext.attributes.mfaauthenticated",
        "aws.cloudtrail.user_identity.session_context.session_issuer.arn":
            "useridentity.sessioncontext.sessionissuer.arn",
        "aws.cloudtrail.user_identity.session_context.session_issuer.type":
            "useridentity.sessioncontext.sessionissuer.type",
        "aws.cloudtrail.user_identity.session_context.session_issuer.principal_id":
            "useridentity.sessioncontext.sessionissuer.principalid",
        "aws.cloudtrail.user_identity.session_context.session_issuer.account_id":
            "useridentity.sessioncontext.sessionissuer.accountid",
        "tls.client.server_name": "tlsdetails.clientprovidedhostheader",
        "tls.cipher": "tlsdetails.ciphersuite",
    ]

    /// A column with the pipeline's placeholders read as missing.
    func present(_ column: String) -> String {
        "CASE WHEN \(column) IN ('', '-', 'none') THEN NULL ELSE \(column) END"
    }

    /// `event.outcome`: a ConsoleLogin's own verdict, else failure when an error is reported.
    private var outcome: String {
        let verdict = present(jsonScalar(of: "responseelements", key: "ConsoleLogin"))
        return "CASE WHEN eventname = 'ConsoleLogin' AND \(verdict) IS NOT NULL THEN lower(\(verdict)) "
            + "WHEN \(present("errorcode")) IS NOT NULL OR \(present("errormessage")) IS NOT NULL THEN 'failure' "
            + "ELSE 'success' END"
    }

    /// Service callers and service-linked role sessions have no user.name or user.id.
    private var isServiceCaller: String {
        let type = present("useridentity.type")
        let issuer = present("useridentity.sessioncontext.sessionissuer.arn")
        return "(coalesce(\(type) = 'AWSService', false) OR (coalesce(\(type) = 'AssumedRole', false) "
            + "AND coalesce(\(issuer) LIKE '%:role/aws-service-role/%', false)))"
    }

    /// The WHEN/ELSE arms of user.name for a user caller: the issuer's name for role sessions.
    private var userName: String {
        let issuerName = present("useridentity.sessioncontext.sessionissuer.username")
        return "WHEN useridentity.type IN ('AssumedRole', 'FederatedUser') AND \(issuerName) IS NOT NULL "
            + "THEN \(issuerName) ELSE \(present("useridentity.username"))"
    }

    /// A ConsoleLogin `additionalEventData` flag as the pipeline's boolean text.
    private func consoleLoginFlag(_ key: String) -> String {
        let value = present(jsonScalar(of: "additionaleventdata", key: key))
        return "CASE WHEN eventname = 'ConsoleLogin' AND \(value) IS NOT NULL "
            + "THEN CASE WHEN \(value) <> 'No' THEN 'true' ELSE 'false' END END"
    }

    private func resourceMember(_ member: String) -> String {
        let values = "transform(coalesce(resources, \(emptyResources)), r -> \(present("r." + member)))"
        return "filter(\(values), v -> v IS NOT NULL)"
    }

    private var emptyResources: String {
        switch dialect {
        case .spark: return "array()"
        case .trino: return "CAST(ARRAY[] AS array(row(arn varchar, accountid varchar, type varchar)))"
        }
    }

    /// One scalar member of a JSON object column, as text.
    private func jsonScalar(of column: String, key: String) -> String {
        switch dialect {
        case .spark: return "get_json_object(\(column), '$.\(key)')"
        case .trino: return "json_extract_scalar(\(column), '$[\"\(key)\"]')"
        }
    }

    /// Every scalar leaf at a key path in a JSON column, descending into arrays at each step as
    /// the flattened field does, placeholders and objects left out.
    private func jsonLeaves(of column: String, at keys: [String]) -> String {
        switch dialect {
        case .spark:
            var level = "array(\(column))"
            for (depth, key) in keys.enumerated() {
                let node = "get_json_object(j\(depth), '$.\(key)')"
                // get_json_object gives a nested array or object back as JSON text.
                let expanded =
                    "CASE WHEN \(node) IS NULL THEN CAST(array() AS array<string>) "
                    + "WHEN startswith(\(node), '[') "
                    + "THEN coalesce(from_json(\(node), 'array<string>'), array(\(node))) "
                    + "ELSE array(\(node)) END"
                level = "flatten(transform(\(level), j\(depth) -> \(expanded)))"
            }
            return "filter(\(level), v -> v IS NOT NULL AND NOT startswith(v, '{') AND v NOT IN ('', '-', 'none'))"
        case .trino:
            var level = "ARRAY[try(json_parse(\(column)))]"
            for (depth, key) in keys.enumerated() {
                let node = "json_extract(j\(depth), '$[\"\(key)\"]')"
                let expanded =
                    "CASE WHEN \(node) IS NULL THEN CAST(ARRAY[] AS array(json)) "
                    + "WHEN json_array_length(\(node)) IS NOT NULL THEN CAST(\(node) AS array(json)) "
                    + "ELSE ARRAY[\(node)] END"
                level = "flatten(transform(\(level), j\(depth) -> \(expanded)))"
            }
            let leaves = "transform(\(level), j -> json_extract_scalar(j, '$'))"
            return "filter(\(leaves), v -> v IS NOT NULL AND v NOT IN ('', '-', 'none'))"
        }
    }

    /// Keys that need no quoting in either engine's JSON path.
    private static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy { scalar in
                (scalar.value < 128 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                    || scalar == "-" || scalar == "_"
            }
    }

    /// Whether a column holds a textual IPv4 (no leading zeros) or IPv6 address, as
    /// `IPAddressText` decides for `source.ip`.
    private func isIPAddress(_ column: String) -> String {
        let octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"
        let ipv4 = "\(octet)(\\.\(octet)){3}"
        let group = "[0-9A-Fa-f]{1,4}"
        let tail = "(\(group)|\(ipv4))"
        // Full form, or one `::` with at most seven groups around it. The compressed form does not
        // count the groups on both sides together, so it accepts a few over-long addresses that
        // `IPAddressText` refuses; CloudTrail does not write those.
        let ipv6 = [
            "(\(group):){7}\(group)",
            "(\(group):){6}\(ipv4)",
            "((\(group):){0,6}\(group))?::((\(group):){0,6}\(tail))?",
        ]
        let pattern = "^(\(ipv4)|\(ipv6.joined(separator: "|")))$"
        switch dialect {
        case .spark: return "coalesce(\(column) RLIKE \(dialect.literal(pattern)), false)"
        case .trino: return "coalesce(regexp_like(\(column), \(dialect.literal(pattern))), false)"
        }
    }
}
