/// One `[[rule.threat]]` entry: a MITRE ATT&CK tactic and the techniques mapped under it.
public struct ThreatMapping: Sendable, Hashable {
    /// A tactic, e.g. TA0003 Persistence.
    public struct Tactic: Sendable, Hashable {
        public var id: String
        public var name: String
        public var reference: String

        public init(id: String, name: String, reference: String) {
            self.id = id
            self.name = name
            self.reference = reference
        }
    }

    /// A technique, e.g. T1098 Account Manipulation, with its sub-techniques.
    public struct Technique: Sendable, Hashable {
        public var id: String
        public var name: String
        public var reference: String
        public var subtechniques: [Subtechnique]

        public init(id: String, name: String, reference: String, subtechniques: [Subtechnique] = []) {
            self.id = id
            self.name = name
            self.reference = reference
            self.subtechniques = subtechniques
        }
    }

    /// A sub-technique, e.g. T1098.003 Additional Cloud Roles.
    public struct Subtechnique: Sendable, Hashable {
        public var id: String
        public var name: String
        public var reference: String

        public init(id: String, name: String, reference: String) {
            self.id = id
            self.name = name
            self.reference = reference
        }
    }

    /// The framework name, normally `"MITRE ATT&CK"`.
    public var framework: String
    public var tactic: Tactic
    public var techniques: [Technique]

    public init(framework: String, tactic: Tactic, techniques: [Technique] = []) {
        self.framework = framework
        self.tactic = tactic
        self.techniques = techniques
    }
}
