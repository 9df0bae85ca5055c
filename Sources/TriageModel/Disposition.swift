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
}
