import ECSMapping
import KQL
import Synchronization
import TrailTriageJSON

/// `user_agent.name` for a record's `userAgent`, as the mapper's parser would set it, kept as
/// bytes a partial value can point at until the scan ends.
///
/// A rule that selects `user_agent.name == "aws-cli"` would otherwise have every record it might
/// match mapped just to parse one string; a trail repeats a few hundred user-agent strings, so
/// their names are parsed once. Distinct strings beyond ``limit`` answer "cannot tell", and those
/// records are mapped: hostile input cannot grow the table.
final class UserAgentNames: @unchecked Sendable {
    // @unchecked: the stored buffers are written once under the mutex and only read after,
    // and freed in deinit when no scan can be reading them.
    private let parser: UserAgentParser?
    /// By user-agent string: the name's bytes, or `nil` when the parser gives no name.
    private let names = Mutex<[String: UnsafeBufferPointer<UInt8>?]>([:])
    static let limit = 4096

    init(parser: UserAgentParser?) {
        self.parser = parser
    }

    deinit {
        names.withLock { names in
            for case let bytes?? in names.values {
                UnsafeMutableBufferPointer(mutating: bytes).deallocate()
            }
        }
    }

    /// The name of the plain (unescaped) user-agent text `userAgent`.
    func name(of userAgent: UnsafeBufferPointer<UInt8>) -> KQLPartialValue {
        guard let parser else { return .absent }
        // The mapper stores no empty string, so an empty user agent is never parsed.
        guard !userAgent.isEmpty else { return .absent }
        let text = String(decoding: userAgent, as: UTF8.self)
        if let known = names.withLock({ $0[text] }) {
            return known.map(KQLPartialValue.text) ?? .absent
        }
        let name = parser.parse(text)["name"]?.stringValue
        return names.withLock { names -> KQLPartialValue in
            if let known = names[text] { return known.map(KQLPartialValue.text) ?? .absent }
            guard names.count < Self.limit else { return .unknown }
            guard let name, !name.isEmpty else {
                names[text] = .some(nil)
                return .absent
            }
            let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: name.utf8.count)
            _ = storage.initialize(from: name.utf8)
            let bytes = UnsafeBufferPointer(storage)
            names[text] = bytes
            return .text(bytes)
        }
    }
}
