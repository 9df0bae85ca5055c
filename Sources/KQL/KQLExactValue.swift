import Glibc

/// A value that a field value must equal exactly.
///
/// Comparison is on UTF-8 bytes, like Elasticsearch's term query on a keyword field: it is
/// case-sensitive and, unlike `String.==`, does not treat canonically equivalent spellings as equal.
public struct KQLExactValue: Hashable, Sendable {
    /// The decoded value text.
    public let text: String
    private let bytes: [UInt8]

    init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    func matches(_ value: String) -> Bool {
        // `utf8.count` is O(1) for native strings, so most mismatches cost a single comparison.
        guard value.utf8.count == bytes.count else {
            return false
        }
        return value.withKQLUTF8 { candidate in
            bytes.withUnsafeBufferPointer { expected in
                candidate.elementsEqual(expected)
            }
        }
    }

    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer(body)
    }

    func matches(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        // memcmp: the generic `elementsEqual` walks iterators byte by byte, and this runs for
        // every candidate rule's test of every record.
        guard value.count == bytes.count else { return false }
        guard let left = value.baseAddress else { return bytes.isEmpty }
        return bytes.withUnsafeBufferPointer { right in
            right.baseAddress.map { memcmp(left, $0, right.count) == 0 } ?? true
        }
    }
}
