import Foundation

/// Inline Markdown clean-up for display titles.
enum GuideMarkup {
    /// If `text` is wholly bold (`**x**`, `__x__`, optionally followed by `:`), the inner text.
    static func boldOnly(_ text: String) -> String? {
        guard let (bold, rest) = leadingBold(text) else { return nil }
        let remainder = rest.trimmingWhitespace()
        guard remainder.isEmpty || remainder == ":" else { return nil }
        return bold
    }

    /// Splits `**Bold** rest` into its bold text and the rest.
    static func leadingBold(_ text: String) -> (String, String)? {
        for marker in ["**", "__"] where text.hasPrefix(marker) {
            let afterOpen = text.dropFirst(marker.count)
            guard let close = afterOpen.range(of: marker) else { return nil }
            let bold = String(afterOpen[..<close.lowerBound]).trimmingWhitespace()
            guard !bold.isEmpty else { return nil }
            return (bold, String(afterOpen[close.upperBound...]))
        }
        return nil
    }

    /// Removes bold markers and backticks (keeping the code text readable) and a trailing colon.
    static func displayTitle(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        result = result.replacingOccurrences(of: "`", with: "").trimmingWhitespace()
        while result.hasSuffix(":") { result = String(result.dropLast()).trimmingWhitespace() }
        return result
    }

    /// For `**Title**: explanation` items: the title, and the explanation if there is one.
    static func splitTitle(_ text: String) -> (title: String, remainder: String?) {
        if let (bold, rest) = leadingBold(text) {
            var remainder = rest.trimmingWhitespace()
            // "**Enable MFA** on the root account" is one sentence, not a title plus explanation.
            let separated =
                remainder.isEmpty || remainder.hasPrefix(":") || remainder.hasPrefix("-") || remainder.hasPrefix("–")
                || bold.last.map { ".:!?".contains($0) } == true
            guard separated else { return (displayTitle(text), nil) }
            while remainder.hasPrefix(":") || remainder.hasPrefix("-") || remainder.hasPrefix("–") {
                remainder = String(remainder.dropFirst()).trimmingWhitespace()
            }
            return (displayTitle(bold), remainder.isEmpty ? nil : remainder)
        }
        return (displayTitle(text), nil)
    }
}
