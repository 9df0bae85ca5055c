/// One CloudTrail log object, before compression.
public struct GeneratedFile: Sendable, Hashable {
    /// Path relative to the output directory, e.g.
    /// `AWSLogs/123456789012/CloudTrail/us-east-1/2026/10/01/` followed by
    /// `123456789012_CloudTrail_us-east-1_20261001T0005Z_Ab3dE5fG7hI9jK1l.json.gz`.
    public var relativePath: String
    /// The `{"Records":[…]}` document as UTF-8 JSON.
    public var json: [UInt8]
    /// Number of records in ``json``.
    public var recordCount: Int
    /// The account the file belongs to.
    public var accountID: String
    /// The region the file belongs to.
    public var region: String

    public init(relativePath: String, json: [UInt8], recordCount: Int, accountID: String, region: String) {
        self.relativePath = relativePath
        self.json = json
        self.recordCount = recordCount
        self.accountID = accountID
        self.region = region
    }
}
