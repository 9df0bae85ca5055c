import Foundation
import TestSupport
import Testing

@testable import trailtriage

/// The pager and the editor get the text in a private file and the editor's changes come back.
@Suite struct ExternalProgramTests {
    @Test func anEditorsChangesComeBackAndTheFileIsPrivateAndGone() throws {
        let scratch = try ScratchDirectory()
        let note = scratch.file("seen.txt")
        // A fake editor: appends a line, and records the file's mode and name.
        let editor = "sh -c 'echo appended >> \"$0\"; stat -c %a \"$0\" > \(note); echo \"$0\" >> \(note)'"
        let result = ExternalProgram.run(editor, on: "draft line\n")
        #expect(try result.get() == "draft line\nappended\n")
        let seen = String(decoding: FileBytes.contents(of: note), as: UTF8.self).split(separator: "\n")
        #expect(seen.first == "600")
        #expect(!FileManager.default.fileExists(atPath: String(seen.last ?? "")))
    }

    @Test func aFailingProgramIsReportedWithItsStatus() {
        let result = ExternalProgram.run("sh -c 'exit 3'", on: "draft")
        guard case .failure(let failure) = result else {
            Issue.record("a failing editor reported success")
            return
        }
        #expect(failure.description.contains("status 3"))
    }

    @Test func theVariableNamesTheProgramElseTheDefault() {
        #expect(ExternalProgram.command("EDITOR", fallback: "vi", environment: [:]) == "vi")
        #expect(ExternalProgram.command("EDITOR", fallback: "vi", environment: ["EDITOR": " "]) == "vi")
        #expect(ExternalProgram.command("EDITOR", fallback: "vi", environment: ["EDITOR": "nano -w"]) == "nano -w")
    }
}
