extension String {
    /// Runs `body` over the string's UTF-8 bytes, avoiding a copy for native strings.
    func withKQLUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) {
            return result
        }
        var copy = self
        return copy.withUTF8(body)
    }
}
