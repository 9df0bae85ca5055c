import ArgumentParser
import CloudTrailReader

/// `--max-file-bytes` and `--max-ratio`, shared by `scan` and the console: what one input may
/// cost before it is refused as hostile (a gzip bomb, an endless stream).
struct ReadLimitOptions: ParsableArguments {
    /// A size in bytes, written as a plain number or with a K, M or G suffix (powers of 1024).
    struct ByteSize: ExpressibleByArgument {
        var bytes: Int

        init(bytes: Int) {
            self.bytes = bytes
        }

        init?(argument: String) {
            let text = argument.uppercased()
            let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30]
            var digits = Substring(text)
            var shift = 0
            if let last = digits.last, let found = shifts[last] {
                shift = found
                digits = digits.dropLast()
            }
            // At most 2^40 bytes: bigger is surely a typo, and the shift below cannot overflow.
            guard let number = Int(digits), number > 0, number <= (1 << 40) >> shift else { return nil }
            bytes = number << shift
        }

        var defaultValueDescription: String { "512M" }
    }

    private static let defaults = ReadLimits()

    @Option(
        help: ArgumentHelp(
            "Refuse an input that holds, or decompresses to, more than this (K, M or G suffix).",
            valueName: "size"))
    var maxFileBytes = ByteSize(bytes: defaults.maxFileBytes)

    @Option(
        help: ArgumentHelp(
            "Refuse gzip that expands more than this many times its compressed size.", valueName: "n"))
    var maxRatio = defaults.maxCompressionRatio

    func validate() throws {
        guard maxRatio >= 1 else { throw ValidationError("--max-ratio must be at least 1.") }
    }

    var limits: ReadLimits {
        ReadLimits(maxFileBytes: maxFileBytes.bytes, maxCompressionRatio: maxRatio)
    }
}
