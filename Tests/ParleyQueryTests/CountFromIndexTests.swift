import Testing
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore
import ParleyTestSupport

/// `COUNT(*)` answered from the indexes' counts: exact on every dataset, and only where the
/// count of quads is the count of solutions.
@Suite struct CountFromIndexTests {
    static let ex = "http://ex.org/"
    static func iri(_ local: String) -> Term { .iri(ex + local) }

    /// Default graph: a p b, a p c, d q b. Graph g: a p b (also in the default graph), e p f.
    /// Graph h: a p b and e p f again, and h r h. The union holds 5 distinct triples.
    static func makeStore(_ dir: TemporaryDirectory) throws -> Store {
        let store = try Store(path: dir.child("db"))
        let (a, b, c, d, e, f, h) = (iri("a"), iri("b"), iri("c"), iri("d"), iri("e"), iri("f"), iri("h"))
        let (p, q, r, g, hg) = (iri("p"), iri("q"), iri("r"), iri("g"), iri("hg"))
        try store.load {
            QuadArrayReader([
                Quad(a, p, b), Quad(a, p, c), Quad(d, q, b),
                Quad(a, p, b, graph: g), Quad(e, p, f, graph: g),
                Quad(a, p, b, graph: hg), Quad(e, p, f, graph: hg), Quad(h, r, h, graph: hg),
            ])
        }
        return store
    }

    static func count(_ engine: QueryEngine, _ text: String, union: Bool) throws -> Int? {
        var options = QueryOptions()
        options.unionDefaultGraph = union
        return try engine.query(try SPARQLParser.parse(text, prefixes: ["ex": ex]), options: options) { result -> Int? in
            guard case .solutions(let solutions) = result, let row = try solutions.next(),
                  case .literal(let literal)? = row.first ?? nil else { return nil }
            return Int(literal.lexical)
        }
    }

    static func explain(_ engine: QueryEngine, _ text: String, union: Bool) throws -> String {
        var options = QueryOptions()
        options.unionDefaultGraph = union
        return try engine.explain(try SPARQLParser.parse(text, prefixes: ["ex": ex]), options: options)
    }

    static let cases: [(pattern: String, union: Bool, expected: Int)] = [
        ("{ ?s ?p ?o }", true, 5),
        ("{ ?s ?p ?o }", false, 3),
        ("FROM ex:g { ?s ?p ?o }", false, 2),
        ("FROM ex:g FROM ex:hg { ?s ?p ?o }", false, 3),
        ("FROM ex:nothing { ?s ?p ?o }", false, 0),
        ("{ GRAPH ?g { ?s ?p ?o } }", true, 5),
        ("{ GRAPH ex:g { ?s ?p ?o } }", true, 2),
        ("{ GRAPH ex:nothing { ?s ?p ?o } }", true, 0),
        ("FROM NAMED ex:g { GRAPH ?g { ?s ?p ?o } }", true, 2),
        ("FROM NAMED ex:g { GRAPH ex:hg { ?s ?p ?o } }", true, 0),
        ("{ ?s ex:p ?o }", true, 3),
        ("{ ?s ex:p ?o }", false, 2),
        ("{ GRAPH ?g { ?s ex:p ?o } }", true, 4),
        ("{ GRAPH ex:hg { ?s ex:p ?o } }", true, 2),
        ("{ ex:a ?p ?o }", true, 2),
        ("{ ?s ?p ex:b }", true, 2),
        ("{ ex:a ex:p ?o }", true, 2),
        ("{ ?s ex:p ex:b }", false, 1),
        ("{ ex:a ?p ex:b }", true, 1),
        ("{ ex:a ex:p ex:b }", true, 1),
        ("{ ex:a ex:p ex:b }", false, 1),
        ("{ GRAPH ?g { ex:a ex:p ex:b } }", true, 2),
        ("{ GRAPH ex:g { ex:e ex:p ?o } }", true, 1),
        ("{ ex:nothing ?p ?o }", true, 0),
        ("{ ?s ex:nothing ?o }", false, 0),
    ]

    @Test("COUNT(*) over one pattern is exact from the indexes on every dataset", arguments: cases)
    func countsFromIndexes(pattern: String, union: Bool, expected: Int) throws {
        let dir = TemporaryDirectory()
        let engine = QueryEngine(store: try Self.makeStore(dir))
        let query = "SELECT (COUNT(*) AS ?n) \(pattern)"
        #expect(try Self.count(engine, query, union: union) == expected)
        // The count equals the number of solutions evaluated row by row.
        let listed = try engine.query(try SPARQLParser.parse("SELECT * \(pattern)", prefixes: ["ex": Self.ex]),
                                      options: { var o = QueryOptions(); o.unionDefaultGraph = union; return o }()) { result -> Int in
            guard case .solutions(let solutions) = result else { return -1 }
            var n = 0
            while try solutions.next() != nil { n += 1 }
            return n
        }
        #expect(listed == expected)
        #expect(try Self.explain(engine, query, union: union).contains("count(*) from"))
    }

    @Test("COUNT(?v) of a variable of the pattern, and several counts at once, come from the indexes too")
    func countOfVariable() throws {
        let dir = TemporaryDirectory()
        let engine = QueryEngine(store: try Self.makeStore(dir))
        let query = "SELECT (COUNT(?s) AS ?n) (COUNT(*) AS ?m) { ?s ex:p ?o }"
        #expect(try Self.count(engine, query, union: true) == 3)
        let plan = try Self.explain(engine, query, union: true)
        #expect(plan.contains("count(*) from"))
    }

    static let evaluated: [(query: String, expected: Int)] = [
        // A repeated variable must compare ids: only h r h.
        ("SELECT (COUNT(*) AS ?n) { ?s ?p ?s }", 1),
        ("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?g ?p ?o } }", 0),
        ("SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(?s != ex:a) }", 3),
        ("SELECT (COUNT(*) AS ?n) { ?s ex:p ?o OPTIONAL { ?o ex:p ?x } }", 3),
        ("SELECT (COUNT(DISTINCT *) AS ?n) { ?s ex:p ?o }", 3),
        ("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ex:p ?o }", 2),
        ("SELECT (COUNT(?x) AS ?n) { ?s ex:p ?o }", 0),
        ("SELECT (COUNT(*) AS ?n) (SAMPLE(?s) AS ?x) { ?s ex:q ?o }", 1),
        ("SELECT (COUNT(*) AS ?n) { ?s ex:p ?o . ?o ?q ?x }", 0),
        ("SELECT (COUNT(*) AS ?n) { ?s ex:p ?o } GROUP BY ?s ORDER BY DESC(?n) LIMIT 1", 2),
        ("SELECT (COUNT(*) AS ?n) { ?s ex:p/ex:p ?o }", 0),
        ("SELECT (COUNT(*) AS ?n) { BIND(1 AS ?one) ?s ex:p ?o }", 3),
    ]

    @Test("aggregates the counts cannot answer are evaluated", arguments: evaluated)
    func fallsBack(query: String, expected: Int) throws {
        let dir = TemporaryDirectory()
        let engine = QueryEngine(store: try Self.makeStore(dir))
        #expect(try Self.count(engine, query, union: true) == expected)
        #expect(!(try Self.explain(engine, query, union: true).contains("count(*) from")))
    }

    @Test("a count in a sub-select inside GRAPH ?g counts each graph")
    func nested() throws {
        let dir = TemporaryDirectory()
        let engine = QueryEngine(store: try Self.makeStore(dir))
        let text = "SELECT ?g ?n { GRAPH ?g { SELECT (COUNT(*) AS ?n) { ?s ?p ?o } } } ORDER BY ?g"
        let rows = try engine.query(try SPARQLParser.parse(text, prefixes: ["ex": Self.ex])) { result -> [[Term?]] in
            guard case .solutions(let solutions) = result else { return [] }
            var all: [[Term?]] = []
            while let row = try solutions.next() { all.append(row) }
            return all
        }
        #expect(rows.map { $0.last ?? nil } == [.literal(Literal("2", datatype: Vocabulary.xsdInteger)),
                                                 .literal(Literal("3", datatype: Vocabulary.xsdInteger))])
    }

    @Test("the store's counts match its scans for every index and scope")
    func storeCounts() throws {
        let dir = TemporaryDirectory()
        let store = try Self.makeStore(dir)
        try store.read { snapshot in
            let ids = try ["a", "p", "b", "g", "hg", "e"].map { try snapshot.id(of: Self.iri($0)) }
            let (a, p, b, g) = (ids[0], ids[1], ids[2], ids[3])
            let scopes: [GraphScope] = [.defaultGraph, .anyNamed, .named(g ?? 0), .named(ids[4] ?? 0)]
            for scope in scopes {
                for s in [nil, a] { for pr in [nil, p] { for o in [nil, b] {
                    let pattern = QuadPattern(subject: s, predicate: pr, object: o, graph: scope)
                    #expect(try snapshot.count(pattern).count == snapshot.quads(matching: pattern).count, "\(pattern)")
                } } }
            }
        }
    }
}
