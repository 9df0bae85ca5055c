/// CloudWatch, CloudWatch Logs, Secrets Manager and CloudFormation: monitoring and deployment reads.
extension BackgroundCall {
    /// `monitoring:DescribeAlarms` (`describeAlarms`) or `monitoring:GetMetricData` for an instance's
    /// CPU over the last three hours.
    mutating func cloudwatchRead(describeAlarms: Bool) -> EventDraft {
        let caller = random.chance(60) ? random.pick(account.ssoSessions + account.humans) : account.automation[1]
        let eventName = describeAlarms ? "DescribeAlarms" : "GetMetricData"
        var draft = blank(by: caller, service: "monitoring", name: eventName, readOnly: true)
        let startTime = UTCTime.iso8601(time - 10_800)
        let endTime = UTCTime.iso8601(time)
        // Drawn for both calls, so both consume the same random values.
        let instance = random.pick(account.instanceIDs)
        if describeAlarms {
            draft.request = { json in
                json.object { parameters in
                    parameters.field("maxRecords", int: 100)
                    parameters.key("alarmTypes")
                    parameters.array { types in
                        types.string("CompositeAlarm")
                        types.string("MetricAlarm")
                    }
                }
            }
        } else {
            draft.request = { json in
                json.object { parameters in
                    parameters.key("metricDataQueries")
                    parameters.array { queries in
                        queries.object { query in
                            query.field("id", "cpu")
                            query.key("metricStat")
                            query.object { stat in
                                stat.key("metric")
                                stat.object { metric in Self.writeCPUMetric(of: instance, into: &metric) }
                                stat.field("period", int: 300)
                                stat.field("stat", "Average")
                            }
                            query.field("returnData", bool: true)
                        }
                    }
                    parameters.field("startTime", startTime)
                    parameters.field("endTime", endTime)
                }
            }
        }
        draft.host = "monitoring.\(region).amazonaws.com"
        return draft
    }

    /// The fields of a `metric` object naming an instance's `CPUUtilization`.
    private static func writeCPUMetric(of instance: String, into metric: inout JSONBuffer) {
        metric.field("namespace", "AWS/EC2")
        metric.field("metricName", "CPUUtilization")
        metric.key("dimensions")
        metric.array { dimensions in
            dimensions.object { dimension in
                dimension.field("name", "InstanceId")
                dimension.field("value", instance)
            }
        }
    }

    /// `logs:CreateLogStream` (by a workload), `logs:DescribeLogGroups` or `logs:FilterLogEvents`
    /// (by a person), as `eventName` says.
    mutating func logsCall(_ eventName: String) -> EventDraft {
        let creates = eventName == "CreateLogStream"
        let caller = creates ? workloadCaller() : random.pick(account.ssoSessions + account.humans)
        var draft = blank(by: caller, service: "logs", name: eventName, readOnly: !creates)
        // All three are drawn whatever the call, so every call consumes the same random values.
        let group = random.pick(account.logGroups)
        let stream = "\(UTCTime.folderDate(time))/[$LATEST]\(random.hex(32))"
        let filter = random.pick(["ERROR", "\"status\": 500", "Timeout", "?Exception ?error"])
        let startMilliseconds = Int(time - 3600) * 1000
        switch eventName {
        case "CreateLogStream":
            draft.request = { json in
                json.object { parameters in
                    parameters.field("logGroupName", group)
                    parameters.field("logStreamName", stream)
                }
            }
        case "DescribeLogGroups":
            draft.request = { json in
                json.object { parameters in
                    parameters.field("logGroupNamePrefix", "/aws/lambda/")
                    parameters.field("limit", int: 50)
                }
            }
        default:
            draft.request = { json in
                json.object { parameters in
                    parameters.field("logGroupName", group)
                    parameters.field("filterPattern", filter)
                    parameters.field("startTime", int: startMilliseconds)
                    parameters.field("interleaved", bool: true)
                }
            }
        }
        return draft
    }

    /// `secretsmanager:GetSecretValue` by a container or a function.
    mutating func secretsManagerGetSecretValue() -> EventDraft {
        let caller = random.chance(50) ? random.pick(account.containerSessions) : random.pick(account.lambdaSessions)
        var draft = blank(by: caller, service: "secretsmanager", name: "GetSecretValue", readOnly: true)
        let secretName = random.pick(account.secrets)
        // Secrets Manager appends six random characters to every secret's ARN.
        let secretArn = "arn:aws:secretsmanager:\(region):\(account.id):secret:\(secretName)-\(random.alphanumeric(6))"
        draft.request = { json in json.object { parameters in parameters.field("secretId", secretArn) } }
        return draft
    }

    /// `cloudformation:DescribeStacks` for one of the account's stacks, by CI or a person.
    mutating func cloudformationDescribeStacks() -> EventDraft {
        let caller = random.pick(account.ciSessions + account.ssoSessions)
        var draft = blank(by: caller, service: "cloudformation", name: "DescribeStacks", readOnly: true)
        let stack = random.pick(["network-baseline", "payments-api", "catalog-service", "observability"])
        draft.request = { json in json.object { parameters in parameters.field("stackName", stack) } }
        return draft
    }
}
