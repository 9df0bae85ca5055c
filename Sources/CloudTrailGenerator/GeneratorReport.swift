/// What a generator run produced.
public struct GeneratorReport: Sendable, Hashable {
    /// Number of `.json.gz` files written (or produced in memory).
    public var files: Int
    /// Number of records, planted ones included.
    public var events: Int
    /// Total size of the JSON documents before compression.
    public var bytesUncompressed: Int
    /// Total size of the gzip files; 0 when nothing was compressed.
    public var bytesCompressed: Int
    /// Records a rule should alert on, in time order.
    public var plantedTruePositives: [PlantedEvent]
    /// Records that look like a rule's target but must not alert, in time order.
    public var plantedNearMisses: [PlantedEvent]

    public init(
        files: Int = 0,
        events: Int = 0,
        bytesUncompressed: Int = 0,
        bytesCompressed: Int = 0,
        plantedTruePositives: [PlantedEvent] = [],
        plantedNearMisses: [PlantedEvent] = []
    ) {
        self.files = files
        self.events = events
        self.bytesUncompressed = bytesUncompressed
        self.bytesCompressed = bytesCompressed
        self.plantedTruePositives = plantedTruePositives
        self.plantedNearMisses = plantedNearMisses
    }

    /// Mean size of one record in the uncompressed JSON, in bytes.
    public var averageRecordSize: Double {
        events == 0 ? 0 : Double(bytesUncompressed) / Double(events)
    }

    /// Uncompressed size divided by compressed size; 0 when nothing was compressed.
    public var compressionRatio: Double {
        bytesCompressed == 0 ? 0 : Double(bytesUncompressed) / Double(bytesCompressed)
    }
}
