/// Writes one JSON value (an object, usually) for a record field.
typealias Payload = @Sendable (inout JSONBuffer) -> Void

/// One record before it is rendered: everything that varies between records.
struct EventDraft: Sendable {
    struct Resource: Sendable {
        var type: String
        var arn: String
        var accountID: String?
    }

    var time: Int64
    /// Index of the account whose trail receives the record.
    var account: Int
    var accountID: String
    var region: String
    var actor: Actor
    /// The service part of `eventSource`, e.g. `iam` for `iam.amazonaws.com`.
    var service: String
    var name: String
    var readOnly: Bool
    var eventID: String
    var requestID: String
    var version: String
    /// Data events (S3 objects, DynamoDB items, Lambda Invoke) have `eventCategory: Data`.
    var isData = false
    var eventType = "AwsApiCall"
    var errorCode: String?
    var errorMessage: String?
    var request: Payload?
    var response: Payload?
    var additional: Payload?
    var serviceEventDetails: Payload?
    var resources: [Resource] = []
    var apiVersion: String?
    var sharedEventID: String?
    /// `clientProvidedHostHeader`; derived from the service and region when `nil`.
    var host: String?
    /// Overrides the actor's usual agent (planted tooling, hostile text).
    var userAgent: String?
    /// Overrides the actor's usual address.
    var sourceIP: String?
}

extension EventDraft {
    /// A record with the fields every record has; ids come from `random`.
    static func make(
        _ random: inout RandomSource, time: Int64, account: Int, accountID: String, region: String,
        actor: Actor, service: String, name: String, readOnly: Bool
    ) -> EventDraft {
        EventDraft(
            time: time, account: account, accountID: accountID, region: region, actor: actor,
            service: service, name: name, readOnly: readOnly, eventID: random.uuid(),
            requestID: service == "s3" ? random.upperAlphanumeric(16) : random.uuid(),
            version: eventVersion(service: service)
        )
    }

    /// CloudTrail raised `eventVersion` over the years; services moved at different times.
    static func eventVersion(service: String) -> String {
        switch service {
        case "s3", "ec2", "rolesanywhere": return "1.10"
        case "sts", "signin", "ssm": return "1.08"
        case "kms", "logs", "monitoring", "dynamodb": return "1.09"
        default: return "1.11"
        }
    }

    /// The `eventSource` value.
    var eventSource: String {
        service == "signin" ? "signin.amazonaws.com" : service + ".amazonaws.com"
    }

    /// Appends the record as compact JSON, in the key order CloudTrail uses.
    func render(into json: inout JSONBuffer) {
        json.object { j in
            j.field("eventVersion", version)
            actor.writeIdentity(into: &j, at: time)
            j.field("eventTime", UTCTime.iso8601(time))
            j.field("eventSource", eventSource)
            j.field("eventName", name)
            j.field("awsRegion", region)
            j.field("sourceIPAddress", sourceIP ?? actor.sourceIP)
            j.field("userAgent", userAgent ?? actor.client.userAgent(service: service, eventName: name))
            j.field("errorCode", errorCode)
            j.field("errorMessage", errorMessage)
            j.key("requestParameters")
            if let request { request(&j) } else { j.null() }
            j.key("responseElements")
            if let response { response(&j) } else { j.null() }
            if let additional {
                j.key("additionalEventData")
                additional(&j)
            }
            j.field("requestID", requestID)
            j.field("eventID", eventID)
            j.field("readOnly", bool: readOnly)
            if !resources.isEmpty {
                j.key("resources")
                j.array { a in
                    for resource in resources {
                        a.object { r in
                            r.field("accountId", resource.accountID)
                            r.field("type", resource.type)
                            r.field("ARN", resource.arn)
                        }
                    }
                }
            }
            j.field("eventType", eventType)
            j.field("apiVersion", apiVersion)
            j.field("managementEvent", bool: !isData)
            j.field("recipientAccountId", accountID)
            j.field("sharedEventID", sharedEventID)
            if let serviceEventDetails {
                j.key("serviceEventDetails")
                serviceEventDetails(&j)
            }
            j.field("eventCategory", isData ? "Data" : "Management")
            // Calls a service makes on a caller's behalf (KMS for S3, say) carry no client TLS.
            let viaService = sourceIP.map { $0 == "AWS Internal" || $0.hasSuffix(".amazonaws.com") } ?? false
            if actor.client.usesTLSDetails && !viaService {
                let tls = actor.client.tlsVersion
                j.key("tlsDetails")
                j.object { t in
                    t.field("tlsVersion", tls.version)
                    t.field("cipherSuite", tls.cipher)
                    t.field("clientProvidedHostHeader", host ?? defaultHost)
                }
            }
            if actor.console {
                j.field("sessionCredentialFromConsole", "true")
            }
        }
    }

    private var defaultHost: String {
        switch service {
        case "iam": return "iam.amazonaws.com"
        case "signin": return "signin.aws.amazon.com"
        case "s3": return "s3.\(region).amazonaws.com"
        default: return "\(service).\(region).amazonaws.com"
        }
    }
}
