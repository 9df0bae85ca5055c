import DetectionRules
import FuzzSupport

/// Parses the input as a rule's investigation guide (Markdown): any text yields a guide, and a
/// step's title is one line with text on it (the console lays each step out as a single
/// checklist line), as is every note.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGuide(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let guide = InvestigationGuide(markdown: String(decoding: fuzzBytes(data, size), as: UTF8.self))
    for step in guide.steps {
        fuzzCheck(!step.title.contains("\n"), "a guide step title spans lines: \(step.title.debugDescription)")
        fuzzCheck(step.title.contains { !$0.isWhitespace }, "a guide step has no title: \(step)")
    }
    for note in guide.falsePositiveNotes + guide.responseSteps + guide.additionalInformation {
        fuzzCheck(note.contains { !$0.isWhitespace }, "a guide note is empty: \(note.debugDescription)")
    }
    return 0
}

runFuzzer(fuzzGuide)
