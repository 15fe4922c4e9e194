/// One token of Turtle, with its decoded value and where its text lies in the document.
struct TurtleToken {
    enum Kind: Equatable {
        /// `<…>`: `text` is the decoded, still unresolved IRI.
        case iri
        /// `prefix:local`: `prefix` without the colon, `text` the decoded local part.
        case prefixedName
        /// `_:label`: `text` is the label.
        case blankNode
        /// Any of the four string forms: `text` is the decoded lexical form.
        case string
        /// `@tag`: `text` is the tag without `@` (also `prefix` and `base` of the directives).
        case languageTag
        case integer, decimal, double
        case a, `true`, `false`
        /// SPARQL-style `PREFIX` and `BASE` (any case).
        case prefixKeyword, baseKeyword
        case dot, semicolon, comma, openBracket, closeBracket, openParen, closeParen
        /// `^^`
        case datatypeMarker
        case end
    }

    var kind: Kind
    /// The byte offsets of the token's text in the document.
    var start: Int
    var end: Int
    var text: String = ""
    var prefix: String = ""
}
