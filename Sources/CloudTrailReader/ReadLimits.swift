/// Bounds on what reading one input may cost, so a hostile file cannot exhaust memory.
///
/// Real CloudTrail files are a few MB and compress 5 to 20 times; the defaults are far above
/// that, and far below what a gzip bomb or an endless stream would take.
public struct ReadLimits: Sendable, Hashable {
    /// The most bytes one input may hold once decompressed (also the most read from a pipe).
    public var maxFileBytes: Int
    /// The most decompressed bytes per compressed byte a gzip input may expand to.
    public var maxCompressionRatio: Int

    /// 512 MiB per file and a ratio of 100.
    public init(maxFileBytes: Int = 512 << 20, maxCompressionRatio: Int = 100) {
        self.maxFileBytes = max(1, maxFileBytes)
        self.maxCompressionRatio = max(1, maxCompressionRatio)
    }

    /// Below this much output the ratio is not judged: a tiny file of repeated text can compress
    /// far better than a log, and costs nothing.
    static let ratioFloorBytes = 1 << 20

    /// `bytes` for people: `512 MiB`, `1.5 GiB`, `900 bytes`.
    static func describe(_ bytes: Int) -> String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, name) in units where bytes >= size {
            let whole = bytes / size
            let tenths = (bytes % size) * 10 / size
            return tenths == 0 ? "\(whole) \(name)" : "\(whole).\(tenths) \(name)"
        }
        return "\(bytes) bytes"
    }
}
