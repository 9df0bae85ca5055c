extension Int64 {
    /// `self + other`, clamped to the representable range instead of trapping. Times come from
    /// logs and from the state database, and neither is trusted to hold sane values.
    public func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, clamped to the representable range instead of trapping.
    public func saturatingSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other < 0 ? .max : .min
    }

    /// `|self - other|`, exactly: the distance between any two `Int64` values fits in `UInt64`.
    public func distance(magnitudeTo other: Int64) -> UInt64 {
        self >= other ? UInt64(bitPattern: self &- other) : UInt64(bitPattern: other &- self)
    }
}
