import Testing
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore
import ParleyTestSupport

/// The engine over a real store: dataset semantics, cancellation, updates as transactions.
@Suite struct QueryEngineTests {
    static let ex = "http://ex.org/"
    static func iri(_ local: String) -> Term { .iri(ex + local) }

    /// A store with a default-graph triple and the same triple plus another in a named graph.
    func makeStore(_ dir: TemporaryDirectory) throws -> Store {
        let store = try Store(path: dir.child("db"))
        try store.load {
            QuadArrayReader([
                Quad(Self.iri("a"), Self.iri("p"), Self.iri("b")),
                Quad(Self.iri("a"), Self.iri("p"), Self.iri("b"), graph: Self.iri("g")),
                Quad(Self.iri("c"), Self.iri("p"), .string("in g"), graph: Self.iri("g")),
            ])
        }
        return store
    }

    func rows(_ engine: QueryEngine, _ text: String, union: Bool = true) throws -> [[Term?]] {
        var options = QueryOptions()
        options.unionDefaultGraph = union
        return try engine.query(try SPARQLParser.parse(text, prefixes: ["ex": Self.ex]), options: options) { result in
            guard case .solutions(let solutions) = result else { return [] }
            var all: [[Term?]] = []
            while let row = try solutions.next() { all.append(row) }
            return all
        }
    }

    @Test("the default graph is the union of all graphs, each triple once")
    func unionDefaultGraph() throws {
        let dir = TemporaryDirectory()
        let engine = QueryEngine(store: try makeStore(dir))
        #expect(try rows(engine, "SELECT * { ?s ex:p ?o }").count == 2)
        #expect(try rows(engine, "SELECT * { ?s ex:p ?o }", union: false).count == 1)
        #expect(try rows(engine, "SELECT * FROM ex:g { ?s ex:p ?o }", union: false).count == 2)
        #expect(try rows(engine, "SELECT ?g { GRAPH ?g { ?s ex:p ?o } }").count == 2)
    }

    @Test("IRI() resolves against the request's own BASE before the caller's base IRI")
    func baseInTheTextWins() throws {
        let dir = TemporaryDirectory()
        let engine = QueryEngine(store: try makeStore(dir))
        var options = QueryOptions()
        options.baseIRI = "http://caller.org/"
        for (text, expected) in [("BASE <http://text.org/> SELECT (IRI(\"x\") AS ?i) {}", "http://text.org/x"),
                                 ("SELECT (IRI(\"x\") AS ?i) {}", "http://caller.org/x")] {
            let query = try SPARQLParser.parse(text, baseIRI: options.baseIRI)
            let row = try engine.query(query, options: options) { result -> [Term?]? in
                guard case .solutions(let solutions) = result else { return nil }
                return try solutions.next()
            }
            #expect(row == [.iri(expected)], "\(text)")
        }
    }

    @Test("bare triple patterns mean SELECT * WHERE { … }")
    func shorthand() throws {
        let dir = TemporaryDirectory()
        let engine = QueryEngine(store: try makeStore(dir))
        let query = try SPARQLParser.parseQueryOrPatterns("?s ex:p ?o . ?s ex:p ex:b", prefixes: ["ex": Self.ex])
        let count = try engine.query(query) { result -> Int in
            guard case .solutions(let s) = result else { return -1 }
            var n = 0
            while try s.next() != nil { n += 1 }
            return n
        }
        #expect(count == 1)
    }

    @Test("a cancelled query stops with QueryError.cancelled")
    func cancellation() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        try store.load { QuadArrayReader((0..<300).map { Quad(Self.iri("s\($0)"), Self.iri("p"), Self.iri("o\($0)")) }) }
        let engine = QueryEngine(store: store)
        var options = QueryOptions()
        let token = CancellationToken()
        options.cancellation = token
        // A cross product of 300^3 rows: far too long to finish.
        let query = try SPARQLParser.parse("SELECT * { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }")
        #expect(throws: QueryError.self) {
            try engine.query(query, options: options) { result in
                guard case .solutions(let s) = result else { return }
                var n = 0
                while try s.next() != nil {
                    n += 1
                    if n == 1000 { token.cancel() }
                }
            }
        }
    }

    @Test("a timeout stops a long query")
    func timeout() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        try store.load { QuadArrayReader((0..<300).map { Quad(Self.iri("s\($0)"), Self.iri("p"), Self.iri("o\($0)")) }) }
        var options = QueryOptions()
        options.timeout = .milliseconds(50)
        let query = try SPARQLParser.parse("SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }")
        do {
            try QueryEngine(store: store).query(query, options: options) { result in
                guard case .solutions(let s) = result else { return }
                while try s.next() != nil {}
            }
            Issue.record("the query should have timed out")
        } catch QueryError.timeout {
        }
    }

    @Test("an update request is one transaction: a failing operation undoes the ones before it")
    func updateIsAtomic() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let engine = QueryEngine(store: store)
        let update = try SPARQLParser.parseUpdate("INSERT DATA { ex:new ex:p ex:x } ; LOAD <file:///nonexistent/file.ttl>",
                                                  prefixes: ["ex": Self.ex])
        #expect(throws: QueryError.self) { try engine.update(update) }
        #expect(try rows(engine, "SELECT * { ex:new ?p ?o }").isEmpty)
        // SILENT lets the rest land.
        let silent = try SPARQLParser.parseUpdate("INSERT DATA { ex:new ex:p ex:x } ; LOAD SILENT <file:///nonexistent/file.ttl>",
                                                  prefixes: ["ex": Self.ex])
        #expect(try engine.update(silent).inserted == 1)
        #expect(try rows(engine, "SELECT * { ex:new ?p ?o }").count == 1)
    }

    @Test("DELETE/INSERT WHERE sees the data before the change")
    func modifySeesSnapshot() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let engine = QueryEngine(store: store)
        let update = try SPARQLParser.parseUpdate(
            "DELETE { ?s ex:p ?o } INSERT { ?o ex:p ?s } WHERE { ?s ex:p ?o FILTER(isIRI(?o)) }", prefixes: ["ex": Self.ex])
        let report = try engine.update(update)
        #expect(report.deleted == 1)
        #expect(report.inserted == 1)
        #expect(try rows(engine, "SELECT * { ex:b ex:p ex:a }", union: false).count == 1)
    }

    @Test("EXPLAIN names the index each pattern scans, with estimated and actual rows")
    func explain() throws {
        let dir = TemporaryDirectory()
        let engine = QueryEngine(store: try makeStore(dir))
        let plan = try engine.explain(try SPARQLParser.parse("SELECT * { ?s ex:p ?o . ?o ex:p ?x }", prefixes: ["ex": Self.ex]))
        #expect(plan.contains("scan pos"))
        #expect(plan.contains("est "))
        #expect(plan.contains("rows "))
        #expect(plan.contains("solutions in"))
    }

    @Test("LIMIT stops reading early: a limited query over a huge product returns at once")
    func limitStopsEarly() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        try store.load { QuadArrayReader((0..<1000).map { Quad(Self.iri("s\($0)"), Self.iri("p"), Self.iri("o\($0)")) }) }
        var options = QueryOptions()
        options.timeout = .seconds(20)
        let engine = QueryEngine(store: store)
        // 10^9 rows if read to the end; the timeout turns a missing early stop into a failure.
        let result = try engine.query(try SPARQLParser.parse("SELECT * { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f } LIMIT 5"), options: options) { result -> Int in
            guard case .solutions(let s) = result else { return -1 }
            var n = 0
            while try s.next() != nil { n += 1 }
            return n
        }
        #expect(result == 5)
    }
}
