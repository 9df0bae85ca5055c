import ECSMapping
import KQL
import Synchronization
import TrailTriageJSON

/// The text members of `source.geo` and `source.as` for a source address, as the mapper's
/// lookup sets them, kept as bytes a partial value can point at until the scan ends.
///
/// Without this, a rule that reads `source.as.organization.name` (`not ...: Amazon*` on a
/// broad rule) has every record it might match parsed and mapped only for one lookup; a trail
/// repeats a few thousand addresses, so each is looked up once. Distinct addresses beyond
/// ``limit`` answer "cannot tell" and those records are mapped in full: hostile input cannot
/// grow the table. Written by hand, like ``UserAgentNames``, for speed.
final class GeoIPKeywords: @unchecked Sendable {
    // @unchecked: the stored buffers are written once under the mutex and only read after,
    // and freed in deinit when no scan can be reading them.
    private let databases: GeoIPDatabases
    /// By address: each text member's bytes by its path (`source.as.organization.name`); `nil`
    /// for a value the byte tests should not judge (non-ASCII text, whose comparison the full
    /// path makes on characters, not bytes).
    private let values = Mutex<[String: [String: UnsafeBufferPointer<UInt8>?]]>([:])
    static let limit = 50_000

    /// The paths whose values this gives: the text members Elastic's geoip processors write, and
    /// `source.as.number` as its keyword text (a broad discovery rule tests it on every call).
    static let paths: Set<String> = [
        "source.as.number", "source.as.organization.name", "source.geo.city_name", "source.geo.continent_name",
        "source.geo.country_iso_code", "source.geo.country_name", "source.geo.region_iso_code",
        "source.geo.region_name",
    ]

    init(databases: GeoIPDatabases) {
        self.databases = databases
    }

    deinit {
        values.withLock { values in
            for members in values.values {
                for case let bytes? in members.values { UnsafeMutableBufferPointer(mutating: bytes).deallocate() }
            }
        }
    }

    /// The value at `path` (one of ``paths``) for the IP address `address`.
    func value(at path: String, for address: UnsafeBufferPointer<UInt8>) -> KQLPartialValue {
        let text = String(decoding: address, as: UTF8.self)
        if let known = values.withLock({ $0[text] }) { return Self.partial(known[path]) }
        let found = databases.lookup(text)
        var members: [String: String] = [:]
        for (prefix, object) in [("source.geo.", found.geo), ("source.as.", found.autonomousSystem)] {
            for member in object.members {
                if let string = member.value.stringValue { members[prefix + member.key] = string }
                // The AS number as the keyword view renders it, which is what rules compare.
                if case .number = member.value, let text = member.value.scalarText {
                    members[prefix + member.key] = text
                }
                if let nested = member.value.objectValue {
                    for inner in nested.members {
                        if let string = inner.value.stringValue {
                            members[prefix + member.key + "." + inner.key] = string
                        }
                    }
                }
            }
        }
        return values.withLock { values -> KQLPartialValue in
            if let known = values[text] { return Self.partial(known[path]) }
            guard values.count < Self.limit else { return .unknown }
            var stored: [String: UnsafeBufferPointer<UInt8>?] = [:]
            for (key, string) in members where Self.paths.contains(key) && !string.isEmpty {
                guard string.utf8.allSatisfy({ $0 < 0x80 }) else {
                    stored[key] = .some(nil)
                    continue
                }
                let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: string.utf8.count)
                _ = storage.initialize(from: string.utf8)
                stored[key] = UnsafeBufferPointer(storage)
            }
            values[text] = stored
            return Self.partial(stored[path])
        }
    }

    private static func partial(_ entry: UnsafeBufferPointer<UInt8>??) -> KQLPartialValue {
        switch entry {
        case .none: return .absent
        case .some(.none): return .unknown
        case .some(.some(let bytes)): return .text(bytes)
        }
    }
}
