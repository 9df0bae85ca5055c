/// A small, fast, seedable PRNG (xoshiro256**, seeded through SplitMix64).
///
/// The standard library's generator is not seedable, and its algorithm may change between
/// releases; the corpus must be reproducible from a seed forever, so the generator owns its PRNG.
struct RandomSource: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the state from `seed` and `stream`; different streams give unrelated sequences,
    /// which lets each time slot be generated on its own (and in parallel).
    init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03
        s0 = Self.splitMix(&mixer)
        s1 = Self.splitMix(&mixer)
        s2 = Self.splitMix(&mixer)
        s3 = Self.splitMix(&mixer)
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A value in `0..<bound`; `bound` must be positive. Uses multiply-shift, whose tiny bias
    /// does not matter for synthetic logs.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A value in `range`.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// `true` with probability `percent`/100.
    mutating func chance(_ percent: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 * 100 < percent
    }

    /// A uniformly chosen element; `items` must not be empty.
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// Lower-case hexadecimal digits.
    mutating func hex(_ count: Int) -> String {
        string(count, from: Self.hexDigits)
    }

    /// Upper-case letters and digits, as in IAM ids and S3 request ids.
    mutating func upperAlphanumeric(_ count: Int) -> String {
        string(count, from: Self.upperDigits)
    }

    /// Mixed-case letters and digits, as in CloudTrail file-name suffixes.
    mutating func alphanumeric(_ count: Int) -> String {
        string(count, from: Self.mixedDigits)
    }

    /// A version-4-shaped UUID made from this generator (never from the system).
    mutating func uuid() -> String {
        let high = next()
        let low = next()
        var bytes = [UInt8](repeating: 0, count: 36)
        var out = 0
        for index in 0..<32 {
            if index == 8 || index == 12 || index == 16 || index == 20 {
                bytes[out] = UInt8(ascii: "-")
                out += 1
            }
            var nibble: Int
            if index < 16 {
                nibble = Int((high >> UInt64(60 - index * 4)) & 0xF)
            } else {
                nibble = Int((low >> UInt64(60 - (index - 16) * 4)) & 0xF)
            }
            if index == 12 { nibble = 4 }
            if index == 16 { nibble = 8 | (nibble & 3) }
            bytes[out] = Self.hexDigits[nibble]
            out += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func string(_ count: Int, from alphabet: [UInt8]) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            bytes[index] = alphabet[below(alphabet.count)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let upperDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    private static let mixedDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
}
