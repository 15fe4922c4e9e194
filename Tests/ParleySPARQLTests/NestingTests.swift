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

    @Test("honours a caller's lower limit")
    func customLimit() {
        #expect(throws: SPARQLSyntaxError.self) {
            _ = try SPARQLParser.parse("ASK { { { {} } } }", maximumNesting: 3)
        }
    }
}
