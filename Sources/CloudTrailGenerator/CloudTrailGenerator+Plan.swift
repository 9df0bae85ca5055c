extension CloudTrailGenerator {
    /// Relative activity per UTC hour: a working day spread over European and American office
    /// hours, with a floor of machine traffic at night.
    static let hourlyWeight: [UInt64] = [
        40, 35, 32, 30, 30, 32, 38, 50, 70, 90, 100, 105,
        110, 115, 120, 125, 120, 110, 95, 80, 65, 55, 50, 45,
    ]

    /// Splits `total` records over `windows` windows by weight, exactly and deterministically:
    /// window `i` gets `floor(total·W(i)/W) − floor(total·W(i−1)/W)` where `W(i)` is the running
    /// weight. Integer arithmetic keeps the split identical on every platform.
    static func plan(total: Int, windows: Int, start: Int64, seed: UInt64) -> [Int] {
        guard windows > 0 else { return [] }
        var random = RandomSource(seed: seed, stream: 0x91A2)
        var weights = [UInt64](repeating: 0, count: windows)
        for window in 0..<windows {
            let time = start + Int64(window) * windowSeconds
            let hour = Int((time % UTCTime.secondsPerDay) / 3600)
            var weight = hourlyWeight[hour] * 100
            if UTCTime.weekday(time) >= 5 { weight = weight * 45 / 100 }
            // ±30% jitter so consecutive windows differ, as real traffic does.
            weight = weight * UInt64(70 + random.below(61)) / 100
            weights[window] = max(weight, 1)
        }
        let sum = weights.reduce(0, +)
        var counts = [Int](repeating: 0, count: windows)
        var running: UInt64 = 0
        var previous = 0
        for window in 0..<windows {
            running += weights[window]
            let upTo = Int(sum.dividingFullWidth(running.multipliedFullWidth(by: UInt64(total))).quotient)
            counts[window] = upTo - previous
            previous = upTo
        }
        return counts
    }
}
