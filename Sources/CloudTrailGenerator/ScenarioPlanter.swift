/// Places the attack chains and look-alikes the bundled rules are tested against.
///
/// Every scenario is written as the complete sequence an analyst would pivot through (set-up
/// calls before the alerting call, follow-on calls after it), and every record a rule should or
/// should not alert on is listed in the report with the reason.
struct ScenarioPlanter {
    /// The scenarios, each placed once per `perHundredThousand` events (at least once for any
    /// corpus of ``minimumEvents`` or more).
    enum Scenario: CaseIterable {
        case rolesAnywhereChain
        case hostileAgentProfile
        case deniedProfile
        case trustAnchorOnly
        case instanceCompromise
        case createUserByIAMUser
        case createUserBySSOSession
        case createUserByFunction
        case createUserByLookalikeRole
        case deniedInstanceCreateUser

        var perHundredThousand: Int {
            switch self {
            case .rolesAnywhereChain, .instanceCompromise: return 3
            default: return 1
            }
        }
    }

    /// Below this many events nothing is planted, so tiny corpora stay pure background.
    static let minimumEvents = 2_000

    struct Output {
        var drafts: [EventDraft] = []
        var truePositives: [PlantedEvent] = []
        var nearMisses: [PlantedEvent] = []
    }

    let configuration: GeneratorConfiguration
    let accounts: [AccountDirectory]
    let start: Int64
    let globalRegion: String
    var random: RandomSource
    var output = Output()
    /// Instance ids already used by planted sessions; each compromised instance is distinct so
    /// each chain is a new term for the new-terms rule.
    var usedInstances = Set<String>()

    init(configuration: GeneratorConfiguration, accounts: [AccountDirectory], start: Int64, globalRegion: String) {
        self.configuration = configuration
        self.accounts = accounts
        self.start = start
        self.globalRegion = globalRegion
        random = RandomSource(seed: configuration.seed, stream: 0x5CE7_A210)
    }

    var end: Int64 { start + Int64(configuration.days) * UTCTime.secondsPerDay }

    /// Plants everything and returns the drafts (in time order) and the report lists.
    mutating func plant() -> Output {
        guard configuration.events >= Self.minimumEvents else { return Output() }
        var schedule: [Scenario] = []
        for scenario in Scenario.allCases {
            let count = max(1, configuration.events * scenario.perHundredThousand / 100_000)
            schedule.append(contentsOf: repeatElement(scenario, count: count))
        }
        schedule.shuffleDeterministically(&random)

        // Spread scenarios evenly over the range, each in its own slice, leaving room at the end
        // for the follow-on activity of the longest chain (about seven hours).
        let usable = max(Int64(3600), end - start - 8 * 3600)
        let slice = usable / Int64(schedule.count)
        var compromiseCount = 0
        for (position, scenario) in schedule.enumerated() {
            var time = start + 1800 + slice * Int64(position) + Int64(random.below(Int(max(1, slice / 2))))
            let account = position % accounts.count
            switch scenario {
            case .rolesAnywhereChain: plantRolesAnywhereChain(at: time, account: account)
            case .hostileAgentProfile: plantHostileAgentProfile(at: time, account: account)
            case .deniedProfile: plantDeniedProfile(at: time, account: account)
            case .trustAnchorOnly: plantTrustAnchorOnly(at: time, account: account)
            case .instanceCompromise:
                // The first chain goes early when the range allows a repeat more than 14 days
                // later, which the new-terms rule must alert on again.
                let canRepeat = configuration.days >= 17 && compromiseCount == 0
                if canRepeat { time = start + 6 * 3600 + Int64(random.below(12 * 3600)) }
                plantInstanceCompromise(at: time, account: account, plantRepeat: canRepeat)
                compromiseCount += 1
            case .createUserByIAMUser: plantCreateUserByIAMUser(at: time, account: account)
            case .createUserBySSOSession: plantCreateUserBySSOSession(at: time, account: account)
            case .createUserByFunction: plantCreateUserByFunction(at: time, account: account)
            case .createUserByLookalikeRole: plantCreateUserByLookalikeRole(at: time, account: account)
            case .deniedInstanceCreateUser: plantDeniedInstanceCreateUser(at: time, account: account)
            }
        }

        output.drafts.sort { ($0.time, $0.eventID) < ($1.time, $1.eventID) }
        output.truePositives.sort { ($0.eventTime, $0.eventID) < ($1.eventTime, $1.eventID) }
        output.nearMisses.sort { ($0.eventTime, $0.eventID) < ($1.eventTime, $1.eventID) }
        return output
    }

    // MARK: Shared helpers

    /// Adds a record, clamped into the time range.
    @discardableResult
    mutating func add(
        at time: Int64, account: Int, region: String? = nil, actor: Actor, service: String, name: String,
        readOnly: Bool = false, configure: (inout EventDraft, inout RandomSource) -> Void = { _, _ in }
    ) -> EventDraft {
        let clamped = min(max(time, start), end - 1)
        var draft = EventDraft.make(
            &random, time: clamped, account: account, accountID: accounts[account].id,
            region: region ?? (service == "iam" ? globalRegion : configuration.regions[0]),
            actor: actor, service: service, name: name, readOnly: readOnly
        )
        configure(&draft, &random)
        output.drafts.append(draft)
        return draft
    }

    mutating func record(_ draft: EventDraft, rule: String, kind: PlantedEvent.Kind, _ description: String) {
        let event = PlantedEvent(
            eventID: draft.eventID, ruleName: rule, kind: kind, description: description,
            eventTime: UTCTime.iso8601(draft.time), accountID: draft.accountID, eventName: draft.name
        )
        if kind == .nearMiss { output.nearMisses.append(event) } else { output.truePositives.append(event) }
    }

    /// Addresses an intruder might come from (hosting and anonymising networks).
    mutating func intruderIP() -> String {
        let prefix = random.pick(["185.220.101", "45.153.160", "193.189.100", "104.244.72", "5.188.206"])
        return "\(prefix).\(random.within(2...250))"
    }

    /// A fresh EC2 instance id: `i-` and 17 hex digits, occasionally in mixed case because the
    /// console must not assume lower-case hex.
    mutating func freshInstanceID() -> String {
        while true {
            var digits = "0" + random.hex(16)
            if random.chance(25) {
                digits = String(digits.map { random.chance(50) ? Character($0.uppercased()) : $0 })
            }
            let id = "i-" + digits
            if usedInstances.insert(id).inserted { return id }
        }
    }
}
