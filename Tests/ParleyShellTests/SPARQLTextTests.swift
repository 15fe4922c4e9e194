import Testing
@testable import ParleyShell

/// What the shell reads from SPARQL text through the lexer: kinds, variables and names.
@Suite struct SPARQLTextTests {
    @Test("variables of half-typed text, as far as it can be read", arguments: [
        ("SELECT ?a WHERE { ?a ?p \"open ?b", ["a", "p"]),
        ("SELECT ?a & ?b $c", ["a", "b", "c"]),
        ("?a <http://x/#?no> ?b # ?no\n ?c", ["a", "b", "c"]),
        ("SELECT ?", []),
    ])
    func variables(_ text: String, _ expected: [String]) {
        #expect(SPARQLText.variables(in: text) == expected)
    }

    @Test("a statement kind from the first keyword after the prologue, whatever its case", arguments: [
        ("PREFIX : <http://e/#> BASE <http://b/> select * {}", SPARQLText.Kind.query),
        ("BASE <http://b/>", .prologue),
        ("", .prologue),
        ("a ?p ?o", .patterns),
        ("Load <http://e/data>", .update),
    ])
    func kinds(_ text: String, _ kind: SPARQLText.Kind) {
        #expect(SPARQLText.kind(of: text) == kind)
    }

    @Test("names mentioned as terms, once each; not functions, datatypes or undeclared prefixes")
    func names() {
        let text = """
            SELECT * { ?s ex:knows <http://e/b> ; ex:age ?a . ?s ex:knows ?o .
              FILTER(xsd:integer(?a) > "1"^^xsd:integer && ex:f() && un:known) }
            """
        let names = SPARQLText.names(in: text, prefixes: ["ex": "http://e/", "xsd": "http://x/"])
        #expect(names.map(\.text) == ["ex:knows", "<http://e/b>", "ex:age"])
        #expect(names.map(\.iri) == ["http://e/knows", "http://e/b", "http://e/age"])
    }
}
