extension ECSMapper {
    /// Whether UTF-8 bytes are an address the mapper copies to `source.ip` (the same strict test
    /// it applies to `sourceIPAddress`), for readers that judge records without mapping them.
    public static func isIPAddress(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains(UInt8(ascii: ":")) ? IPAddressText.isIPv6(bytes[...]) : IPAddressText.isIPv4(bytes[...])
    }
}
