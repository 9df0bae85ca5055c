/// EC2, Lambda, SSM, ECR, load balancing and Auto Scaling: control-plane polling and agents.
extension BackgroundCall {
    /// `ec2:DescribeInstances`, for the Auto Scaling service or a person or workload.
    mutating func ec2DescribeInstances() -> EventDraft {
        let caller = random.chance(30) ? account.services[3] : operatorOrWorkloadCaller()
        var draft = blank(by: caller, service: "ec2", name: "DescribeInstances", readOnly: true)
        let shuffled = account.instanceIDs.shuffledDeterministically(&random)
        let instanceIDs = Array(shuffled.prefix(random.within(1...3)))
        let filtered = random.chance(50)
        draft.request = { json in
            json.object { parameters in
                parameters.key("instancesSet")
                parameters.object { instances in
                    if filtered {
                        instances.key("items")
                        instances.array { items in
                            for id in instanceIDs { items.object { item in item.field("instanceId", id) } }
                        }
                    }
                }
                parameters.key("filterSet")
                parameters.object { _ in }
            }
        }
        return draft
    }

    /// An EC2 describe call (`eventName`) filtered to one VPC, naming one of the account's `ids` in
    /// `setKey` when the account has such resources (`nil`: the set stays empty).
    mutating func ec2DescribeInVPC(
        _ eventName: String, setKey: String, itemKey: String, ids: KeyPath<AccountDirectory, [String]>?
    ) -> EventDraft {
        let caller = random.chance(25) ? random.pick(account.services) : operatorOrWorkloadCaller()
        var draft = blank(by: caller, service: "ec2", name: eventName, readOnly: true)
        let candidates = ids.map { account[keyPath: $0] } ?? []
        let chosen = candidates.isEmpty ? [] : [random.pick(candidates)]
        let vpc = random.pick(account.vpcs)
        draft.request = { json in
            json.object { parameters in
                parameters.key(dynamic: setKey)
                parameters.object { set in
                    if !chosen.isEmpty {
                        set.key("items")
                        set.array { items in
                            for id in chosen {
                                items.object { item in
                                    item.key(dynamic: itemKey)
                                    item.string(id)
                                }
                            }
                        }
                    }
                }
                parameters.key("filterSet")
                parameters.object { filters in
                    filters.key("items")
                    filters.array { items in
                        items.object { filter in
                            filter.field("name", "vpc-id")
                            filter.key("valueSet")
                            filter.object { values in
                                values.key("items")
                                values.array { entries in entries.object { entry in entry.field("value", vpc) } }
                            }
                        }
                    }
                }
            }
        }
        return draft
    }

    /// `lambda:GetFunction` (`get`) or `lambda:ListFunctions`, under their versioned event names.
    mutating func lambdaReadFunctions(get: Bool) -> EventDraft {
        let caller = random.pick(account.ssoSessions + account.ciSessions + account.humans)
        let eventName = get ? "GetFunction20150331v2" : "ListFunctions20150331"
        var draft = blank(by: caller, service: "lambda", name: eventName, readOnly: true)
        // Drawn for both calls, so both consume the same random values.
        let function = random.pick(account.functions)
        if get {
            draft.request = { json in json.object { parameters in parameters.field("functionName", function) } }
        } else {
            draft.request = { json in json.object { parameters in parameters.field("maxItems", int: 50) } }
        }
        return draft
    }

    /// `lambda:Invoke` from a container or another function, for a queue event; a data event.
    mutating func lambdaInvoke() -> EventDraft {
        let caller = random.chance(50) ? random.pick(account.containerSessions) : random.pick(account.lambdaSessions)
        var draft = blank(by: caller, service: "lambda", name: "Invoke", readOnly: false)
        draft.isData = true
        let queueArn = "arn:aws:sqs:\(region):\(account.id):orders-queue"
        let functionArn = "arn:aws:lambda:\(region):\(account.id):function:\(random.pick(account.functions))"
        draft.request = { json in
            json.object { parameters in
                parameters.field("functionName", functionArn)
                parameters.field("invocationType", "Event")
                parameters.field("sourceArn", queueArn)
            }
        }
        draft.additional = { json in
            json.object { details in details.field("functionVersion", functionArn + ":$LATEST") }
        }
        draft.resources = [.init(type: "AWS::Lambda::Function", arn: functionArn, accountID: account.id)]
        return draft
    }

    /// `ssm:UpdateInstanceInformation`: the SSM agent on an instance reporting in.
    mutating func ssmUpdateInstanceInformation() -> EventDraft {
        let caller = random.pick(account.instanceSessions)
        var draft = blank(by: caller, service: "ssm", name: "UpdateInstanceInformation", readOnly: false)
        draft.userAgent = "aws-sdk-go/1.55.5 (go1.23.8; linux; amd64) exec-env/EC2 amazon-ssm-agent/3.3.987.0"
        let instance = caller.sessionName
        let zone = region + random.pick(["a", "b", "c"])
        let computerName = "ip-10-0-\(instance.count)-\(instance.utf8.count * 3).ec2.internal"
        draft.request = { json in
            json.object { parameters in
                parameters.field("instanceId", instance)
                parameters.field("agentVersion", "3.3.987.0")
                parameters.field("agentStatus", "Active")
                parameters.field("platformType", "Linux")
                parameters.field("platformName", "Amazon Linux")
                parameters.field("platformVersion", "2023")
                parameters.field("iPAddress", "HIDDEN_DUE_TO_SECURITY_REASONS")
                parameters.field("computerName", computerName)
                parameters.field("agentName", "amazon-ssm-agent")
                parameters.field("availabilityZone", zone)
                parameters.field("sSMConnectionChannel", "ssmmessages")
            }
        }
        return draft
    }

    /// `ssm:GetParameter` with decryption, by a workload reading its configuration.
    mutating func ssmGetParameter() -> EventDraft {
        let caller = workloadCaller()
        var draft = blank(by: caller, service: "ssm", name: "GetParameter", readOnly: true)
        let parameter = random.pick(account.parameters)
        draft.request = { json in
            json.object { parameters in
                parameters.field("name", parameter)
                parameters.field("withDecryption", bool: true)
            }
        }
        return draft
    }

    /// `ecr:GetAuthorizationToken` before an image pull, by an instance or the CI role.
    mutating func ecrGetAuthorizationToken() -> EventDraft {
        let caller = random.chance(50) ? random.pick(account.instanceSessions) : random.pick(account.ciSessions)
        return blank(by: caller, service: "ecr", name: "GetAuthorizationToken", readOnly: true)
    }

    /// `elasticloadbalancing:DescribeTargetHealth` for one of a few target groups.
    mutating func elbDescribeTargetHealth() -> EventDraft {
        let caller = random.chance(50) ? account.services[5] : operatorOrWorkloadCaller()
        var draft = blank(by: caller, service: "elasticloadbalancing", name: "DescribeTargetHealth", readOnly: true)
        let groupName = random.pick(["web-tier", "payments-api", "catalog"])
        let groupID = random.hex(16)
        let groupArn = "arn:aws:elasticloadbalancing:\(region):\(account.id):targetgroup/\(groupName)-tg/\(groupID)"
        draft.request = { json in json.object { parameters in parameters.field("targetGroupArn", groupArn) } }
        return draft
    }

    /// `autoscaling:DescribeAutoScalingGroups`, by the Auto Scaling service or a person or workload.
    mutating func autoscalingDescribeAutoScalingGroups() -> EventDraft {
        let caller = random.chance(50) ? account.services[3] : operatorOrWorkloadCaller()
        var draft = blank(by: caller, service: "autoscaling", name: "DescribeAutoScalingGroups", readOnly: true)
        draft.request = { json in json.object { parameters in parameters.field("maxRecords", int: 100) } }
        return draft
    }
}
