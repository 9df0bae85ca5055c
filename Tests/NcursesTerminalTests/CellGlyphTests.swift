import Testing

@testable import NcursesTerminal

@Suite struct CellGlyphTests {
    /// A character whose test name is printed as code points, so a raw control character
    /// never reaches the test log (it would drive the terminal showing it).
    struct Sample: CustomTestStringConvertible, Sendable {
        var character: Character
        var testDescription: String {
            character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
        }
    }

    @Test(arguments: ["a", "é", "日", "│", "─", "😀", "…"] as [Character])
    func printableCharactersPassThrough(_ character: Character) {
        #expect(CellGlyph.scalars(for: character) == Array(character.unicodeScalars))
    }

    @Test(
        arguments: ["\u{7}", "\u{1B}", "\u{0}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{2028}", "\u{200B}", "\r\n"].map(
            Sample.init))
    func controlAndFormatCharactersBecomeAQuestionMark(_ sample: Sample) {
        let character = sample.character
        #expect(CellGlyph.scalars(for: character) == ["?"])
        #expect(CellGlyph.wideCharacters(for: character) == [0x3F, 0])
    }

    @Test func combiningSequencesKeepTheirMarks() {
        #expect(CellGlyph.scalars(for: "e\u{301}") == ["e", "\u{301}"])
    }

    @Test func aLeadingCombiningMarkGetsASpaceToSitOn() {
        #expect(CellGlyph.scalars(for: "\u{301}") == [" ", "\u{301}"])
    }

    @Test func longEmojiSequencesAreCappedToWhatACellHolds() {
        let family: Character = "👨‍👩‍👧‍👦"  // 7 scalars
        let scalars = CellGlyph.scalars(for: family)
        #expect(scalars.count == CellGlyph.maximumScalars)
        #expect(scalars.first == "👨")
        #expect(CellGlyph.wideCharacters(for: family).last == 0)
    }
}
