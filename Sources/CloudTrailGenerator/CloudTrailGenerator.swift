/// Produces a reproducible corpus of CloudTrail log files.
///
/// The time range is cut into 5-minute delivery windows. Each window is generated on its own from
/// the seed and the window's index, so output never depends on the order in which windows are
/// produced and only one window is held in memory at a time. Within a window, records are grouped
/// by account and region into files, and each file's records are shuffled, as CloudTrail's own
/// files are only roughly ordered.
///
/// Besides background traffic, the corpus contains planted scenarios for the two bundled rules;
/// ``GeneratorReport/plantedTruePositives`` and ``GeneratorReport/plantedNearMisses`` list them.
public struct CloudTrailGenerator: Sendable {
    /// The configuration the output is derived from.
    public let configuration: GeneratorConfiguration

    /// Length of one delivery window.
    static let windowSeconds: Int64 = 300

    let validationError: GeneratorError?
    let start: Int64
    let accounts: [AccountDirectory]
    /// Background records per window, summing to the configured total minus planted records.
    let backgroundPlan: [Int]
    /// Planted records by window index.
    let plantedByWindow: [Int: [EventDraft]]
    let truePositives: [PlantedEvent]
    let nearMisses: [PlantedEvent]
    let regionIndex: [String: Int]
    /// Region for global services (IAM, sign-in).
    let globalRegion: String

    /// Prepares a generator. Invalid configurations are reported by ``write(to:)`` and ``files()``.
    public init(configuration: GeneratorConfiguration) {
        self.configuration = configuration
        let problem = Self.validate(configuration)
        validationError = problem
        let usable = problem == nil
        start = UTCTime.parseDate(configuration.startDate) ?? 0
        accounts =
            usable
            ? (0..<configuration.accounts).map { AccountDirectory(index: $0, seed: configuration.seed) }
            : []
        var index: [String: Int] = [:]
        for (position, region) in configuration.regions.enumerated() where index[region] == nil {
            index[region] = position
        }
        regionIndex = index
        globalRegion =
            configuration.regions.contains("us-east-1")
            ? "us-east-1"
            : (configuration.regions.first ?? "us-east-1")

        let windows = usable ? configuration.days * 86_400 / Int(Self.windowSeconds) : 0
        var planted: [EventDraft] = []
        var positives: [PlantedEvent] = []
        var misses: [PlantedEvent] = []
        if usable {
            var planter = ScenarioPlanter(
                configuration: configuration, accounts: accounts, start: start, globalRegion: globalRegion
            )
            let scenarios = planter.plant()
            planted = scenarios.drafts
            positives = scenarios.truePositives
            misses = scenarios.nearMisses
        }
        var byWindow: [Int: [EventDraft]] = [:]
        for draft in planted {
            let window = Int((draft.time - start) / Self.windowSeconds)
            byWindow[window, default: []].append(draft)
        }
        plantedByWindow = byWindow
        truePositives = positives
        nearMisses = misses
        backgroundPlan =
            usable
            ? Self.plan(
                total: max(0, configuration.events - planted.count), windows: windows, start: start,
                seed: configuration.seed
            )
            : []
    }

    static func validate(_ configuration: GeneratorConfiguration) -> GeneratorError? {
        if configuration.events < 0 { return .invalidConfiguration("events must be 0 or more") }
        if !(1...3660).contains(configuration.days) { return .invalidConfiguration("days must be between 1 and 3660") }
        if !(1...100).contains(configuration.accounts) {
            return .invalidConfiguration("accounts must be between 1 and 100")
        }
        if configuration.recordsPerFile < 1 { return .invalidConfiguration("recordsPerFile must be at least 1") }
        if !(0...9).contains(configuration.compressionLevel) {
            return .invalidConfiguration("compressionLevel must be between 0 and 9")
        }
        if configuration.regions.isEmpty { return .invalidConfiguration("regions must not be empty") }
        if UTCTime.parseDate(configuration.startDate) == nil {
            return .invalidConfiguration(
                "startDate must be a date written YYYY-MM-DD, got \"\(configuration.startDate)\""
            )
        }
        return nil
    }

    /// The report's planted-event lists, available without generating anything.
    public var plantedEvents: (truePositives: [PlantedEvent], nearMisses: [PlantedEvent]) {
        (truePositives, nearMisses)
    }

    /// Number of 5-minute windows in the range.
    var windowCount: Int { backgroundPlan.count }
}
