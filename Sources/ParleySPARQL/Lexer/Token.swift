import ParleyRDF

/// One SPARQL token: its kind (with decoded content), the source text it came from and where.
///
/// Content is already decoded: prefixed-name local parts have their `\` escapes removed (but
/// keep `%` encodings), strings have their escapes replaced, IRIs are as written (not resolved).
public struct Token: Hashable, Sendable, CustomStringConvertible {
    public var kind: Kind
    /// The source text of the token (after `\u` decoding), e.g. `SELEC` or `"a\n"`.
    public var text: String
    /// Where the token starts in the text as the user wrote it.
    public var position: TextPosition

    public init(_ kind: Kind, text: String, position: TextPosition) {
        self.kind = kind
        self.text = text
        self.position = position
    }

    /// The kinds of token in the SPARQL 1.1 grammar (§19.8 terminals).
    public enum Kind: Hashable, Sendable {
        /// `IRIREF`, the text between `<` and `>`, unresolved.
        case iri(String)
        /// `PNAME_NS` (empty `local`) or `PNAME_LN`.
        case prefixedName(prefix: String, local: String)
        /// `BLANK_NODE_LABEL`, without `_:`.
        case blankNodeLabel(String)
        /// `VAR1`/`VAR2`, without `?` or `$`.
        case variable(String)
        /// `LANGTAG`, without `@`.
        case languageTag(String)
        /// `INTEGER`, `INTEGER_POSITIVE`, `INTEGER_NEGATIVE`; the lexical form keeps the sign.
        case integer(String)
        /// `DECIMAL` and its signed forms.
        case decimal(String)
        /// `DOUBLE` and its signed forms.
        case double(String)
        /// Any of the four string literal forms, with escapes decoded.
        case string(String)
        /// A keyword (matched case-insensitively), upper-cased: `SELECT`, `GROUP_CONCAT`, `ISIRI`.
        case keyword(String)
        /// The case-sensitive keyword `a` (`rdf:type`).
        case a
        /// `NIL`: `(` and `)` with only white space between.
        case nilList
        /// `ANON`: `[` and `]` with only white space between.
        case anon
        /// Punctuation and operators.
        case symbol(Symbol)
        /// The end of the text.
        case end
    }

    /// Punctuation and operators, spelled as in the grammar.
    public enum Symbol: String, Hashable, Sendable {
        case openBrace = "{", closeBrace = "}", openParen = "(", closeParen = ")"
        case openBracket = "[", closeBracket = "]"
        case dot = ".", comma = ",", semicolon = ";"
        case star = "*", slash = "/", plus = "+", minus = "-"
        case bang = "!", question = "?", caret = "^", caretCaret = "^^", pipe = "|"
        case or = "||", and = "&&"
        case equal = "=", notEqual = "!=", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    }

    /// How the token is named in an error message: `'SELEC'`, or `end of input`.
    public var description: String {
        if case .end = kind { return "end of input" }
        let shown = text.unicodeScalars.count > 30 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(30))) + "…" : text
        return "'\(shown)'"
    }

    /// Whether this is the keyword `name` (given upper-case).
    func isKeyword(_ name: String) -> Bool {
        if case .keyword(let k) = kind { return k == name }
        return false
    }

    /// Whether this is the symbol `s`.
    func isSymbol(_ s: Symbol) -> Bool {
        if case .symbol(let t) = kind { return t == s }
        return false
    }
}
