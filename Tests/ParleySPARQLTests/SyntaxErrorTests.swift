import ParleyRDF
import ParleySPARQL
import Testing

/// Bad queries, with the error's position marked by `1️⃣`, and the message expected there.
@Suite struct SyntaxErrorTests {
    static let queries: [(input: String, message: String)] = [
        ("SELECT * WHERE { 1️⃣SELEC ?s }", "expected '}' or a triple pattern, found 'SELEC'"),
        ("SELECT * WHERE { ?s ?p ?o 1️⃣SELEC }", "expected '.' or '}' after a triple pattern, found 'SELEC'"),
        ("SELECT * WHERE { ?s ?p 1️⃣}", "expected an object (a variable, IRI, literal, blank node or collection), found '}'"),
        ("SELECT * WHERE {\n  ?s ?p ?o .\n  ?s 1️⃣. }", "expected a predicate after the subject, found '.'"),
        ("1️⃣SELEC * {}", "expected SELECT, CONSTRUCT, DESCRIBE or ASK, found 'SELEC'"),
        ("SELECT 1️⃣{ ?s ?p ?o }", "expected '*', a variable or '(expression AS ?var)' after SELECT, found '{'"),
        ("SELECT * { ?s ?p ?o }\n1️⃣garbage", "expected end of input, found 'garbage'"),
        ("SELECT * { ?s ?p ?o 1️⃣", "expected '.' or '}' after a triple pattern, found end of input"),
        ("PREFIX ex: <http://ex/>\nSELECT * { 1️⃣foo:bar ?p ?o }", "undeclared prefix 'foo:'"),
        ("SELECT ?x { ?x ?p ?o } GROUP BY 1️⃣", "expected a variable, '(expression)' or function call after GROUP BY, found end of input"),
        ("SELECT * { ?s ?p ?o FILTER(?o 1️⃣?x) }", "expected ')' to close the expression, found '?x'"),
        ("SELECT * { ?s ?p ?o FILTER(?o = 1️⃣) }", "expected an expression, found ')'"),
        ("SELECT * { ?s ?p ?o FILTER 1️⃣?o }", "expected a bracketted expression or function call after FILTER, found '?o'"),
        ("SELECT * { ?s ?p ?o FILTER(1️⃣COUNT(?s) > 1) }", "aggregate COUNT is only allowed in SELECT, HAVING and ORDER BY"),
        ("SELECT (SUM(1️⃣MAX(?x)) AS ?m) { ?s ?p ?x }", "aggregate MAX cannot be nested in another aggregate"),
        ("SELECT (1️⃣STRLEN() AS ?x) {}", "expected 1 argument for STRLEN, found 0"),
        ("SELECT (1️⃣REGEX(?a) AS ?x) {}", "expected 2 to 3 arguments for REGEX, found 1"),
        ("SELECT 1️⃣?o { ?s ?p ?o } GROUP BY ?s", "variable ?o is projected but is neither grouped nor an aggregate"),
        ("1️⃣SELECT * { ?s ?p ?o } GROUP BY ?s", "SELECT * is not allowed with GROUP BY or aggregates"),
        ("SELECT * { ?s ?p ?o BIND(1 AS 1️⃣?o) }", "variable ?o is already in scope and cannot be bound again"),
        ("SELECT (1 AS ?x) (2 AS 1️⃣?x) {}", "variable ?x is already in scope and cannot be bound again"),
        ("SELECT * { _:a ?p ?o OPTIONAL { 1️⃣_:a ?q ?r } }",
         "blank node label '_:a' is already used in another basic graph pattern or update operation"),
        ("SELECT * { VALUES (?a ?b) { (1 2) 1️⃣(1) } }", "VALUES row has 1 value but 2 variables"),
        ("SELECT * {\n  ?s ?p 1️⃣\"abc\n}", "unterminated string literal"),
        ("SELECT * { ?s ?p '1️⃣\\q' }", "invalid escape sequence '\\q' in a string"),
        ("SELECT * { ?s ?p ?o FILTER(?o) 1️⃣SELEC }", "expected '}' or a triple pattern, found 'SELEC'"),
        ("SELECT * { ?s ?p ?o } LIMIT 1️⃣-1", "expected a non-negative integer after LIMIT, found '-1'"),
        ("SELECT * {\n  ?é ?p 1️⃣. }", "expected an object (a variable, IRI, literal, blank node or collection), found '.'"),
        ("SELECT * { ?s ?p ?o 1️⃣& ?x }", "unexpected character '&' (did you mean '&&'?)"),
        ("SELECT * { ?s <p>/ 1️⃣?o }", "expected an IRI, 'a', '!' or '(' in a property path, found '?o'"),
    ]

    static let updates: [(input: String, message: String)] = [
        ("INSERT DATA { <a> <b> 1️⃣?c }", "variable ?c in INSERT DATA or DELETE DATA is not allowed here"),
        ("DELETE DATA { 1️⃣_:a <b> <c> }", "a blank node in DELETE DATA is not allowed here"),
        ("DELETE { ?s <p> 1️⃣[] } WHERE { ?s ?p ?o }", "a blank node in a DELETE template is not allowed here"),
        ("INSERT 1️⃣WHERE { ?s ?p ?o }", "expected DATA or '{' after INSERT, found 'WHERE'"),
        ("CLEAR GRAPH <g>\n1️⃣DROP ALL", "expected ';' or end of input, found 'DROP'"),
        ("CLEAR ALL ;1️⃣;", "expected an update operation (INSERT, DELETE, LOAD, CLEAR, …), found ';'"),
        ("INSERT DATA { _:b <p> 1 } ; INSERT DATA { 1️⃣_:b <p> 2 }",
         "blank node label '_:b' is already used in another basic graph pattern or update operation"),
    ]

    static func check(_ marked: Marked, _ message: String, _ parse: (String) throws(SPARQLSyntaxError) -> Void) {
        do {
            try parse(marked.text)
            Issue.record("accepted: \(marked.text)")
        } catch {
            #expect(error.message == message)
            #expect(error.position.line == marked.line)
            #expect(error.position.column == marked.column)
            #expect(error.description == "\(marked.line):\(marked.column): \(message)")
        }
    }

    @Test("reports what was expected, what was found, and where, for bad queries", arguments: queries)
    func query(_ input: String, _ message: String) {
        Self.check(Marked(input), message) { text throws(SPARQLSyntaxError) in _ = try SPARQLParser.parse(text) }
    }

    @Test("reports what was expected, what was found, and where, for bad updates", arguments: updates)
    func update(_ input: String, _ message: String) {
        Self.check(Marked(input), message) { text throws(SPARQLSyntaxError) in _ = try SPARQLParser.parseUpdate(text) }
    }

    @Test("renders the source line with a caret under the column")
    func rendered() throws {
        let source = "SELECT * WHERE {\n\t?s ?p }"
        do {
            _ = try SPARQLParser.parse(source)
            Issue.record("accepted")
        } catch {
            #expect(error.rendered(source: source) == """
                2 | \t?s ?p }
                  | \t      ^ expected an object (a variable, IRI, literal, blank node or collection), found '}'
                """)
        }
    }

    @Test("renders an error at the end of the text after the last character")
    func renderedAtEnd() throws {
        let source = "ASK {"
        do {
            _ = try SPARQLParser.parse(source)
            Issue.record("accepted")
        } catch {
            #expect(error.rendered(source: source) == "1 | ASK {\n  |      ^ expected '}' or a triple pattern, found end of input")
        }
    }
}
