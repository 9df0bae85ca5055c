/// Everything that decides what ``CloudTrailGenerator`` writes.
///
/// Two generators built from equal configurations produce byte-identical output, so a corpus can
/// be described by its configuration alone (for example in a benchmark log).
public struct GeneratorConfiguration: Sendable, Hashable {
    /// Total number of records to write, planted scenarios included.
    public var events: Int
    /// Seed for every random choice the generator makes.
    public var seed: UInt64
    /// Length of the covered time range in days, starting at ``startDate`` 00:00 UTC.
    public var days: Int
    /// Number of AWS accounts writing into the trail (an organisation trail when more than one).
    public var accounts: Int
    /// First day of the time range as `YYYY-MM-DD` (UTC). Fixed by default so output is reproducible.
    public var startDate: String
    /// Most records a single `.json.gz` file holds.
    ///
    /// Records are first grouped by account, region and 5-minute delivery window, as CloudTrail
    /// does; a group larger than this is split into several files for the same window, each with
    /// its own random suffix. Quiet windows therefore give smaller files.
    public var recordsPerFile: Int
    /// zlib compression level, 0 (store) to 9 (smallest). 6 is zlib's own default.
    public var compressionLevel: Int32
    /// Regions that receive regional activity. The first is the busiest; IAM and sign-in events
    /// always go to `us-east-1` when it is listed (as in real trails), otherwise to the first region.
    public var regions: [String]

    /// Creates a configuration; every parameter has a reproducible default.
    public init(
        events: Int = 10_000,
        seed: UInt64 = 1,
        days: Int = 7,
        accounts: Int = 2,
        startDate: String = "2026-10-01",
        recordsPerFile: Int = 1_000,
        compressionLevel: Int32 = 6,
        regions: [String] = ["us-east-1", "us-west-2", "eu-west-1"]
    ) {
        self.events = events
        self.seed = seed
        self.days = days
        self.accounts = accounts
        self.startDate = startDate
        self.recordsPerFile = recordsPerFile
        self.compressionLevel = compressionLevel
        self.regions = regions
    }
}
