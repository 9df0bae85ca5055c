/// Shares a row's room among columns sized from content, for the alert list (``ListColumns``)
/// and the related-activity view (``RelatedColumns``).
enum ColumnShare {
    /// Cuts `wanted` widths to fit `room`: each column is capped at its weight (in halves) times
    /// a common level, the level chosen as high as fits (weighted water-filling), so narrow
    /// columns stay whole; none goes below `minimum` (or its own width). The cells left by
    /// rounding go to the columns still cut, in `spareOrder`, so a cut line fills `room` exactly.
    static func share(_ room: Int, among wanted: [Int], weights: [Int], spareOrder: [Int], minimum: Int) -> [Int] {
        guard wanted.reduce(0, +) > room else { return wanted }
        let floors = wanted.map { min($0, minimum) }
        guard floors.reduce(0, +) < room else { return floors }
        func widths(at level: Int) -> [Int] {
            wanted.indices.map { max(floors[$0], min(wanted[$0], level * weights[$0] / 2)) }
        }
        var low = 0
        var high = (wanted.max() ?? 0) * 2
        while low < high {
            let level = (low + high + 1) / 2
            if widths(at: level).reduce(0, +) <= room { low = level } else { high = level - 1 }
        }
        var result = widths(at: low)
        var spare = room - result.reduce(0, +)
        for index in spareOrder where spare > 0 {
            let grow = min(spare, wanted[index] - result[index])
            result[index] += grow
            spare -= grow
        }
        return result
    }
}
