import CloudTrailReader
import ECSMapping

/// How a scan runs.
public struct ScanConfiguration: Sendable {
    public var ruleSet: RuleSet
    /// Files are decompressed and evaluated on this many threads.
    public var workerCount: Int
    /// Whether records may be dropped after a peek at their provider and action. Turning it off
    /// gives the straightforward path (parse, map and evaluate every record), which must find
    /// exactly the same alerts.
    public var usesPrefilter: Bool
    /// Whether to keep at most `max_signals` alerts per rule per simulated run, as Kibana does.
    public var appliesMaxSignals: Bool
    public var mapperOptions: ECSMapperOptions
    /// What one input may cost to read (decompressed size, compression ratio).
    public var readLimits: ReadLimits

    public init(
        ruleSet: RuleSet,
        workerCount: Int = 2,
        usesPrefilter: Bool = true,
        appliesMaxSignals: Bool = true,
        mapperOptions: ECSMapperOptions = ECSMapperOptions(),
        readLimits: ReadLimits = ReadLimits()
    ) {
        self.ruleSet = ruleSet
        self.workerCount = max(1, workerCount)
        self.usesPrefilter = usesPrefilter
        self.appliesMaxSignals = appliesMaxSignals
        self.mapperOptions = mapperOptions
        self.readLimits = readLimits
    }
}
