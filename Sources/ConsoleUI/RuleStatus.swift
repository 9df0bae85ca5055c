import DetectionRules

/// One loaded rule as the rules view lists it: what it is, whether it ran, and what it gave.
///
/// A plain value so the console never needs the engine: the app fills these from the engine's
/// rule coverage and the scan's per-rule alert counts.
public struct RuleStatus: Sendable, Hashable {
    /// Whether the rule ran.
    public enum Run: Sendable, Hashable {
        /// It ran, reading only fields this scan gives.
        case ran
        /// It ran, but reads fields that stay absent here; the reasons say which and why.
        case ranWithoutData([String])
        /// It did not run; the reason says why.
        case notRun(String)
    }

    public var ruleID: String
    public var name: String
    public var type: RuleType
    public var severity: Severity
    public var run: Run
    /// Alerts the rule gave; `nil` until the scan has decided (and for a rule that did not run).
    public var alerts: Int?
    /// Alerts left out because a simulated run exceeded the rule's `max_signals`.
    public var droppedByMaxSignals: Int

    public init(
        ruleID: String, name: String, type: RuleType, severity: Severity, run: Run, alerts: Int? = nil,
        droppedByMaxSignals: Int = 0
    ) {
        self.ruleID = ruleID
        self.name = name
        self.type = type
        self.severity = severity
        self.run = run
        self.alerts = alerts
        self.droppedByMaxSignals = droppedByMaxSignals
    }

    /// Whether the rule was evaluated at all.
    public var ran: Bool {
        if case .notRun = run { return false }
        return true
    }
}
