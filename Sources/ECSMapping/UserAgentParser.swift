import Foundation
import Synchronization
import TrailTriageJSON

/// Parses `userAgent` strings into `user_agent.name`, `.version`, `.os.*` and `.device.name` as
/// Elastic's `user_agent` ingest processor does, from uap-core's regular expressions.
///
/// The regex file is read from the system (Debian's `uap-core` package) at run time, never
/// bundled. Results are cached by user-agent string: a trail repeats a few hundred strings over
/// millions of events, so each is matched once. Matching is thread-safe.
public final class UserAgentParser: Sendable {
    /// Where Debian's `uap-core` package installs the file.
    public static let systemPath = "/usr/share/uap-core/regexes.yaml"

    /// The file the expressions came from.
    public let path: String
    private let userAgents: [Pattern]
    private let systems: [Pattern]
    private let devices: [Pattern]
    private let cache = Mutex<[String: JSONObject]>([:])

    /// One compiled entry with its replacement templates.
    struct Pattern: @unchecked Sendable {  // NSRegularExpression is immutable and thread-safe.
        var regex: NSRegularExpression
        var replacements: [String?]
    }

    /// Reads and compiles a regexes.yaml file.
    ///
    /// - Throws: ``UserAgentParserError`` naming the file when it cannot be read, is not in the
    ///   expected shape, or holds an expression that does not compile.
    public init(path: String) throws(UserAgentParserError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserAgentParserError(path: path, reason: "cannot be read")
        }
        let file: UserAgentRegexFile
        do {
            file = try UserAgentRegexFile(text: String(decoding: data, as: UTF8.self))
        } catch {
            throw UserAgentParserError(path: path, reason: error.description)
        }
        self.path = path
        userAgents = try Self.compile(
            file.userAgentParsers, path: path,
            keys: ["family_replacement", "v1_replacement", "v2_replacement", "v3_replacement"])
        systems = try Self.compile(
            file.osParsers, path: path,
            keys: ["os_replacement", "os_v1_replacement", "os_v2_replacement", "os_v3_replacement"])
        devices = try Self.compile(file.deviceParsers, path: path, keys: ["device_replacement"])
    }

    /// The parser over the system's uap-core file; `nil` when it is not installed.
    public static func system() -> UserAgentParser? {
        try? UserAgentParser(path: systemPath)
    }

    /// Longer strings are not parsed. Real user agents are well under a kilobyte; the field is
    /// attacker-controlled, and a megabyte string run past a thousand expressions would stall a scan.
    public static let maximumLength = 4096
    /// The cache is emptied when it reaches this many strings, so distinct hostile strings cannot
    /// grow it without bound.
    static let cacheLimit = 20_000

    /// The `user_agent` fields other than `original` for one string, as an object; empty when the
    /// string is longer than ``maximumLength``.
    public func parse(_ userAgent: String) -> JSONObject {
        guard userAgent.utf8.count <= Self.maximumLength else { return JSONObject() }
        if let cached = cache.withLock({ $0[userAgent] }) { return cached }
        let fields = compute(userAgent)
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[userAgent] = fields
        }
        return fields
    }

    private func compute(_ userAgent: String) -> JSONObject {
        var result = JSONObject()
        if let parts = Self.firstMatch(userAgents, in: userAgent, groups: 5), let name = parts[0] {
            result["name"] = .string(name)
            if let version = Self.version(parts.dropFirst()) { result["version"] = .string(version) }
        } else {
            result["name"] = .string("Other")
        }
        if let parts = Self.firstMatch(systems, in: userAgent, groups: 5), let name = parts[0] {
            var os = JSONObject()
            os["name"] = .string(name)
            if let version = Self.version(parts.dropFirst()) {
                os["version"] = .string(version)
                os["full"] = .string(name + " " + version)
            }
            result["os"] = .object(os)
        }
        let device = Self.firstMatch(devices, in: userAgent, groups: 1)?[0] ?? "Other"
        result["device"] = .object(JSONObject([JSONMember(key: "name", value: .string(device))]))
        return result
    }

    /// `major[.minor[.patch[.build]]]`, stopping at the first missing part.
    private static func version(_ parts: ArraySlice<String?>) -> String? {
        var pieces: [String] = []
        for part in parts {
            guard let part, !part.isEmpty else { break }
            pieces.append(part)
        }
        return pieces.isEmpty ? nil : pieces.joined(separator: ".")
    }

    /// The first pattern that matches: each field is its replacement (with `$1`… substituted)
    /// or else the capture group of the same position.
    private static func firstMatch(_ patterns: [Pattern], in text: String, groups: Int) -> [String?]? {
        let string = text as NSString
        let whole = NSRange(location: 0, length: string.length)
        for pattern in patterns {
            guard let match = pattern.regex.firstMatch(in: text, options: [], range: whole) else { continue }
            func group(_ index: Int) -> String? {
                guard index < match.numberOfRanges else { return nil }
                let range = match.range(at: index)
                return range.location == NSNotFound ? nil : string.substring(with: range)
            }
            return (0..<groups).map { position -> String? in
                if position < pattern.replacements.count, let template = pattern.replacements[position] {
                    var text = template
                    for index in stride(from: 9, through: 1, by: -1) where text.contains("$\(index)") {
                        text = text.replacing("$\(index)", with: group(index) ?? "")
                    }
                    let trimmed = text.trimmingCharacters(in: .whitespaces)
                    return trimmed.isEmpty ? nil : trimmed
                }
                return group(position + 1)
            }
        }
        return nil
    }

    private static func compile(_ entries: [UserAgentRegexFile.Entry], path: String, keys: [String])
        throws(UserAgentParserError) -> [Pattern]
    {
        var patterns: [Pattern] = []
        for (index, entry) in entries.enumerated() {
            guard let source = entry["regex"] else {
                throw UserAgentParserError(path: path, reason: "entry \(index + 1) has no regex")
            }
            var options: NSRegularExpression.Options = []
            if entry["regex_flag"] == "i" { options.insert(.caseInsensitive) }
            do {
                let regex = try NSRegularExpression(pattern: source, options: options)
                patterns.append(Pattern(regex: regex, replacements: keys.map { entry[$0] }))
            } catch {
                throw UserAgentParserError(path: path, reason: "regex \(source) does not compile: \(error)")
            }
        }
        return patterns
    }
}

/// A regexes.yaml file that could not be used.
public struct UserAgentParserError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
