/// S3, KMS and DynamoDB: the data-plane traffic that dominates a busy trail.
extension BackgroundCall {
    /// `s3:GetObject`, `s3:PutObject` or `s3:HeadObject` (`eventName`), a data event.
    mutating func s3ObjectAccess(_ eventName: String) -> EventDraft {
        let caller = random.chance(3) ? account.federated : workloadCaller()
        let isPut = eventName == "PutObject"
        var draft = blank(by: caller, service: "s3", name: eventName, readOnly: !isPut)
        draft.isData = true
        let region = self.region
        let accountID = account.id
        let bucket = random.pick(account.buckets)
        let key = objectKey()
        let host = "\(bucket).s3.\(region).amazonaws.com"
        let size = random.within(200...4_000_000)
        draft.host = host
        draft.request = { json in
            json.object { parameters in
                parameters.field("bucketName", bucket)
                parameters.field("Host", host)
                parameters.field("key", key)
            }
        }
        if isPut {
            let versionID = random.hex(32)
            let keyArn = "arn:aws:kms:\(region):\(accountID):key/\(account.kmsKeys[0])"
            draft.response = { json in
                json.object { response in
                    response.field("x-amz-server-side-encryption", "aws:kms")
                    response.field("x-amz-server-side-encryption-aws-kms-key-id", keyArn)
                    response.field("x-amz-version-id", versionID)
                }
            }
        }
        let amzID = random.alphanumeric(43)
        let bytesIn = isPut ? size : 0
        let bytesOut = eventName == "GetObject" ? size : 0
        draft.additional = { json in
            json.object { details in
                details.field("SignatureVersion", "SigV4")
                details.field("CipherSuite", "TLS_AES_128_GCM_SHA256")
                details.field("bytesTransferredIn", int: bytesIn)
                details.field("SSEApplied", "SSE_KMS")
                details.field("AuthenticationMethod", "AuthHeader")
                details.field("x-amz-id-2", amzID + "=")
                details.field("bytesTransferredOut", int: bytesOut)
            }
        }
        draft.resources = [
            .init(type: "AWS::S3::Object", arn: "arn:aws:s3:::\(bucket)/\(key)"),
            .init(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::\(bucket)", accountID: accountID),
        ]
        return draft
    }

    /// `s3:ListObjects` (list-type 2) on one of the account's buckets, a data event.
    mutating func s3ListObjects() -> EventDraft {
        let caller = workloadCaller()
        var draft = blank(by: caller, service: "s3", name: "ListObjects", readOnly: true)
        draft.isData = true
        let bucket = random.pick(account.buckets)
        let host = "\(bucket).s3.\(region).amazonaws.com"
        let prefix = random.pick(["exports/", "incoming/2026/", "reports/daily/", "", "tmp/"])
        draft.host = host
        draft.request = { json in
            json.object { parameters in
                parameters.field("list-type", "2")
                parameters.field("bucketName", bucket)
                parameters.field("encoding-type", "url")
                parameters.field("max-keys", "1000")
                parameters.field("prefix", prefix)
                parameters.field("Host", host)
            }
        }
        let amzID = random.alphanumeric(43)
        draft.additional = { json in
            json.object { details in
                details.field("SignatureVersion", "SigV4")
                details.field("CipherSuite", "TLS_AES_128_GCM_SHA256")
                details.field("bytesTransferredIn", int: 0)
                details.field("AuthenticationMethod", "AuthHeader")
                details.field("x-amz-id-2", amzID + "=")
                details.field("bytesTransferredOut", int: 2_048)
            }
        }
        draft.resources = [.init(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::\(bucket)", accountID: account.id)]
        return draft
    }

    /// `kms:Decrypt` or `kms:GenerateDataKey` for an S3 object; data keys are always requested by S3
    /// on the caller's behalf, decryption only sometimes.
    mutating func kmsKeyUseForS3(decrypt: Bool) -> EventDraft {
        var caller = workloadCaller()
        let viaS3 = !decrypt || random.chance(40)
        if viaS3 { caller.invokedBy = "s3.amazonaws.com" }
        var draft = blank(by: caller, service: "kms", name: decrypt ? "Decrypt" : "GenerateDataKey", readOnly: true)
        let keyArn = "arn:aws:kms:\(region):\(account.id):key/\(random.pick(account.kmsKeys))"
        let objectArn = "arn:aws:s3:::\(random.pick(account.buckets))/\(objectKey())"
        if viaS3 {
            draft.sourceIP = "s3.amazonaws.com"
            draft.userAgent = "s3.amazonaws.com"
        }
        draft.request = { json in
            json.object { parameters in
                if !decrypt {
                    parameters.field("keyId", keyArn)
                    parameters.field("keySpec", "AES_256")
                }
                parameters.key("encryptionContext")
                parameters.object { context in context.field("aws:s3:arn", objectArn) }
                if decrypt { parameters.field("encryptionAlgorithm", "SYMMETRIC_DEFAULT") }
            }
        }
        draft.resources = [.init(type: "AWS::KMS::Key", arn: keyArn, accountID: account.id)]
        return draft
    }

    /// `dynamodb:DescribeTable`, `GetItem`, `PutItem` or `Query` (`eventName`); item calls are data
    /// events.
    mutating func dynamodbTableAccess(_ eventName: String) -> EventDraft {
        let caller = workloadCaller()
        var draft = blank(by: caller, service: "dynamodb", name: eventName, readOnly: eventName != "PutItem")
        draft.isData = eventName != "DescribeTable"
        let table = random.pick(account.tables)
        let tableArn = "arn:aws:dynamodb:\(region):\(account.id):table/\(table)"
        draft.request = { json in
            json.object { parameters in
                parameters.field("tableName", table)
                switch eventName {
                case "GetItem", "PutItem":
                    parameters.key(eventName == "GetItem" ? "key" : "item")
                    parameters.object { item in item.field("pk", "HIDDEN_DUE_TO_SECURITY_REASONS") }
                    if eventName == "GetItem" { parameters.field("consistentRead", bool: false) }
                case "Query":
                    parameters.field("keyConditionExpression", "pk = :pk AND begins_with(sk, :prefix)")
                    parameters.field("limit", int: 25)
                default: break
                }
            }
        }
        draft.resources = [.init(type: "AWS::DynamoDB::Table", arn: tableArn, accountID: account.id)]
        draft.apiVersion = "2012-08-10"
        return draft
    }
}
