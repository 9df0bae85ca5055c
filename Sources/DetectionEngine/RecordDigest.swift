/// A compact fingerprint of a matched record's raw bytes, kept instead of the bytes.
///
/// It serves two checks: whether two records sharing an `eventID` are byte-identical (the
/// eventID-conflict pre-check), and whether a record read again for its alert is the record
/// that matched. The hash is keyed with a secret drawn once per scan, so a forged record cannot
/// be crafted to collide with the one it imitates; the length is compared too.
struct RecordDigest: Hashable, Sendable {
    let length: Int
    let hash: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>, key: UInt64) {
        var hasher = Hasher()
        hasher.combine(key)
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        length = bytes.count
        hash = UInt64(UInt(bitPattern: hasher.finalize()))
    }
}
