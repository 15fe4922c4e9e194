import Testing
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore
import ParleyTestSupport

/// The switch of a `?s <p> ?o` pattern from a scan per row to a table of `<p>`'s triples
/// (`PredicateTable`): 300 rows (from VALUES, which feed the pattern row by row) ask about a
/// predicate of about 100 quads, so the table is built after the first rows; the solutions
/// must be exactly those of the data, over the default graph, the union of all graphs (a
/// triple in two graphs once) and one named graph.
@Suite struct TableJoinTests {
    static let ex = "http://ex.org/"
    static func iri(_ local: String) -> Term { .iri(ex + local) }

    /// 300 subjects of type T; `small` on every seventh with one to three objects, one of them
    /// sometimes the subject itself; g1 repeats some default-graph triples and adds its own.
    static func quads() -> [Quad] {
        var quads: [Quad] = []
        for i in 0..<300 { quads.append(Quad(iri("s\(i)"), iri("type"), iri("T"))) }
        for i in stride(from: 0, to: 300, by: 7) {
            for k in 0..<(1 + i % 3) { quads.append(Quad(iri("s\(i)"), iri("small"), iri("o\((i + k) % 11)"))) }
            if i % 5 == 0 { quads.append(Quad(iri("s\(i)"), iri("small"), iri("s\(i)"))) }
        }
        let g1 = iri("g1")
        for i in stride(from: 0, to: 300, by: 3) { quads.append(Quad(iri("s\(i)"), iri("type"), iri("T"), graph: g1)) }
        for i in stride(from: 0, to: 300, by: 14) { quads.append(Quad(iri("s\(i)"), iri("small"), iri("o\(i % 11)"), graph: g1)) }
        for i in stride(from: 1, to: 300, by: 9) { quads.append(Quad(iri("s\(i)"), iri("small"), iri("x\(i % 4)"), graph: g1)) }
        return quads
    }

    /// `VALUES ?s { ex:s0 … ex:s299 }`: every subject, each a row.
    static let values = "VALUES ?s { " + (0..<300).map { "ex:s\($0)" }.joined(separator: " ") + " }"

    /// The solutions `VALUES ?s {…} ?s type T . ?s small ?o` (and the variants) must have.
    static func expected(_ quads: [Quad], graphs: (Term?) -> Bool, sameObject: Bool = false, distinctSubjects: Bool = false) -> [String] {
        let visible = Set(quads.filter { graphs($0.graph) }.map { Quad($0.subject, $0.predicate, $0.object) })
        let typed = Set(visible.filter { $0.predicate == iri("type") }.map(\.subject))
        var rows: [String] = []
        for q in visible where q.predicate == iri("small") && typed.contains(q.subject) {
            if sameObject && q.object != q.subject { continue }
            rows.append(distinctSubjects || sameObject ? "\(q.subject)" : "\(q.subject) \(q.object)")
        }
        return distinctSubjects ? Array(Set(rows)).sorted() : rows.sorted()
    }

    /// Sorted solutions, read as `JoinStrategyTests` reads them (same `ex:` prefix).
    static func solutions(_ engine: QueryEngine, _ text: String, union: Bool) throws -> [String] {
        try JoinStrategyTests.solutions(engine, text, union: union)
    }

    @Test("a pattern read from a table after enough rows gives exactly the data's solutions")
    func sameSolutions() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        let quads = Self.quads()
        try store.load { QuadArrayReader(quads) }
        let engine = QueryEngine(store: store)
        let g1 = Self.iri("g1")
        let v = Self.values
        let join = "SELECT ?s ?o { \(v) ?s ex:type ex:T . ?s ex:small ?o }"
        let defaultOnly = Self.expected(quads, graphs: { $0 == nil })
        #expect(defaultOnly.count > 60)
        #expect(try Self.solutions(engine, join, union: false) == defaultOnly)
        #expect(try Self.solutions(engine, join, union: true) == Self.expected(quads, graphs: { _ in true }))
        #expect(try Self.solutions(engine, "SELECT ?s ?o { GRAPH ex:g1 { \(v) ?s ex:type ex:T . ?s ex:small ?o } }", union: true)
                == Self.expected(quads, graphs: { $0 == g1 }))
        // The object repeats the subject: only loops.
        #expect(try Self.solutions(engine, "SELECT ?s { \(v) ?s ex:type ex:T . ?s ex:small ?s }", union: false)
                == Self.expected(quads, graphs: { $0 == nil }, sameObject: true))
        // DISTINCT: the pattern's first match per row will do.
        #expect(try Self.solutions(engine, "SELECT DISTINCT ?s { \(v) ?s ex:type ex:T . ?s ex:small ?o }", union: true)
                == Self.expected(quads, graphs: { _ in true }, distinctSubjects: true))
    }
}
