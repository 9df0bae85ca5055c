/// The verdict recorded when an alert is closed.
public enum Disposition: String, Sendable, Hashable, CaseIterable {
    /// Malicious or unauthorised activity.
    case truePositive = "true_positive"
    /// The rule fired correctly, but the activity was expected (an admin, a pipeline).
    case benignTruePositive = "benign_true_positive"
    /// The rule matched something it was not meant to (e.g. the `*i-*` role-name shape).
    case falsePositive = "false_positive"

    /// Words for people, e.g. "benign true positive".
    public var label: String {
        switch self {
        case .truePositive: "true positive"
        case .benignTruePositive: "benign true positive"
        case .falsePositive: "false positive"
        }
    }

    /// Accepts the raw value, the label, or the short forms `tp`, `btp`, `fp`.
    public init?(parsing text: String) {
        let lowered = String(text.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        switch lowered {
        case "tp", "true_positive": self = .truePositive
        case "btp", "benign", "benign_true_positive": self = .benignTruePositive
        case "fp", "false_positive": self = .falsePositive
        default: return nil
        }
    }
}
