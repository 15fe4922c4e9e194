import ParleyRDF
@testable import ParleySPARQL
import Testing

@Suite struct LexerTests {
    /// The kinds of all tokens of `text`, without the final `.end`.
    static func kinds(_ text: String) throws -> [Token.Kind] {
        try Lexer.tokens(text).map(\.kind).dropLast()
    }

    static let cases: [(input: String, expected: [Token.Kind])] = [
        ("SELECT select SeLeCt", [.keyword("SELECT"), .keyword("SELECT"), .keyword("SELECT")]),
        ("a A", [.a, .keyword("A")]),
        ("?x $y ?1a", [.variable("x"), .variable("y"), .variable("1a")]),
        ("<http://ex/a> <>", [.iri("http://ex/a"), .iri("")]),
        ("ex:a :b ex: :", [.prefixedName(prefix: "ex", local: "a"), .prefixedName(prefix: "", local: "b"),
                           .prefixedName(prefix: "ex", local: ""), .prefixedName(prefix: "", local: "")]),
        ("ex:a.b ex:c.", [.prefixedName(prefix: "ex", local: "a.b"), .prefixedName(prefix: "ex", local: "c"), .symbol(.dot)]),
        (#"ex:a\.b ex:%41z ex:a:b ex:1"#, [.prefixedName(prefix: "ex", local: "a.b"), .prefixedName(prefix: "ex", local: "%41z"),
                                          .prefixedName(prefix: "ex", local: "a:b"), .prefixedName(prefix: "ex", local: "1")]),
        ("_:b1 _:x.y", [.blankNodeLabel("b1"), .blankNodeLabel("x.y")]),
        ("1 +2 -3 1.5 -.5 1e3 1.E-2 .5e1", [.integer("1"), .integer("+2"), .integer("-3"), .decimal("1.5"), .decimal("-.5"),
                                             .double("1e3"), .double("1.E-2"), .double(".5e1")]),
        ("1. 1.a", [.integer("1"), .symbol(.dot), .integer("1"), .symbol(.dot), .a]),
        (#""a\tb" 'c\'d' """x"y""" '''p''q'''"#, [.string("a\tb"), .string("c'd"), .string("x\"y"), .string("p''q")]),
        ("\"\"\"\"a\"\"\"\"", [.string("\"a\"")]),
        ("\"chat\"@en-GB", [.string("chat"), .languageTag("en-GB")]),
        ("( ) (\t) [ ] ( x", [.nilList, .nilList, .anon, .symbol(.openParen), .keyword("X")]),
        ("?a<?b>?c", [.variable("a"), .iri("?b"), .variable("c")]),
        ("?a<?b <= >= != ^^ ^ || && | ! = < >", [.variable("a"), .symbol(.less), .variable("b"), .symbol(.lessOrEqual), .symbol(.greaterOrEqual),
                                                 .symbol(.notEqual), .symbol(.caretCaret), .symbol(.caret), .symbol(.or),
                                                 .symbol(.and), .symbol(.pipe), .symbol(.bang), .symbol(.equal), .symbol(.less),
                                                 .symbol(.greater)]),
        ("?a < ?b", [.variable("a"), .symbol(.less), .variable("b")]),
        ("# comment\n?x # more\n", [.variable("x")]),
        (#"<\u0041> "\U0001F46A""#, [.iri("A"), .string("👪")]),
        (#""\\u0041""#, [.string("\\u0041")]),
        ("GROUP_CONCAT isIRI sha256", [.keyword("GROUP_CONCAT"), .keyword("ISIRI"), .keyword("SHA256")]),
        (":p? :p* :p+ ?", [.prefixedName(prefix: "", local: "p"), .symbol(.question), .prefixedName(prefix: "", local: "p"),
                           .symbol(.star), .prefixedName(prefix: "", local: "p"), .symbol(.plus), .symbol(.question)]),
    ]

    @Test("tokenizes each form of the grammar's terminals", arguments: cases)
    func tokenizes(_ input: String, _ expected: [Token.Kind]) throws {
        #expect(try Self.kinds(input) == expected)
    }

    @Test("gives 1-based line and column, counting columns in Unicode scalars")
    func positions() throws {
        let tokens = try Lexer.tokens("SELECT\n  \"é\" ?x\n?y")
        #expect(tokens.map(\.position.description) == ["1:1", "2:3", "2:7", "3:1", "3:3"])
        #expect(tokens[2].position.offset == 14)
    }

    @Test("maps positions after a \\u escape back to the text as written")
    func positionsAfterEscape() throws {
        let tokens = try Lexer.tokens(#""\u0041" ?x"#)
        #expect(tokens[1].position.column == 10)
    }

    @Test("keeps the source text of each token for messages")
    func tokenText() throws {
        let tokens = try Lexer.tokens("SELEC 'x'")
        #expect(tokens[0].description == "'SELEC'")
        #expect(tokens[1].text == "'x'")
        #expect(tokens[2].description == "end of input")
    }

    static let errors: [(input: String, reason: SPARQLSyntaxError.Reason, column: Int)] = [
        ("?x \"abc", .unterminatedString, 4),
        ("'a\nb'", .unterminatedString, 1),
        (#""\q""#, .invalidEscape(#"'\q' in a string"#), 2),
        (#"\uD800"#, .invalidEscape(#"\uD800 (not a Unicode scalar)"#), 1),
        (#"\u00G1"#, .invalidEscape(#"\u00G1"#), 1),
        (#"ex:a\:b"#, .invalidEscape(#"'\:' in a prefixed name"#), 5),
        ("?x & ?y", .unexpectedCharacter("'&' (did you mean '&&'?)"), 4),
        ("?x ~", .unexpectedCharacter("'~'"), 4),
    ]

    @Test("rejects malformed tokens at their position", arguments: errors)
    func rejects(_ input: String, _ reason: SPARQLSyntaxError.Reason, _ column: Int) {
        #expect {
            _ = try Lexer.tokens(input)
        } throws: { error in
            guard let error = error as? SPARQLSyntaxError else { return false }
            return error.reason == reason && error.position.column == column
        }
    }
}
