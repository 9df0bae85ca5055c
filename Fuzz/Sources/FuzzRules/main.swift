import DetectionRules
import FuzzSupport

/// Parses the input as TOML and loads it as a rule file. Either may fail, but only with an
/// error that names the file; an accepted rule's guide parses too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let path = "fuzz/rule.toml"
    _ = try? TOMLDocument(parsing: text)
    do {
        let rule = try RuleLoader.load(text: text, sourcePath: path)
        if let note = rule.note {
            _ = InvestigationGuide(markdown: note)
        }
    } catch {
        fuzzCheck(error.path == path, "a rule error names \(error.path), not the file")
        _ = error.description
    }
    return 0
}

runFuzzer(fuzzRules)
