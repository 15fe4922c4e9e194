import Testing
import ParleyRDF
@testable import ParleyStore
import ParleyTestSupport

/// `QuadScan.restart(_:)`, which a nested-loop join uses to read row after row with one
/// cursor: a restarted scan gives exactly what a new scan of the pattern gives, and a pattern
/// read another way is refused.
@Suite struct ScanRestartTests {
    @Test("one scan restarted on pattern after pattern gives each pattern's quads",
          arguments: [GraphScopeCase.defaultGraph, .named, .anyNamed])
    func restartMatchesFreshScans(_ scope: GraphScopeCase) throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        let model = NamedGraphModel.make()
        try store.load { QuadArrayReader(Array(model.quads)) }
        try store.read { snapshot in
            let ids = try NamedGraphModel.sortedByText(model.quads).prefix(120).map { q in
                (try #require(try snapshot.id(of: q.subject)), try #require(try snapshot.id(of: q.predicate)),
                 try #require(try snapshot.id(of: q.object)), try q.graph.map { try #require(try snapshot.id(of: $0)) })
            }
            let graph = try #require(try snapshot.id(of: NamedGraphModel.iri("g1")))
            // The same positions bound each time (s and p; then p and o), as in a join.
            for shape in 0..<2 {
                var reused: QuadScan?
                var restarts = 0
                for (s, p, o, _) in ids {
                    let pattern = QuadPattern(subject: shape == 0 ? s : nil, predicate: p, object: shape == 1 ? o : nil,
                                              graph: scope.graphScope(graph))
                    var fresh = try snapshot.scan(pattern)
                    var expected: [IDQuad] = []
                    while let q = try fresh.next() { expected.append(q) }
                    if var scan = reused.take(), scan.restart(pattern) {
                        restarts += 1
                        var got: [IDQuad] = []
                        while let q = try scan.next() { got.append(q) }
                        #expect(got == expected, "\(pattern)")
                        reused = consume scan
                    } else {
                        var scan = try snapshot.scan(pattern)
                        while try scan.next() != nil {}
                        reused = consume scan
                    }
                }
                #expect(restarts == ids.count - 1)
            }
        }
    }

    @Test("one union scan restarted on pattern after pattern gives each pattern's distinct triples",
          arguments: [true, false])
    func unionRestartMatchesFreshScans(withDefaultGraph: Bool) throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        let model = NamedGraphModel.make()
        // Without default-graph triples the union reads one index; with them it merges two.
        let quads = withDefaultGraph ? Array(model.quads) : model.quads.filter { $0.graph != nil }
        #expect(quads.contains { $0.graph == nil } == withDefaultGraph)
        try store.load { QuadArrayReader(quads) }
        try store.read { snapshot in
            let ids = try NamedGraphModel.sortedByText(model.quads).prefix(120).map { q in
                (try #require(try snapshot.id(of: q.subject)), try #require(try snapshot.id(of: q.predicate)),
                 try #require(try snapshot.id(of: q.object)))
            }
            // Each shape binds the same positions row after row, as a join does.
            let shapes: [(Bool, Bool, Bool)] = [(true, true, false), (false, true, true), (true, false, false), (false, false, true)]
            for (bindS, bindP, bindO) in shapes {
                var reused: UnionScan?
                var restarts = 0
                for (s, p, o) in ids {
                    let (subject, predicate, object) = (bindS ? s : nil, bindP ? p : nil, bindO ? o : nil)
                    var fresh = try snapshot.unionScan(subject: subject, predicate: predicate, object: object)
                    var expected: [IDQuad] = []
                    while let q = try fresh.next() { expected.append(q) }
                    if var scan = reused.take(), scan.restart(subject: subject, predicate: predicate, object: object) {
                        restarts += 1
                        var got: [IDQuad] = []
                        while let q = try scan.next() { got.append(q) }
                        #expect(got == expected, "\(String(describing: subject)) \(String(describing: predicate)) \(String(describing: object))")
                        reused = consume scan
                    } else {
                        var scan = try snapshot.unionScan(subject: subject, predicate: predicate, object: object)
                        while try scan.next() != nil {}
                        reused = consume scan
                    }
                }
                #expect(restarts == ids.count - 1)
            }
            // Other positions bound: refused, and the scan reads on as before.
            var scan = try snapshot.unionScan(subject: ids[0].0)
            let byPredicate = scan.restart(subject: nil, predicate: ids[0].1, object: nil)
            let moreBound = scan.restart(subject: ids[0].0, predicate: ids[0].1, object: nil)
            #expect(!byPredicate && !moreBound)
            var got: [IDQuad] = []
            while let q = try scan.next() { got.append(q) }
            var fresh = try snapshot.unionScan(subject: ids[0].0)
            var expected: [IDQuad] = []
            while let q = try fresh.next() { expected.append(q) }
            #expect(got == expected && !expected.isEmpty)
        }
    }

    @Test("a pattern read by another plan is refused and the scan is left as it was")
    func otherPlansAreRefused() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        try store.load { QuadArrayReader(Array(NamedGraphModel.make().quads)) }
        try store.read { snapshot in
            let first = QuadPattern(subject: 1, predicate: nil, object: nil, graph: .defaultGraph)
            var scan = try snapshot.scan(first)
            let byPredicate = scan.restart(QuadPattern(subject: nil, predicate: 2, object: nil, graph: .defaultGraph))
            let moreBound = scan.restart(QuadPattern(subject: 1, predicate: 2, object: nil, graph: .defaultGraph))
            let otherScope = scan.restart(QuadPattern(subject: 1, predicate: nil, object: nil, graph: .anyNamed))
            #expect(!byPredicate && !moreBound && !otherScope)
            var got: [IDQuad] = []
            while let q = try scan.next() { got.append(q) }
            var fresh = try snapshot.scan(first)
            var expected: [IDQuad] = []
            while let q = try fresh.next() { expected.append(q) }
            #expect(got == expected)
            let sameWay = scan.restart(QuadPattern(subject: 3, predicate: nil, object: nil, graph: .defaultGraph))
            #expect(sameWay)
        }
    }
}

/// The graph scopes the restart test runs in.
enum GraphScopeCase: Sendable, CaseIterable {
    case defaultGraph, named, anyNamed

    func graphScope(_ graph: TermID) -> GraphScope {
        switch self {
        case .defaultGraph: .defaultGraph
        case .named: .named(graph)
        case .anyNamed: .anyNamed
        }
    }
}
