import Testing
@testable import ParleyShell

/// The statement splitter: when input is a whole statement, and where each one starts.
@Suite struct StatementSplitterTests {
    /// Feeds lines and returns `(kind, text, line)` of every statement, the end included.
    func split(_ lines: [String], mode: StatementSplitter.Mode) -> [(Statement.Kind, String, Int)] {
        var splitter = StatementSplitter(mode: mode, file: "t.rq")
        var result: [Statement] = []
        for line in lines { result += splitter.feed(line) }
        if let last = splitter.finish() { result.append(last) }
        return result.map { ($0.kind, $0.text, $0.origin.line) }
    }

    @Test("a script separates statements by blank lines, ';' and dot-commands, with their first line")
    func scriptSeparators() {
        let statements = split([
            "# a comment",
            "SELECT ?s",
            "WHERE { ?s ?p ?o }",
            "",
            "ASK { ?s ?p ?o };",
            ".mode csv",
            "?s ?p ?o",
            ".headers off",
            "",
            "  ",
        ], mode: .script)
        #expect(statements.map(\.0) == [.sparql, .sparql, .command, .sparql, .command])
        #expect(statements.map(\.1) == ["SELECT ?s\nWHERE { ?s ?p ?o }", "ASK { ?s ?p ?o }", ".mode csv", "?s ?p ?o", ".headers off"])
        #expect(statements.map(\.2) == [2, 5, 6, 7, 8])
    }

    @Test("blank lines and dot-lines inside open braces belong to the statement")
    func openBraces() {
        let statements = split(["SELECT * WHERE {", "", "  ?s ?p ?o .", ".5 ?p ?o", "}"], mode: .script)
        #expect(statements.count == 1)
        #expect(statements.first?.1 == "SELECT * WHERE {\n\n  ?s ?p ?o .\n.5 ?p ?o\n}")
    }

    @Test("a ';' inside braces or a string does not end the statement")
    func semicolonInside() {
        let statements = split(["SELECT * { ?s a ?t ;", "  ?p \"x;\" }", "ASK {}"], mode: .interactive)
        #expect(statements.map(\.1) == ["SELECT * { ?s a ?t ;\n  ?p \"x;\" }", "ASK {}"])
    }

    @Test("at the prompt a statement runs when complete, without a terminator", arguments: [
        (["SELECT * { ?s ?p ?o }"], 1),
        (["?who pv:advocates ?what"], 1),
        (["SELECT ?s", "WHERE { ?s ?p ?o }"], 1),
        (["SELECT * {", "?s ?p ?o", "}"], 1),
        (["PREFIX ex: <http://example.org/>"], 1),
        (["INSERT DATA {", "<http://a> <http://b> <http://c> }"], 1),
        (["SELECT ?s \"\"\"a long", "string\"\"\" WHERE {}"], 1),
    ])
    func interactiveReady(lines: [String], expected: Int) {
        var splitter = StatementSplitter(mode: .interactive)
        var statements: [Statement] = []
        for (i, line) in lines.enumerated() {
            statements += splitter.feed(line)
            // Before the last line nothing has run and the prompt shows `...>`.
            if i < lines.count - 1 {
                #expect(statements.isEmpty && splitter.isPending, "ran early at line \(i + 1)")
            }
        }
        #expect(statements.count == expected)
        #expect(!splitter.isPending)
    }

    @Test("a statement that the parser rejects before its end still runs (so the error shows)")
    func wrongButComplete() {
        var splitter = StatementSplitter(mode: .interactive)
        #expect(splitter.feed("SELECT * WHERE { ?s ?p SELEC }").count == 1)
        #expect(splitter.feed("SELEC ?s").count == 1)
    }

    @Test("dot-commands are one line each, a trailing ';' dropped; comments are skipped")
    func commands() {
        let statements = split(["  .mode csv;", "# .quit", ".help mode"], mode: .interactive)
        #expect(statements.map(\.1) == [".mode csv", ".help mode"])
        #expect(statements.map(\.2) == [1, 3])
    }

    @Test("reset drops an unfinished statement (Ctrl-C)")
    func reset() {
        var splitter = StatementSplitter(mode: .interactive)
        #expect(splitter.feed("SELECT * {").isEmpty)
        #expect(splitter.isPending)
        splitter.reset()
        #expect(!splitter.isPending)
        #expect(splitter.feed("ASK {}").map(\.text) == ["ASK {}"])
    }

    @Test("statement kinds from the first keyword after the prologue", arguments: [
        ("SELECT * {}", SPARQLText.Kind.query),
        ("prefix ex: <http://e/> ask {}", .query),
        ("PREFIX ex: <http://e/>\nBASE <http://b/>", .prologue),
        ("INSERT DATA { <a> <b> <c> }", .update),
        ("with <g> delete { ?s ?p ?o } where { ?s ?p ?o }", .update),
        ("?who pv:advocates ?what", .patterns),
        ("{ ?s ?p ?o }", .patterns),
    ])
    func kinds(text: String, kind: SPARQLText.Kind) {
        #expect(SPARQLText.kind(of: text) == kind)
    }

    @Test("variables in order of first use, skipping strings, IRIs and comments")
    func variables() {
        let text = "SELECT ?who WHERE { ?who <http://e/?x> \"?no\" . # ?comment\n $what ?who }"
        #expect(SPARQLText.variables(in: text) == ["who", "what"])
    }
}
