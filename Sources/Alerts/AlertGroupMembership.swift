/// An alert's place in an EQL sequence: Kibana's `kibana.alert.group.id` and `.index`.
///
/// A completed sequence gives one building-block alert per event, each with its position, and
/// one sequence alert without a position; all of them share the group id.
public struct AlertGroupMembership: Sendable, Hashable {
    /// Shared by the sequence alert and its building blocks.
    public var id: String
    /// The event's position in the sequence, for a building-block alert; `nil` for the sequence alert.
    public var index: Int?

    public init(id: String, index: Int?) {
        self.id = id
        self.index = index
    }

    /// Whether this is a building-block alert (`kibana.alert.building_block_type: default`).
    public var isBuildingBlock: Bool { index != nil }
}
