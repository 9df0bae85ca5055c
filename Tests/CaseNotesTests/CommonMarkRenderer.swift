import Foundation
import TestSupport

@testable import CaseNotes

/// Parses Markdown with a real CommonMark implementation (markdown-it-py, with GitHub's tables
/// and strikethrough enabled), so export tests judge the Markdown the way a ticket system
/// would render it rather than by looking at the text.
///
/// All documents go to one `python3` process.
enum CommonMarkRenderer {
    /// What a renderer made of one document.
    struct Rendering {
        /// Every element token in order (`type/tag/nesting`), text runs left out.
        var structure: [String]
        /// The literal content of each inline code span, in order.
        var codeSpans: [String]
        /// The text of each inline run (paragraph, heading, list item), soft breaks as `\n`.
        var texts: [String]
    }

    /// Whether `python3` can import `markdown_it`.
    static let isAvailable: Bool = {
        (try? run(["-c", "import markdown_it"], input: Data()))?.status == 0
    }()

    static func render(_ documents: [String]) throws -> [Rendering] {
        // Framed with ASCII separators rather than JSON: neither Markdown written by the exporter
        // nor its rendering holds control characters other than line feeds, and encoding and
        // parsing megabytes of JSON would take most of the test's time.
        let input = documents.joined(separator: "\u{1E}")
        let result = try run(["-c", script], input: Data(input.utf8))
        guard result.status == 0 else {
            throw RendererError(message: String(decoding: result.error, as: UTF8.self))
        }
        let output = String(decoding: result.output, as: UTF8.self)
        return output.split(separator: "\u{1E}", omittingEmptySubsequences: false).map { document in
            let fields = document.split(separator: "\u{1D}", omittingEmptySubsequences: false).map { field in
                field.isEmpty ? [] : field.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            }
            func field(_ index: Int) -> [String] { index < fields.count ? fields[index] : [] }
            return Rendering(structure: field(0), codeSpans: field(1), texts: field(2))
        }
    }

    struct RendererError: Error, CustomStringConvertible {
        var message: String
        var description: String { "markdown-it failed: \(message)" }
    }

    /// Runs `python3` with files for all three streams, so no pipe can fill up and stall it.
    private static func run(_ arguments: [String], input: Data) throws -> (status: Int32, output: Data, error: Data) {
        let scratch = try ScratchDirectory()
        let inputPath = try scratch.write("in.json", Array(input))
        let outputPath = try scratch.write("out.json", "")
        let errorPath = try scratch.write("err.txt", "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardInput = FileHandle(forReadingAtPath: inputPath)
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        try process.run()
        process.waitUntilExit()
        let output = FileManager.default.contents(atPath: outputPath) ?? Data()
        let error = FileManager.default.contents(atPath: errorPath) ?? Data()
        return (process.terminationStatus, output, error)
    }

    private static let script = #"""
        import sys
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
        results = []
        for document in sys.stdin.buffer.read().decode("utf-8").split("\x1e"):
            structure, code, texts = [], [], []
            for token in md.parse(document):
                structure.append(f"{token.type}/{token.tag}/{token.nesting}")
                if token.type != "inline":
                    continue
                parts = []
                for child in token.children or []:
                    if child.type in ("text", "text_special"):
                        parts.append(child.content)
                        continue
                    if child.type == "softbreak":
                        parts.append("\n")
                    elif child.type == "code_inline":
                        code.append(child.content)
                    structure.append(f"{child.type}/{child.tag}/{child.nesting}")
                texts.append("".join(parts))
            results.append("\x1d".join("\x1f".join(items) for items in (structure, code, texts)))
        sys.stdout.buffer.write("\x1e".join(results).encode("utf-8"))
        """#
}
