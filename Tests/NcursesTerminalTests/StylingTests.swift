import TerminalGrid
import Testing

@testable import NcursesTerminal

@Suite struct StylingTests {
    @Test func noColorDisablesAutomaticColourOnlyWhenNonEmpty() {
        #expect(ColorMode.automatic.wantsColor(noColor: nil))
        #expect(ColorMode.automatic.wantsColor(noColor: ""))
        #expect(!ColorMode.automatic.wantsColor(noColor: "1"))
        #expect(ColorMode.color.wantsColor(noColor: "1"))
        #expect(!ColorMode.monochrome.wantsColor(noColor: nil))
    }

    @Test(arguments: StyleRole.allCases)
    func monochromeUsesAttributesOnly(_ role: StyleRole) {
        #expect(StylePalette.style(for: role, colored: false).foreground == nil)
    }

    @Test func selectionIsReverseVideoWithOrWithoutColour() {
        for colored in [false, true] {
            #expect(StylePalette.style(for: .selected, colored: colored).attributes.contains(.reverse))
            #expect(
                StylePalette.style(for: .selected, colored: colored)
                    != StylePalette.style(for: .selectedInactive, colored: colored))
            #expect(StylePalette.style(for: .normal, colored: colored) == TextStyle())
        }
    }

    @Test func severitiesAreDistinctInColour() {
        let severities: [StyleRole] = [.severityLow, .severityMedium, .severityHigh, .severityCritical]
        let styles = Set(severities.map { StylePalette.style(for: $0, colored: true) })
        #expect(styles.count == severities.count)
    }

    @Test func colourPairsAreOneToEightAndDistinct() {
        let pairs = TextStyle.Color.allCases.map(CursesStyles.pairNumber(for:))
        #expect(pairs == Array(1...8))
    }
}
