import TrailTriageJSON

/// Whether a record's `requestParameters` can give flattened leaves from its bytes.
enum RequestParameters {
    /// An object the mapper flattens as is: its range in the file's bytes.
    case object(Range<Int>)
    /// No `requestParameters`, or `null`: no flattened leaves.
    case absent
    /// Not an object, too large for the bound below, or with keys the mapper rewrites.
    case unusable

    /// Objects up to this many bytes of JSON certainly print as `Map.toString()` text shorter
    /// than the 32,766 characters above which the mapper drops the flattened copy: no JSON value
    /// prints more than 25 times longer than it is written.
    static let largestReadable = 1_200

    init(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        guard let first = range.isEmpty ? nil : buffer[range.lowerBound] else {
            self = .unusable
            return
        }
        if first == UInt8(ascii: "n") {
            self = .absent
            return
        }
        guard first == UInt8(ascii: "{"), range.count <= Self.largestReadable else {
            self = .unusable
            return
        }
        var scanner = JSONScanner(bytes: UnsafeBufferPointer(rebasing: buffer[range]))
        var readable = true
        do throws(JSONParseError) {
            try scanner.skipObject { key, _ in
                // Dotted keys are nested by the mapper; escaped ones might spell anything.
                if key.contains(UInt8(ascii: ".")) || key.contains(UInt8(ascii: "\\")) { readable = false }
            }
        } catch {
            readable = false
        }
        self = readable ? .object(range) : .unusable
    }
}
