import ParleySPARQL

/// What the shell reads from SPARQL text besides running it: what kind of statement it is,
/// the variables it uses (for completion) and the names it mentions (for "did you mean …?").
///
/// All of it comes from ``TokenScan``, the parser's own lexer run tolerantly, so it never
/// fails on half-typed text and reads strings, IRIs and comments exactly as the parser does.
/// The parser still judges the text.
public enum SPARQLText {
    /// What a statement is, from its first keyword after the prologue.
    public enum Kind: Hashable, Sendable {
        /// SELECT, CONSTRUCT, DESCRIBE or ASK.
        case query
        /// INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY or WITH.
        case update
        /// Only PREFIX and BASE lines: declarations to remember.
        case prologue
        /// Anything else: bare triple patterns (`?who pv:advocates ?what`).
        case patterns
    }

    /// A name the text mentions: an IRI or a prefixed name, as written and as an IRI.
    public struct Name: Hashable, Sendable {
        /// The name as written: `<http://e/x>` or `pv:advocates`.
        public var text: String
        /// The IRI it stands for (unresolved if relative).
        public var iri: String
    }

    static let updateKeywords: Set<String> = ["INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"]
    static let queryKeywords: Set<String> = ["SELECT", "CONSTRUCT", "DESCRIBE", "ASK"]

    /// The kind of statement `text` is.
    public static func kind(of text: String) -> Kind {
        kind(of: TokenScan(text).tokens)
    }

    /// The kind of statement whose tokens are `tokens`.
    static func kind(of tokens: [Token]) -> Kind {
        var i = 0
        // Skip the prologue: BASE <iri>, PREFIX p: <iri>.
        while i < tokens.count, case .keyword(let word) = tokens[i].kind, word == "PREFIX" || word == "BASE" {
            i += word == "PREFIX" ? 3 : 2
        }
        guard i < tokens.count else { return .prologue }
        guard case .keyword(let word) = tokens[i].kind else { return .patterns }
        if queryKeywords.contains(word) { return .query }
        if updateKeywords.contains(word) { return .update }
        return .patterns
    }

    /// The variables the text uses, without `?`/`$`, in order of first use.
    public static func variables(in text: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for token in TokenScan(text).tokens {
            if case .variable(let name) = token.kind, seen.insert(name).inserted { result.append(name) }
        }
        return result
    }

    /// The IRIs and prefixed names the text mentions as terms, once each, in order; not
    /// function names (`xsd:integer(…)`), datatypes (`"1"^^xsd:integer`) or names after `^`.
    /// A prefixed name whose prefix is not in `prefixes` is left out.
    public static func names(in text: String, prefixes: [String: String]) -> [Name] {
        let tokens = TokenScan(text).tokens
        var names: [Name] = []
        var seen: Set<String> = []
        for (i, token) in tokens.enumerated() {
            if i + 1 < tokens.count {
                switch tokens[i + 1].kind {
                case .symbol(.openParen), .nilList: continue
                default: break
                }
            }
            if i > 0 {
                switch tokens[i - 1].kind {
                case .symbol(.caret), .symbol(.caretCaret): continue
                default: break
                }
            }
            let iri: String
            switch token.kind {
            case .iri(let written):
                iri = written
            case .prefixedName(let prefix, let local):
                guard let namespace = prefixes[prefix] else { continue }
                iri = namespace + local
            default:
                continue
            }
            guard seen.insert(token.text).inserted else { continue }
            names.append(Name(text: token.text, iri: iri))
        }
        return names
    }
}
