import TrailTriageJSON

extension ECSDocument {
    /// Keyword fields whose Elastic mapping has `ignore_above: 8191`: longer strings are stored but
    /// not indexed, so no query (not even `field: *`) can match them.
    static let ignoreAboveFields: Set<String> = [
        "aws.cloudtrail.request_parameters",
        "aws.cloudtrail.response_elements",
        "aws.cloudtrail.additional_eventdata",
        "aws.cloudtrail.service_event_details",
    ]

    /// The `ignore_above` limit of ``ignoreAboveFields``, in UTF-16 code units (Java characters).
    static let ignoreAboveLength = 8191

    /// Values at a dotted path. Objects are descended by key; arrays contribute each element, both
    /// on the way down (`resources.arn` yields every entry's `arn`) and at the end.
    public func values(at path: String) -> [JSONValue] {
        var results: [JSONValue] = []
        Self.collect(in: root, path: path[...], into: &results)
        return results
    }

    /// Leaf values as the keyword text Elasticsearch would index: strings as they are, numbers as
    /// written, booleans as `true`/`false`.
    ///
    /// - A path naming a flattened field's root (`aws.cloudtrail.flattened.request_parameters`)
    ///   yields every leaf beneath it, as a query on a flattened root field does.
    /// - Other objects yield nothing.
    /// - Strings longer than 8191 characters in `aws.cloudtrail.request_parameters`,
    ///   `response_elements`, `additional_eventdata` and `service_event_details` yield nothing
    ///   (`ignore_above`).
    ///
    /// Empty when the path is missing.
    public func keywordValues(at path: String) -> [String] {
        let found = values(at: path)
        guard !found.isEmpty else { return [] }
        let appliesIgnoreAbove = Self.ignoreAboveFields.contains(path)
        let isFlattenedRoot = Self.isFlattenedRoot(path)
        var texts: [String] = []
        texts.reserveCapacity(found.count)
        for value in found {
            switch value {
            case .string(let text):
                if appliesIgnoreAbove && text.utf16.count > Self.ignoreAboveLength { continue }
                texts.append(text)
            case .number, .bool:
                if let text = value.scalarText { texts.append(text) }
            case .object, .array:
                if isFlattenedRoot { Self.collectLeafTexts(value, into: &texts) }
            case .null:
                continue
            }
        }
        return texts
    }

    /// The first string at `path`, if any.
    public func string(at path: String) -> String? {
        for value in values(at: path) {
            if case .string(let text) = value { return text }
        }
        return nil
    }

    /// A flat view with dotted keys (`"a.b.c"`), in document order. Arrays stay whole values,
    /// including arrays of objects.
    public func flattened() -> [(key: String, value: JSONValue)] {
        var pairs: [(key: String, value: JSONValue)] = []
        Self.flatten(root, prefix: "", into: &pairs)
        return pairs
    }

    // MARK: - Helpers

    /// `aws.cloudtrail.flattened.<name>` with nothing after `<name>`.
    static func isFlattenedRoot(_ path: String) -> Bool {
        let prefix = "aws.cloudtrail.flattened."
        guard path.hasPrefix(prefix) else { return false }
        let rest = path.utf8.dropFirst(prefix.utf8.count)
        return !rest.isEmpty && !rest.contains(UInt8(ascii: "."))
    }

    /// Descends by the first segment of `path` (up to its first `.`). The path is walked in place
    /// rather than split into an array: rules and ES|QL look fields up for every record they read.
    /// `rest` is `nil` once the last segment is used; an empty `rest` stands for an empty segment.
    private static func collect(in object: JSONObject, path: Substring, into results: inout [JSONValue]) {
        let bytes = path.utf8
        let dot = bytes.firstIndex(of: UInt8(ascii: "."))
        let first = dot.map { path[path.startIndex..<$0] } ?? path
        let rest = dot.map { path[bytes.index(after: $0)...] }
        for member in object.members where ByteSearch.equal(member.key, first) {
            collect(in: member.value, rest: rest, into: &results)
        }
    }

    private static func collect(in value: JSONValue, rest: Substring?, into results: inout [JSONValue]) {
        switch value {
        case .array(let elements):
            for element in elements {
                collect(in: element, rest: rest, into: &results)
            }
        case .object(let object) where rest != nil:
            if let rest { collect(in: object, path: rest, into: &results) }
        default:
            if rest == nil { results.append(value) }
        }
    }

    private static func collectLeafTexts(_ value: JSONValue, into texts: inout [String]) {
        switch value {
        case .object(let object):
            for member in object.members { collectLeafTexts(member.value, into: &texts) }
        case .array(let elements):
            for element in elements { collectLeafTexts(element, into: &texts) }
        default:
            if let text = value.scalarText { texts.append(text) }
        }
    }

    private static func flatten(
        _ object: JSONObject, prefix: String, into pairs: inout [(key: String, value: JSONValue)]
    ) {
        for member in object.members {
            let key = prefix.isEmpty ? member.key : prefix + "." + member.key
            if case .object(let child) = member.value {
                flatten(child, prefix: key, into: &pairs)
            } else {
                pairs.append((key, member.value))
            }
        }
    }
}

extension ECSDocument {
    /// Rebuilds a document from its flat dotted form (``flattened()``), e.g. from an alert
    /// stored without its logs. Members whose keys start with one of `skippingPrefixes` (alert
    /// bookkeeping such as `kibana.`) are left out.
    public init(
        flattened members: [JSONMember], skippingPrefixes: [String] = [],
        timestampMilliseconds: Int64, eventID: String?
    ) {
        var tree = FieldTree()
        for member in members where !skippingPrefixes.contains(where: member.key.hasPrefix) {
            tree.set(member.key, member.value)
        }
        self.init(root: tree.build(), timestampMilliseconds: timestampMilliseconds, eventID: eventID)
    }
}
