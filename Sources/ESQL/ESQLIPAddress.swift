/// An IP address as the 16 bytes Elasticsearch indexes (IPv4 mapped into IPv6), for ordering and
/// equality, and its canonical text.
struct ESQLIPAddress: Hashable, Comparable {
    var bytes: [UInt8]

    /// Parses dotted IPv4 or IPv6 text (with `::` and an embedded IPv4 tail); `nil` for anything else.
    init?(_ text: String) {
        if let four = Self.ipv4(Substring(text)) {
            bytes = [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF] + four
            return
        }
        guard let six = Self.ipv6(text) else { return nil }
        bytes = six
    }

    static func < (left: ESQLIPAddress, right: ESQLIPAddress) -> Bool {
        left.bytes.lexicographicallyPrecedes(right.bytes)
    }

    /// IPv4 when mapped, otherwise RFC 5952 text (lower case, longest zero run as `::`).
    var text: String {
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12...].map { String($0) }.joined(separator: ".")
        }
        let groups = (0..<8).map { Int(bytes[$0 * 2]) << 8 | Int(bytes[$0 * 2 + 1]) }
        var bestStart = -1
        var bestLength = 0
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            let start = index
            while index < 8 && groups[index] == 0 { index += 1 }
            if index - start > bestLength && index - start >= 2 {
                bestStart = start
                bestLength = index - start
            }
        }
        func hex(_ range: Range<Int>) -> String {
            range.map { String(groups[$0], radix: 16) }.joined(separator: ":")
        }
        guard bestStart >= 0 else { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }

    private static func ipv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var result: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = UInt8(part)
            else { return nil }
            result.append(value)
        }
        return result
    }

    private static func ipv6(_ text: String) -> [UInt8]? {
        guard text.contains(":") else { return nil }
        var halves = [text]
        if let gap = text.firstRange(of: "::") {
            halves = [String(text[..<gap.lowerBound]), String(text[gap.upperBound...])]
            guard !halves[1].contains("::") else { return nil }
        }
        func groups(_ part: String) -> [UInt8]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (position, piece) in pieces.enumerated() {
                if position == pieces.count - 1, piece.contains("."), let four = ipv4(piece) {
                    result += four
                    continue
                }
                guard !piece.isEmpty, piece.count <= 4, let value = UInt16(piece, radix: 16) else { return nil }
                result += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count <= 14 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
