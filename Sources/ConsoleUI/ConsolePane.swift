/// The three panes Tab moves between.
public enum ConsolePane: Int, Sendable, Hashable, CaseIterable {
    case list
    case detail
    case sidebar

    var next: ConsolePane { ConsolePane(rawValue: (rawValue + 1) % 3) ?? .list }
    var previous: ConsolePane { ConsolePane(rawValue: (rawValue + 2) % 3) ?? .list }
}
