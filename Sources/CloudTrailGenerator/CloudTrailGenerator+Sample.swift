extension GeneratorConfiguration {
    /// The small dataset bundled in `Assets/samples/`, which the console opens by default:
    /// 2,500 records over one day in two accounts and two regions, with every planted scenario.
    /// Small enough to ship in the repository (about 1 MB of gzip).
    public static let sample = GeneratorConfiguration(
        events: 2_500,
        seed: 20_261_001,
        days: 1,
        accounts: 2,
        startDate: "2026-10-01",
        recordsPerFile: 1_000,
        compressionLevel: 6,
        regions: ["us-east-1", "eu-west-1"]
    )
}

extension CloudTrailGenerator {
    /// A generator for the bundled sample dataset (``GeneratorConfiguration/sample``).
    public static func sampleDataset() -> CloudTrailGenerator {
        CloudTrailGenerator(configuration: .sample)
    }
}
