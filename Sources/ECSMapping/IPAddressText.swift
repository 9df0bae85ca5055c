/// Strict recognition of textual IP addresses, for deciding whether `sourceIPAddress` can go to
/// the `ip`-typed `source.ip`.
///
/// CloudTrail puts service names (`ec2.amazonaws.com`) and `AWS Internal` in the same field, and
/// Elasticsearch rejects a document whose `ip` field does not parse, so the check must be exact:
/// dotted-quad IPv4 without leading zeros, and RFC 4291 IPv6 (with `::` compression and an
/// optional embedded IPv4 tail). Zone indices (`%eth0`) and brackets are not accepted.
enum IPAddressText {
    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.contains(UInt8(ascii: ":")) {
                return isIPv6(bytes[...])
            }
            return isIPv4(bytes[...])
        }
    }

    static func isIPv4(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var parts = 0
        var value = 0
        var digits = 0
        var leadingZero = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return false }
                parts += 1
                guard parts < 4 else { return false }
                value = 0
                digits = 0
                leadingZero = false
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            // "01" is octal in some parsers and decimal in others; refuse it rather than guess.
            if leadingZero { return false }
            if digits == 0 && byte == UInt8(ascii: "0") { leadingZero = true }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            guard digits <= 3, value <= 255 else { return false }
        }
        return digits > 0 && parts == 3
    }

    static func isIPv6(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard !bytes.isEmpty else { return false }
        var groups = 0
        var sawCompression = false
        var index = bytes.startIndex
        let end = bytes.endIndex

        // A leading "::" is the only place a group separator may start the text.
        if bytes[index] == UInt8(ascii: ":") {
            guard bytes.index(after: index) < end, bytes[bytes.index(after: index)] == UInt8(ascii: ":")
            else { return false }
            sawCompression = true
            index += 2
            if index == end { return true }
        }

        while index < end {
            // Read one group: hex digits, or an IPv4 tail when a dot follows.
            let groupStart = index
            var hexDigits = 0
            while index < end, isHexDigit(bytes[index]) {
                hexDigits += 1
                index += 1
            }
            if index < end, bytes[index] == UInt8(ascii: ".") {
                // Embedded IPv4 takes the last two groups and must end the address.
                guard isIPv4(bytes[groupStart..<end]) else { return false }
                groups += 2
                index = end
                break
            }
            guard hexDigits >= 1, hexDigits <= 4 else { return false }
            groups += 1
            if index == end { break }
            guard bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            if index < end, bytes[index] == UInt8(ascii: ":") {
                guard !sawCompression else { return false }
                sawCompression = true
                index += 1
                if index == end { break }
            } else if index == end {
                // A single trailing colon.
                return false
            }
        }
        return sawCompression ? groups <= 7 : groups == 8
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }
}
