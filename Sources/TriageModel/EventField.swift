/// A value read from an event, or the explicit fact that the event does not carry it.
///
/// The detail pane keeps a fixed row for each key parameter, so "absent" has to be a state of its
/// own rather than an empty string that could be confused with an empty value in the log.
public enum EventField<Value: Sendable & Hashable>: Sendable, Hashable {
    case present(Value)
    case notInEvent

    /// The value, or `nil` when the event does not carry it.
    public var value: Value? {
        if case .present(let value) = self { return value }
        return nil
    }

    /// Whether the event carries the field.
    public var isPresent: Bool { value != nil }

    init(_ optional: Value?) {
        if let optional { self = .present(optional) } else { self = .notInEvent }
    }
}
