import ParleyRDF
import ParleySPARQL
import Testing

@Suite struct IsCompleteTests {
    static let cases: [(text: String, complete: Bool)] = [
        ("SELECT * { ?s ?p ?o }", true),
        ("SELECT * {", false),
        ("SELECT * { ?s ?p [", false),
        ("SELECT (1", false),
        ("SELECT * { ?s ?p \"abc", false),
        ("SELECT * { ?s ?p '''abc\n", false),
        ("SELECT * { ?s ?p \"}\" }", true),
        ("SELECT * { ?s ?p ?o } # {", true),
        ("SELEC", true),
        ("}", true),
        ("SELECT * { ?s ?p ?o & }", true),
        ("", true),
    ]

    @Test("is false only while a bracket or a string is open", arguments: cases)
    func isComplete(_ text: String, _ complete: Bool) {
        #expect(SPARQLParser.isComplete(text) == complete)
    }
}

@Suite struct ShorthandTests {
    static let prefixes = [
        "pv": "https://parley.dev/ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    ]

    @Test("reads bare triple patterns as SELECT * WHERE { … }")
    func barePatterns() throws {
        let query = try SPARQLParser.parseQueryOrPatterns("?who pv:advocates ?what . ?who rdfs:label ?name", prefixes: Self.prefixes)
        #expect(query.form == .select(variables: ["who", "what", "name"], modifier: .none))
        #expect(query.algebra.description == "(project (?who ?what ?name) (bgp (triple ?who <https://parley.dev/ns#advocates> ?what) (triple ?who <http://www.w3.org/2000/01/rdf-schema#label> ?name)))")
    }

    @Test("reads a braced group, filters and a prologue in the shorthand too")
    func bracedAndFiltered() throws {
        let braced = try SPARQLParser.parseQueryOrPatterns("{ ?s pv:p ?o }", prefixes: Self.prefixes)
        #expect(braced.algebra.description == "(project (?s ?o) (bgp (triple ?s <https://parley.dev/ns#p> ?o)))")
        let filtered = try SPARQLParser.parseQueryOrPatterns("PREFIX ex: <http://ex/> ?s ex:p ?o FILTER(?o > 1)")
        #expect(filtered.algebra.description == "(project (?s ?o) (filter (> ?o 1) (bgp (triple ?s <http://ex/p> ?o))))")
    }

    @Test("still reads full queries")
    func fullQuery() throws {
        let query = try SPARQLParser.parseQueryOrPatterns("SELECT ?s { ?s pv:p ?o }", prefixes: Self.prefixes)
        #expect(query.form == .select(variables: ["s"], modifier: .none))
    }

    @Test("reports errors in the shorthand with positions")
    func shorthandError() {
        let marked = Marked("?s pv:p 1️⃣")
        do {
            _ = try SPARQLParser.parseQueryOrPatterns(marked.text, prefixes: Self.prefixes)
            Issue.record("accepted")
        } catch {
            #expect(error.position.column == marked.column)
            #expect(error.message == "expected an object (a variable, IRI, literal, blank node or collection), found end of input")
        }
    }
}
