/// One lexical token of an EQL query and where it starts.
struct EQLToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A name: a keyword, a category, a function or a dotted field path. A `~` written right
        /// after a name is part of it (`like~`, `regex~`).
        case name(String)
        /// A double-quoted string, its escapes already decoded.
        case string(String)
        /// Digits, with any letters written right after them (`15m`).
        case number(String)
        /// Punctuation or an operator: `(` `)` `[` `]` `,` `==` `!=` `:` `=` `|` `<` `<=` `>` `>=` `!`.
        case symbol(String)
        case end
    }

    let kind: Kind
    /// The 0-based `Character` offset of the token's first character.
    let offset: Int

    /// How the token is named in error messages.
    var quoted: String {
        switch kind {
        case .name(let text), .number(let text), .symbol(let text): "`\(text)`"
        case .string(let text): "the string \"\(text)\""
        case .end: "the end of the query"
        }
    }
}
