import Testing
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore
import ParleyTestSupport

/// The merge join of two patterns over the same two variables, and seeks for fully bound
/// patterns: same solutions as nested loops over scans, on every dataset.
@Suite struct JoinStrategyTests {
    static let ex = "http://ex.org/"
    static func iri(_ local: String) -> Term { .iri(ex + local) }

    /// knows: a↔b, a→c, c↔d, e→e (a loop), f→a; likes: a→b, c→d, b→b. Graph g repeats a→b and
    /// b→a and adds g1↔g2; graph h repeats a→b and adds c→a.
    static func makeStore(_ dir: TemporaryDirectory) throws -> Store {
        let store = try Store(path: dir.child("db"))
        let knows = iri("knows"), likes = iri("likes"), g = iri("g"), h = iri("h")
        func q(_ s: String, _ p: Term, _ o: String, _ graph: Term? = nil) -> Quad { Quad(iri(s), p, iri(o), graph: graph) }
        try store.load {
            QuadArrayReader([
                q("a", knows, "b"), q("b", knows, "a"), q("a", knows, "c"), q("c", knows, "d"), q("d", knows, "c"),
                q("e", knows, "e"), q("f", knows, "a"),
                q("a", likes, "b"), q("c", likes, "d"), q("b", likes, "b"),
                q("a", knows, "b", g), q("b", knows, "a", g), q("g1", knows, "g2", g), q("g2", knows, "g1", g),
                q("a", knows, "b", h), q("c", knows, "a", h),
            ])
        }
        return store
    }

    static func solutions(_ engine: QueryEngine, _ text: String, union: Bool) throws -> [String] {
        var options = QueryOptions()
        options.unionDefaultGraph = union
        return try engine.query(try SPARQLParser.parse(text, prefixes: ["ex": ex]), options: options) { result -> [String] in
            guard case .solutions(let solutions) = result else { return [] }
            var all: [String] = []
            while let row = try solutions.next() { all.append(row.map { $0.map { "\($0)" } ?? "-" }.joined(separator: " ")) }
            return all.sorted()
        }
    }

    /// Each query, and the same patterns with BINDs between them (a BIND ends a BGP, so each
    /// pattern is joined on its own, by nested loops over scans), as the reference.
    static let cases: [(optimised: String, reference: String, union: Bool, expect: String, rows: Int)] = [
        ("SELECT ?x ?y { ?x ex:knows ?y . ?y ex:knows ?x FILTER(?x != ?y) }",
         "SELECT ?x ?y { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:knows ?x } FILTER(?x != ?y) }", true, "merge join", 8),
        ("SELECT ?x ?y { ?x ex:knows ?y . ?y ex:knows ?x }",
         "SELECT ?x ?y { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:knows ?x } }", false, "merge join", 5),
        ("SELECT ?x ?y { ?x ex:knows ?y . ?x ex:likes ?y }",
         "SELECT ?x ?y { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?x ex:likes ?y } }", true, "merge join", 2),
        ("SELECT ?x ?y { ?x ex:likes ?y . ?y ex:knows ?x }",
         "SELECT ?x ?y { { ?x ex:likes ?y } BIND(0 AS ?zero1) { ?y ex:knows ?x } }", true, "merge join", 2),
        ("SELECT ?g ?x ?y { GRAPH ?g { ?x ex:knows ?y . ?y ex:knows ?x } }",
         "SELECT ?g ?x ?y { GRAPH ?g { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:knows ?x } } }", true, "merge join", 4),
        ("SELECT ?x ?y FROM ex:g { ?x ex:knows ?y . ?y ex:knows ?x }",
         "SELECT ?x ?y FROM ex:g { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:knows ?x } }", false, "merge join", 4),
        // Two FROM graphs are read graph after graph, not in index order: nested loops.
        ("SELECT ?x ?y FROM ex:g FROM ex:h { ?x ex:knows ?y . ?y ex:knows ?x }",
         "SELECT ?x ?y FROM ex:g FROM ex:h { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:knows ?x } }", false, "probe", 4),
        // Bound before the pair: rows of VALUES go through nested loops.
        ("SELECT ?x ?y { VALUES ?x { ex:a ex:c ex:zzz } ?x ex:knows ?y . ?y ex:knows ?x }",
         "SELECT ?x ?y { VALUES ?x { ex:a ex:c ex:zzz } BIND(0 AS ?zero1) { ?x ex:knows ?y } BIND(0 AS ?zero2) { ?y ex:knows ?x } }", true, "merge join", 4),
        ("SELECT ?x ?y { ?x ex:knows ?y . ?y ex:likes ?z . ?x ex:likes ?z }",
         "SELECT ?x ?y { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:likes ?z } BIND(0 AS ?zero2) { ?x ex:likes ?z } }", true, "probe", 2),
        ("ASK { ex:a ex:knows ex:b }", "", true, "probe", 0),
        ("SELECT (1 AS ?k) { ex:a ex:knows ex:c . ex:c ex:knows ex:a }", "SELECT (1 AS ?k) { { ex:a ex:knows ex:c } BIND(0 AS ?zero1) { ex:c ex:knows ex:a } }",
         false, "probe", 0),
        ("SELECT (1 AS ?k) FROM ex:g FROM ex:h { ex:c ex:knows ex:a . ex:g1 ex:knows ex:g2 }",
         "SELECT (1 AS ?k) FROM ex:g FROM ex:h { { ex:c ex:knows ex:a } BIND(0 AS ?zero1) { ex:g1 ex:knows ex:g2 } }", false, "probe", 1),
        ("SELECT ?x { ?x ex:knows ?x }", "SELECT ?x { { ?x ex:knows ?x } }", true, "", 1),
        ("SELECT ?x ?y { ?x ex:knows ?y . ?y ex:knows ?x . ?x ex:knows ex:zzz }",
         "SELECT ?x ?y { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:knows ?x } BIND(0 AS ?zero2) { ?x ex:knows ex:zzz } }", true, "", 0),
        ("SELECT ?x ?y { ?x ex:knows ?y OPTIONAL { ?y ex:knows ?x } }",
         "SELECT ?x ?y { { ?x ex:knows ?y } OPTIONAL { { ?y ex:knows ?x } } }", true, "probe", 10),
        // DISTINCT over a projection: a pattern binding only unneeded variables stops at its
        // first match per row; not when a FILTER or EXISTS reads them.
        ("SELECT DISTINCT ?y { ?x ex:knows ?y . ?y ex:likes ?z }",
         "SELECT DISTINCT ?y { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:likes ?z } }", true, "first match per row", 3),
        ("SELECT DISTINCT ?y { ?x ex:knows ?y . ?y ex:likes ?z FILTER(?x != ex:f) }",
         "SELECT DISTINCT ?y { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:likes ?z } FILTER(?x != ex:f) }", true, "", 3),
        ("SELECT DISTINCT ?y { ?x ex:knows ?y . ?y ex:likes ?z FILTER EXISTS { ?x ex:likes ?z } }",
         "SELECT DISTINCT ?y { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:likes ?z } FILTER EXISTS { ?x ex:likes ?z } }", true, "", 2),
        ("SELECT ?y { ?x ex:knows ?y . ?y ex:likes ?z }",
         "SELECT ?y { { ?x ex:knows ?y } BIND(0 AS ?zero1) { ?y ex:likes ?z } }", true, "", 6),
    ]

    @Test("gives the solutions nested loops give", arguments: cases)
    func sameSolutions(optimised: String, reference: String, union: Bool, expect: String, rows: Int) throws {
        let dir = TemporaryDirectory()
        let engine = QueryEngine(store: try Self.makeStore(dir))
        var options = QueryOptions()
        options.unionDefaultGraph = union
        let plan = try engine.explain(try SPARQLParser.parse(optimised, prefixes: ["ex": Self.ex]), options: options)
        if !expect.isEmpty { #expect(plan.contains(expect), "\(plan)") }
        guard !reference.isEmpty else {
            let query = try SPARQLParser.parse(optimised, prefixes: ["ex": Self.ex])
            #expect(try engine.query(query, options: options) { result in
                if case .boolean(let b) = result { return b }
                return false
            })
            return
        }
        let got = try Self.solutions(engine, optimised, union: union)
        let want = try Self.solutions(engine, reference, union: union)
        let referencePlan = try engine.explain(try SPARQLParser.parse(reference, prefixes: ["ex": Self.ex]), options: options)
        #expect(!referencePlan.contains("merge join"))
        #expect(!referencePlan.contains("first match"))
        if optimised.contains("EXISTS") || !optimised.contains("DISTINCT") { #expect(!plan.contains("first match")) }
        #expect(got == want)
        #expect(got.count == rows)
    }
}
