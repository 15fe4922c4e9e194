import ParleySPARQL
import Testing

/// Deep input ends in a syntax error, never a stack overflow.
@Suite struct NestingTests {
    static let depth = 100_000

    static let deepQueries: [(name: String, text: String)] = [
        ("parentheses", "ASK { FILTER(" + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + ") }"),
        ("groups", "ASK " + String(repeating: "{", count: depth) + String(repeating: "}", count: depth)),
        ("blank node property lists", "ASK { ?s <p> " + String(repeating: "[ <p> ", count: depth) + "1" + String(repeating: "]", count: depth) + " }"),
        ("collections", "ASK { ?s <p> " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + " }"),
        ("path groups", "ASK { ?s " + String(repeating: "(", count: depth) + "<p>" + String(repeating: ")", count: depth) + " ?o }"),
        ("function calls", "ASK { FILTER(" + String(repeating: "STR(", count: depth) + "1" + String(repeating: ")", count: depth) + ") }"),
        ("EXISTS", "ASK { " + String(repeating: "FILTER EXISTS { ", count: depth) + String(repeating: "}", count: depth) + " }"),
        ("sub-selects", "SELECT * " + String(repeating: "{ SELECT * ", count: depth) + "{}" + String(repeating: "}", count: depth)),
    ]

    @Test("rejects 100,000-deep nesting cleanly", arguments: deepQueries)
    func rejectsDeepNesting(_ name: String, _ text: String) {
        do {
            _ = try SPARQLParser.parse(text)
            Issue.record("accepted \(name)")
        } catch {
            #expect(error.reason == .tooDeeplyNested(limit: SPARQLParser.defaultMaximumNesting))
        }
    }

    @Test("accepts nesting within the limit")
    func acceptsModerateNesting() throws {
        let n = SPARQLParser.defaultMaximumNesting - 2
        let query = "ASK { FILTER(" + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) + ") }"
        _ = try SPARQLParser.parse(query)
        _ = try SPARQLParser.parse("ASK " + String(repeating: "{", count: n) + String(repeating: "}", count: n))
    }

    static let longChains: [(name: String, text: @Sendable (Int) -> String)] = [
        ("sums", { n in "ASK { FILTER(1" + String(repeating: " + 1", count: n) + ") }" }),
        ("signed sums", { n in "ASK { FILTER(1" + String(repeating: " -1", count: n) + ") }" }),
        ("products", { n in "ASK { FILTER(1" + String(repeating: " * 1", count: n) + ") }" }),
        ("disjunctions", { n in "ASK { FILTER(true" + String(repeating: " || true", count: n) + ") }" }),
        ("conjunctions", { n in "ASK { FILTER(true" + String(repeating: " && true", count: n) + ") }" }),
        ("UNIONs", { n in "ASK { {}" + String(repeating: " UNION {}", count: n) + " }" }),
        ("OPTIONALs", { n in "ASK { ?s ?p ?o" + String(repeating: " OPTIONAL { ?s ?p ?o }", count: n) + " }" }),
        ("FILTERs", { n in "ASK { ?s ?p ?o" + String(repeating: " FILTER(?o)", count: n) + " }" }),
        ("path alternatives", { n in "ASK { ?s <p>" + String(repeating: "|<p>", count: n) + " ?o }" }),
        ("path triples", { n in "ASK { " + String(repeating: "?s <p>* ?o . ", count: n) + " }" }),
        ("select expressions", { n in "SELECT " + (0..<n).map { "(1 AS ?v\($0))" }.joined(separator: " ") + " {}" }),
    ]

    @Test("rejects 100,000-long chains that would make the algebra too deep", arguments: longChains)
    func rejectsLongChains(_ name: String, _ text: @Sendable (Int) -> String) {
        do {
            _ = try SPARQLParser.parse(text(Self.depth))
            Issue.record("accepted \(name)")
        } catch {
            #expect(error.reason == .tooComplex(limit: 4 * SPARQLParser.defaultMaximumNesting))
        }
    }

    @Test("accepts chains within the limit, and their algebra can be compared and printed", arguments: longChains)
    func acceptsChains(_ name: String, _ text: @Sendable (Int) -> String) throws {
        let query = try SPARQLParser.parse(text(4 * SPARQLParser.defaultMaximumNesting - 10))
        #expect(query == query)
        #expect(!query.description.isEmpty)
        #expect(Set([query]).count == 1)
    }

    @Test("honours a caller's lower limit")
    func customLimit() {
        #expect(throws: SPARQLSyntaxError.self) {
            _ = try SPARQLParser.parse("ASK { { { {} } } }", maximumNesting: 3)
        }
    }
}
