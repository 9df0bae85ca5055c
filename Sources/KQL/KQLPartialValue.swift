/// What is known about one single-valued field of a document that has not been built.
///
/// The bytes of ``text`` are only borrowed: they must stay valid while the query that reads them
/// is evaluated.
public enum KQLPartialValue {
    /// The field's value cannot be told cheaply; tests on it answer ``KQLTruth/unknown``.
    case unknown
    /// The document certainly has no value for the field.
    case absent
    /// The document certainly has one value, whose text is not known (enough for `field: *`).
    case present
    /// The document certainly has exactly this one value (UTF-8).
    case text(UnsafeBufferPointer<UInt8>)
}

/// Supplies partial values by the slot numbers a ``KQLPartialQuery`` was compiled with.
///
/// `mutating` lets a conforming type extract each field from the record on first use and keep it
/// for the other rules that read it.
public protocol KQLPartialFields {
    mutating func partialValue(at slot: Int) -> KQLPartialValue

    /// For a field whose value is unknown: `false` when no value of the field can contain
    /// `literal` (for instance because the field copies text from the source verbatim and the
    /// source never spells `literal`), so tests needing it fail; `true` when that is not known.
    mutating func mayContain(_ literal: UnsafeBufferPointer<UInt8>, atSlot slot: Int) -> Bool

    /// Whether reading the slot's value costs more than searching the source for a literal, so
    /// the search should be tried first.
    func prefersLiteralSearch(atSlot slot: Int) -> Bool
}

extension KQLPartialFields {
    public func prefersLiteralSearch(atSlot slot: Int) -> Bool {
        false
    }

    public mutating func mayContain(_ literal: UnsafeBufferPointer<UInt8>, atSlot slot: Int) -> Bool {
        true
    }
}
