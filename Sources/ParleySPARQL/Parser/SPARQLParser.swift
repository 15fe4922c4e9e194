import ParleyRDF

/// The entry points for reading SPARQL 1.1 query and update text.
///
/// Every function is pure: it reads a string and returns algebra or throws a
/// ``SPARQLSyntaxError`` with the position and what was expected there. None can crash or
/// overflow the stack on any input: nesting beyond `maximumNesting` (default
/// ``defaultMaximumNesting``) is ``SPARQLSyntaxError/Reason/tooDeeplyNested(limit:)``, and
/// chains that would make the algebra tree deeper than `4 × maximumNesting` (a sum of a
/// thousand terms, a thousand UNIONs) are ``SPARQLSyntaxError/Reason/tooComplex(limit:)``, so
/// code that walks the returned algebra recursively stays within a thread's stack too.
///
/// ```swift
/// let query = try SPARQLParser.parse("SELECT ?s WHERE { ?s ?p ?o }")
/// print(query.algebra)   // (project (?s) (bgp (triple ?s ?p ?o)))
/// ```
public enum SPARQLParser {
    /// How deeply groups, brackets, collections, paths and expressions may nest.
    public static let defaultMaximumNesting = 256

    /// Parses a query. Relative IRIs resolve against BASE, else `baseIRI`, else stay as written.
    /// `prefixes` are declared before the query's own PREFIXes (which override them).
    public static func parse(
        _ text: String, baseIRI: String? = nil, prefixes: [String: String] = [:],
        maximumNesting: Int = defaultMaximumNesting
    ) throws(SPARQLSyntaxError) -> Query {
        var parser = try Parser(text, baseIRI: baseIRI, prefixes: prefixes, maximumNesting: maximumNesting)
        return try parser.parseQueryUnit()
    }

    /// Parses an update request (operations separated by `;`).
    public static func parseUpdate(
        _ text: String, baseIRI: String? = nil, prefixes: [String: String] = [:],
        maximumNesting: Int = defaultMaximumNesting
    ) throws(SPARQLSyntaxError) -> Update {
        var parser = try Parser(text, baseIRI: baseIRI, prefixes: prefixes, maximumNesting: maximumNesting)
        return try parser.parseUpdateUnit()
    }

    /// A query, or the REPL shorthand: text that is only a group of triple patterns
    /// (`?who pv:advocates ?what . ?who rdfs:label ?name`, optionally after PREFIX lines or
    /// inside `{ }`) means `SELECT * WHERE { … }`.
    public static func parseQueryOrPatterns(
        _ text: String, prefixes: [String: String] = [:], baseIRI: String? = nil
    ) throws(SPARQLSyntaxError) -> Query {
        var parser = try Parser(text, baseIRI: baseIRI, prefixes: prefixes, maximumNesting: defaultMaximumNesting)
        return try parser.parseQueryUnit(allowPatterns: true)
    }

    /// A parsed request: a query or an update, told apart by the first keyword after the
    /// prologue (SELECT, CONSTRUCT, DESCRIBE, ASK mean a query).
    public enum Request: Hashable, Sendable {
        case query(Query)
        case update(Update)
    }

    /// Parses text that may be a query or an update request.
    public static func parseRequest(
        _ text: String, baseIRI: String? = nil, prefixes: [String: String] = [:]
    ) throws(SPARQLSyntaxError) -> Request {
        var lexer = try Lexer(text)
        var token = try lexer.next()
        // Skip the prologue: BASE <iri>, PREFIX p: <iri>.
        while token.isKeyword("BASE") || token.isKeyword("PREFIX") {
            let skip = token.isKeyword("BASE") ? 1 : 2
            for _ in 0...skip { token = try lexer.next() }
        }
        if case .keyword(let k) = token.kind, ["SELECT", "CONSTRUCT", "DESCRIBE", "ASK"].contains(k) {
            return .query(try parse(text, baseIRI: baseIRI, prefixes: prefixes))
        }
        return .update(try parseUpdate(text, baseIRI: baseIRI, prefixes: prefixes))
    }

    /// Whether `text` is complete enough to hand to the parser: `false` while a `{`, `[` or
    /// `(` is open or a string is unterminated; `true` otherwise, including text that is
    /// wrong for other reasons (the parser will say why).
    public static func isComplete(_ text: String) -> Bool {
        guard var lexer = try? Lexer(text) else { return true }
        var depth = 0
        while true {
            let token: Token
            do {
                token = try lexer.next()
            } catch {
                return error.reason != .unterminatedString
            }
            switch token.kind {
            case .end: return depth <= 0
            case .symbol(.openBrace), .symbol(.openBracket), .symbol(.openParen): depth += 1
            case .symbol(.closeBrace), .symbol(.closeBracket), .symbol(.closeParen): depth -= 1
            default: break
            }
        }
    }
}
