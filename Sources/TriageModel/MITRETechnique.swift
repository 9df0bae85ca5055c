import DetectionRules

/// One MITRE ATT&CK technique an alert's rule maps to, flattened for display.
public struct MITRETechnique: Sendable, Hashable {
    /// e.g. `TA0003 Persistence`.
    public var tactic: String
    /// e.g. `T1098 Account Manipulation`.
    public var technique: String
    /// e.g. `["T1098.003 Additional Cloud Roles"]`.
    public var subtechniques: [String]

    public init(tactic: String, technique: String, subtechniques: [String] = []) {
        self.tactic = tactic
        self.technique = technique
        self.subtechniques = subtechniques
    }

    /// Every technique of every threat entry; a tactic with no technique gives one entry with
    /// an empty technique.
    public static func from(_ threats: [ThreatMapping]) -> [MITRETechnique] {
        threats.flatMap { threat -> [MITRETechnique] in
            let tactic = "\(threat.tactic.id) \(threat.tactic.name)"
            guard !threat.techniques.isEmpty else { return [MITRETechnique(tactic: tactic, technique: "")] }
            return threat.techniques.map { technique in
                MITRETechnique(
                    tactic: tactic, technique: "\(technique.id) \(technique.name)",
                    subtechniques: technique.subtechniques.map { "\($0.id) \($0.name)" }
                )
            }
        }
    }

    /// `TA0003 Persistence › T1098 Account Manipulation › T1098.003 Additional Cloud Roles`.
    public var line: String {
        ([tactic, technique] + subtechniques).filter { !$0.isEmpty }.joined(separator: " › ")
    }
}
