import Testing
import TrailTriageJSON

@Suite struct JSONWriterTests {
    @Test func roundTripsThroughParser() throws {
        let text = #"{"a":[1,2.5,true,null],"b":{"c":"d\"e"}}"#
        let value = try JSONParser.parse(text)
        #expect(value.jsonText == text)
        #expect(try JSONParser.parse(value.prettyJSONText) == value)
    }

    @Test func escapesTerminalControlsBidiAndZeroWidthCharacters() throws {
        let hostile = "ok\u{1B}[31mred\u{202E}evil\u{200B}\u{7F}\u{85}"
        let text = JSONValue.string(hostile).jsonText
        #expect(text == #""ok\u001B[31mred\u202Eevil\u200B\u007F\u0085""#)
        #expect(!text.unicodeScalars.contains { UnsafeText.needsEscaping($0) })
        #expect(try JSONParser.parse(text) == .string(hostile))
    }

    @Test func visibleTextShowsHiddenCharactersAndCannotBeForged() {
        #expect(UnsafeText.visible("a\u{1B}b\nc\u{202E}") == #"a\u{1B}b\nc\u{202E}"#)
        #expect(UnsafeText.visible(#"\u{1B}"#) == #"\\u{1B}"#)
        #expect(UnsafeText.visible("plain é 日本") == "plain é 日本")
    }

    @Test func prettyOutputIndentsNestedValues() {
        let value: JSONValue = .object(["a": .array([.number("1")]), "b": .object([:])])
        #expect(value.prettyJSONText == "{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}")
    }
}
