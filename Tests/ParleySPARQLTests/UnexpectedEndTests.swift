import ParleySPARQL
import Testing

/// "Found end of input" is data: the reason says the text ended where more was wanted.
@Suite struct UnexpectedEndTests {
    @Test("errors at the end of the text are unexpectedEnd, with the same message", arguments: [
        ("SELECT ?s", "expected WHERE or '{', found end of input"),
        ("SELECT * { ?s ?p ?o ", "expected '.' or '}' after a triple pattern, found end of input"),
        ("?s a", "expected an object (a variable, IRI, literal, blank node or collection), found end of input"),
        ("SELECT * { ?s ?p \"x\"@", "expected a language tag after '@', found end of input"),
    ])
    func atEnd(_ text: String, _ message: String) {
        #expect {
            _ = try SPARQLParser.parseQueryOrPatterns(text)
        } throws: { error in
            guard let error = error as? SPARQLSyntaxError, case .unexpectedEnd = error.reason else { return false }
            return error.message == message
        }
    }

    @Test("errors before the end keep their found text", arguments: ["SELECT ?s }", "SELECT * { ?s ?p \"x\"@ }"])
    func notAtEnd(_ text: String) {
        #expect {
            _ = try SPARQLParser.parseQueryOrPatterns(text)
        } throws: { error in
            guard let error = error as? SPARQLSyntaxError, case .expected = error.reason else { return false }
            return true
        }
    }
}
