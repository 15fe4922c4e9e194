/// A light scan of SPARQL text for the shell's own needs: what kind of statement it is, the
/// variables it uses (for completion) and the names it mentions (for "did you mean …?").
///
/// It is not a parser: it skips strings, comments and IRIs correctly and reads the rest as
/// words, which is all these uses need. The real parser still judges the text.
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

    /// One word of the text.
    public struct Token: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            case variable, prefixedName, iri, string, word, symbol
        }
        public var kind: Kind
        public var text: String
        /// The offset of the token's first character in the text.
        public var offset: Int
    }

    static let updateKeywords: Set<String> = ["INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"]
    static let queryKeywords: Set<String> = ["SELECT", "CONSTRUCT", "DESCRIBE", "ASK"]

    /// The kind of statement `text` is.
    public static func kind(of text: String) -> Kind {
        let tokens = self.tokens(text)
        var i = 0
        while i < tokens.count {
            let word = tokens[i].kind == .word ? tokens[i].text.uppercased() : ""
            if word == "PREFIX" { i += 3; continue }
            if word == "BASE" { i += 2; continue }
            break
        }
        guard i < tokens.count else { return .prologue }
        let word = tokens[i].kind == .word ? tokens[i].text.uppercased() : ""
        if queryKeywords.contains(word) { return .query }
        if updateKeywords.contains(word) { return .update }
        return .patterns
    }

    /// The variables the text uses, without `?`/`$`, in order of first use.
    public static func variables(in text: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for token in tokens(text) where token.kind == .variable {
            let name = String(token.text.dropFirst())
            if !name.isEmpty && seen.insert(name).inserted { result.append(name) }
        }
        return result
    }

    /// Splits text into tokens. Never fails: an unterminated string or IRI runs to the end.
    public static func tokens(_ text: String) -> [Token] {
        let chars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            if c.properties.isAlphabetic || c.properties.numericType != nil { return true }
            return "_-.:%".unicodeScalars.contains(c)
        }
        func slice(_ from: Int, _ to: Int) -> String { String(String.UnicodeScalarView(chars[from..<to])) }
        while i < chars.count {
            let c = chars[i]
            let start = i
            if c.properties.isWhitespace { i += 1; continue }
            if c == "#" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "\"" || c == "'" {
                let long = i + 2 < chars.count && chars[i + 1] == c && chars[i + 2] == c
                i += long ? 3 : 1
                while i < chars.count {
                    if chars[i] == "\\" { i += 2; continue }
                    if long {
                        if chars[i] == c && i + 2 < chars.count && chars[i + 1] == c && chars[i + 2] == c { i += 3; break }
                    } else if chars[i] == c || chars[i] == "\n" {
                        i += 1
                        break
                    }
                    i += 1
                }
                tokens.append(Token(kind: .string, text: slice(start, min(i, chars.count)), offset: start))
                continue
            }
            if c == "<" {
                // An IRI if a '>' closes it before anything an IRI cannot hold; else less-than.
                var j = i + 1
                let stops = Set(" \t\n<>\"{}|^`".unicodeScalars)
                while j < chars.count && !stops.contains(chars[j]) { j += 1 }
                if j < chars.count && chars[j] == ">" {
                    tokens.append(Token(kind: .iri, text: slice(i, j + 1), offset: i))
                    i = j + 1
                    continue
                }
            }
            if (c == "?" || c == "$") {
                i += 1
                while i < chars.count && isNameChar(chars[i]) && !"-.:%".unicodeScalars.contains(chars[i]) { i += 1 }
                tokens.append(Token(kind: .variable, text: slice(start, i), offset: start))
                continue
            }
            if isNameChar(c) && c != "." && c != "-" {
                while i < chars.count && isNameChar(chars[i]) { i += 1 }
                // A name does not end with '.' (that is the triple's full stop).
                while i > start + 1 && chars[i - 1] == "." { i -= 1 }
                let word = slice(start, i)
                tokens.append(Token(kind: word.contains(":") ? .prefixedName : .word, text: word, offset: start))
                continue
            }
            i += 1
            tokens.append(Token(kind: .symbol, text: slice(start, i), offset: start))
        }
        return tokens
    }
}
