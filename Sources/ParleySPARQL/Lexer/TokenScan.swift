/// The tokens of SPARQL text as far as ``Lexer`` can read them, for tools that must not fail
/// on half-typed or wrong text: the prompt's statement splitter, completion, hints.
///
/// It is the parser's own lexer, run tolerantly: a malformed token (`&`, a bad escape, `$`
/// without a name) is recorded in ``problems`` and skipped, and scanning goes on. Only an
/// unterminated string stops it, because the string runs to the end of the text; then
/// ``isCutShort`` is `true`. A malformed `\u` escape, which the lexer rejects before reading
/// any token, leaves ``tokens`` empty. Positions are those of ``Token/position``: 1-based
/// line and column, and the UTF-8 offset in the text as written.
///
/// ```swift
/// let scan = TokenScan("SELECT ?s { ?s ?p \"open")
/// scan.tokens.count    // 6: SELECT ?s { ?s ?p, then the string stops it
/// scan.isCutShort      // true
/// ```
public struct TokenScan: Hashable, Sendable {
    /// Every token read, in order, without the final `.end`.
    public let tokens: [Token]
    /// The lexer's errors, in order; the last one ended the scan when ``isCutShort``.
    public let problems: [SPARQLSyntaxError]
    /// Whether scanning stopped before the end of the text (an unterminated string, or a
    /// malformed `\u` escape).
    public let isCutShort: Bool

    /// Scans `text`. Never fails.
    public init(_ text: String) {
        var tokens: [Token] = []
        var problems: [SPARQLSyntaxError] = []
        var lexer: Lexer
        do {
            lexer = try Lexer(text)
        } catch {
            self.init(tokens: [], problems: [error], isCutShort: true)
            return
        }
        while true {
            let start = lexer.offset
            do {
                let token = try lexer.next()
                if case .end = token.kind { break }
                tokens.append(token)
            } catch {
                problems.append(error)
                guard lexer.skipBadToken(from: start) else {
                    self.init(tokens: tokens, problems: problems, isCutShort: true)
                    return
                }
            }
        }
        self.init(tokens: tokens, problems: problems, isCutShort: false)
    }

    private init(tokens: [Token], problems: [SPARQLSyntaxError], isCutShort: Bool) {
        self.tokens = tokens
        self.problems = problems
        self.isCutShort = isCutShort
    }

    /// How deeply `{`, `[` and `(` are open after each token (negative after a stray closer):
    /// `depths[i]` is the depth once `tokens[i]` is read.
    public var depths: [Int] {
        var depth = 0
        return tokens.map { token in
            switch token.kind {
            case .symbol(.openBrace), .symbol(.openBracket), .symbol(.openParen): depth += 1
            case .symbol(.closeBrace), .symbol(.closeBracket), .symbol(.closeParen): depth -= 1
            default: break
            }
            return depth
        }
    }
}
