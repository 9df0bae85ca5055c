#if canImport(Glibc)
    import Glibc
#endif

/// Stops the fuzzer with `message` when an invariant does not hold. libFuzzer treats the abort
/// as a crash and saves the input that caused it.
public func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    let line = Array("fuzz invariant failed: \(message())\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}

/// The fuzzer's input as a byte array.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Whether `text` holds a scalar that must never reach a terminal or an export raw. Newlines
/// are the exception: exports are multi-line text.
public func holdsUnsafeScalar(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0 != "\n" && isUnsafe($0) }
}

private func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    let control = value < 0x20 || (0x7F..<0xA0).contains(value)
    let directional =
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        || (0x200B...0x200F).contains(value)
    return control || directional
}
