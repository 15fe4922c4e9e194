import ParleyRDF
@testable import ParleySPARQL
import Testing

/// The tolerant scan: the lexer's tokens for any text, the lexer's errors kept as data.
@Suite struct TokenScanTests {
    @Test("gives the lexer's own tokens for text the lexer accepts", arguments: [
        "SELECT ?s WHERE { ?s a <http://x/#a> ; ex:p \"x;y\" } # done;",
        "PREFIX ex: <http://e/>\nINSERT DATA { ex:a ex:b '''one\n\ntwo;''' }",
        #""\u0041" ?x ( ) [ ] ^^ 1.5e3"#,
        "",
    ])
    func matchesLexer(_ text: String) throws {
        let scan = TokenScan(text)
        #expect(scan.tokens == Array(try Lexer.tokens(text).dropLast()))
        #expect(scan.problems.isEmpty)
        #expect(!scan.isCutShort)
    }

    static let badTokens: [(text: String, kinds: [Token.Kind], problems: [String], cutShort: Bool)] = [
        ("?x & ?y", [.variable("x"), .variable("y")], ["1:4: unexpected character '&' (did you mean '&&'?)"], false),
        (#"?x "a\qb" ;"#, [.variable("x"), .symbol(.semicolon)], [#"1:6: invalid escape sequence '\q' in a string"#], false),
        ("'''a\\q\nb''' ?y", [.variable("y")], [#"1:5: invalid escape sequence '\q' in a string"#], false),
        ("$ ?x ~ ;", [.variable("x"), .symbol(.semicolon)],
         ["1:1: expected a variable name after '$', found '$'", "1:6: unexpected character '~'"], false),
        ("?x \"open ;", [.variable("x")], ["1:4: unterminated string literal"], true),
        ("?x '''open\n\n;", [.variable("x")], ["1:4: unterminated string literal"], true),
        ("?x _:", [.variable("x")], ["1:4: expected a blank node label after '_:', found end of input"], false),
        (#"?x \u00G1"#, [], [#"1:4: invalid escape sequence \u00G1"#], true),
    ]

    @Test("records a bad token and goes on; an unterminated string stops it", arguments: badTokens)
    func badToken(_ text: String, _ kinds: [Token.Kind], _ problems: [String], _ cutShort: Bool) {
        let scan = TokenScan(text)
        #expect(scan.tokens.map(\.kind) == kinds)
        #expect(scan.problems.map(\.description) == problems)
        #expect(scan.isCutShort == cutShort)
    }

    @Test("tracks the bracket depth after each token (`[ ]` is one ANON token)")
    func depths() {
        #expect(TokenScan("{ ?s ( [ ] ) \"}\" } }").depths == [1, 1, 2, 2, 1, 1, 0, -1])
    }

    @Test("gives line, column and UTF-8 offset as written")
    func positions() {
        let scan = TokenScan("SELECT\n  \"é\" ?x ;")
        #expect(scan.tokens.map(\.position.description) == ["1:1", "2:3", "2:7", "2:10"])
        #expect(scan.tokens.last?.position.offset == 17)
    }
}
