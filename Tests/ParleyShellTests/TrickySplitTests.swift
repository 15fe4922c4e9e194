import Testing
@testable import ParleyShell

/// Splits where a hand scan of the text would go wrong: `;`, `}` and `#` inside strings, IRIs
/// and comments, long strings over blank lines, statements the parser says want more.
@Suite struct TrickySplitTests {
    /// One case: lines fed in `mode`, the statements that come out (the end of input included),
    /// and whether, at the prompt, the last one was still pending before the input ended (in a
    /// script a statement without `;` always waits for what follows).
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var mode: StatementSplitter.Mode
        var lines: [String]
        var statements: [String]
        var pendingAtEnd = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "';' inside a string ending a line", mode: .interactive,
             lines: ["SELECT * { ?s ?p \"a;\" } ;", "ASK {}"], statements: ["SELECT * { ?s ?p \"a;\" } ", "ASK {}"]),
        Case(name: "';' inside an IRI", mode: .interactive,
             lines: ["SELECT * { ?s ?p <http://x/a;>", "}"], statements: ["SELECT * { ?s ?p <http://x/a;>\n}"]),
        Case(name: "';' inside a comment does not end a script statement", mode: .script,
             lines: ["SELECT * # every row;", "WHERE { ?s ?p ?o }", "", "ASK {}"],
             statements: ["SELECT * # every row;\nWHERE { ?s ?p ?o }", "ASK {}"]),
        Case(name: "';' after a comment-free statement, a comment after it", mode: .script,
             lines: ["ASK { ?s ?p ?o } ; # done", "ASK {}"], statements: ["ASK { ?s ?p ?o } ", "ASK {}"]),
        Case(name: "'}' inside a string", mode: .interactive,
             lines: ["SELECT * { ?s ?p \"}\"", "}"], statements: ["SELECT * { ?s ?p \"}\"\n}"]),
        Case(name: "'#' inside an IRI", mode: .script,
             lines: ["ASK { ?s <http://x/#a> ?o };", "ASK {}"], statements: ["ASK { ?s <http://x/#a> ?o }", "ASK {}"]),
        Case(name: "prologue with '#' in its IRI runs at once", mode: .interactive,
             lines: ["PREFIX ex: <http://x/#>", "ASK {}"], statements: ["PREFIX ex: <http://x/#>", "ASK {}"]),
        Case(name: "a long string over blank lines and ';' (script)", mode: .script,
             lines: ["INSERT DATA { <a> <b> \"\"\"x;", "", "y;\"\"\" };", "ASK {}"],
             statements: ["INSERT DATA { <a> <b> \"\"\"x;\n\ny;\"\"\" }", "ASK {}"]),
        Case(name: "a long string over blank lines and ';' (prompt)", mode: .interactive,
             lines: ["INSERT DATA { <a> <b> '''x;", "", ";", "y''' }"], statements: ["INSERT DATA { <a> <b> '''x;\n\n;\ny''' }"]),
        Case(name: "SELECT ?s waits for WHERE", mode: .interactive,
             lines: ["SELECT ?s", "", "WHERE { ?s ?p ?o }"], statements: ["SELECT ?s\n\nWHERE { ?s ?p ?o }"]),
        Case(name: "a prologue-only line", mode: .interactive,
             lines: ["PREFIX ex: <http://e/>"], statements: ["PREFIX ex: <http://e/>"]),
        Case(name: "a prologue-only line in a script", mode: .script,
             lines: ["PREFIX ex: <http://e/>;", "ex:a ?p ?o"], statements: ["PREFIX ex: <http://e/>", "ex:a ?p ?o"]),
        Case(name: "bare triple patterns run at once", mode: .interactive,
             lines: ["?who <http://e/p> ?what .", "?x ?y ?z"], statements: ["?who <http://e/p> ?what .", "?x ?y ?z"]),
        Case(name: "a ';' after bare patterns ends them", mode: .script,
             lines: ["?s <http://e/p> ?o ;", "?x ?y ?z"], statements: ["?s <http://e/p> ?o ", "?x ?y ?z"]),
        Case(name: "a ';' inside braces continues the predicate list", mode: .script,
             lines: ["ASK { ?s a ?t ;", "<http://e/p> ?o }", "", "ASK {}"], statements: ["ASK { ?s a ?t ;\n<http://e/p> ?o }", "ASK {}"]),
        Case(name: "'a' wants its object", mode: .interactive,
             lines: ["?s a", "<http://e/C>"], statements: ["?s a\n<http://e/C>"]),
        Case(name: "'a' as a keyword, then ';'", mode: .script,
             lines: ["?s a <http://e/C>;", "ASK {}"], statements: ["?s a <http://e/C>", "ASK {}"]),
        Case(name: "an unterminated string stays open", mode: .interactive,
             lines: ["SELECT * { ?s ?p \"abc };", "ASK {}"], statements: ["SELECT * { ?s ?p \"abc };\nASK {}"], pendingAtEnd: true),
        Case(name: "a bad token before ';' still lets ';' end the statement", mode: .script,
             lines: ["ASK { ?s ?p \"a\\qb\" };", "ASK {}"], statements: ["ASK { ?s ?p \"a\\qb\" }", "ASK {}"]),
    ]

    @Test("splits where the lexer says", arguments: cases)
    func splits(_ c: Case) {
        var splitter = StatementSplitter(mode: c.mode)
        var statements: [String] = []
        for line in c.lines { statements += splitter.feed(line).map(\.text) }
        if c.mode == .interactive { #expect(splitter.isPending == c.pendingAtEnd) }
        if let last = splitter.finish() { statements.append(last.text) }
        #expect(statements == c.statements)
    }
}
