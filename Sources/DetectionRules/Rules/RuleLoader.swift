import Foundation

/// Loads detection rules from elastic/detection-rules style TOML files.
public enum RuleLoader {
    /// Loads one rule file.
    ///
    /// - Throws: `RuleLoadError` naming the file; with line and column for TOML syntax errors
    ///   and for missing or mistyped required keys.
    public static func load(fileAt path: String) throws(RuleLoadError) -> DetectionRule {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RuleLoadError(
                kind: .unreadable, path: path, position: nil, message: "cannot read file: \(error.localizedDescription)"
            )
        }
        return try load(text: text, sourcePath: path)
    }

    /// Parses rule TOML that is already in memory; `sourcePath` is used in errors.
    public static func load(text: String, sourcePath: String) throws(RuleLoadError) -> DetectionRule {
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw RuleLoadError(kind: .syntax, path: sourcePath, position: error.position, message: error.message)
        }
        return try DetectionRule(document: document, sourcePath: sourcePath)
    }

    /// Loads files and directories. Directories are searched recursively for `*.toml` files,
    /// loaded in sorted path order so results are deterministic; a file named explicitly is
    /// loaded whatever its extension. One bad file does not stop the others.
    public static func load(paths: [String]) -> RuleLoadResult {
        var result = RuleLoadResult()
        for path in paths {
            let files: [String]
            do {
                files = try ruleFiles(at: path)
            } catch {
                result.errors.append(error)
                continue
            }
            for file in files {
                do {
                    result.rules.append(try load(fileAt: file))
                } catch {
                    result.errors.append(error)
                }
            }
        }
        return result
    }

    /// The rule files a path stands for.
    static func ruleFiles(at path: String) throws(RuleLoadError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RuleLoadError(kind: .unreadable, path: path, position: nil, message: "no such file or directory")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw RuleLoadError(kind: .unreadable, path: path, position: nil, message: "cannot list directory")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".toml") else { continue }
            let full = (path as NSString).appendingPathComponent(relative)
            var isSubdirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isSubdirectory), !isSubdirectory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }
}
