import Testing
import ParleyRDF
@testable import ParleyStore
import ParleyLMDB
import ParleyTestSupport

/// The named-graph layout (`spog`, `posg`, `ospg` and `gs`) against a naive model: every
/// quad pattern, the union default graph, `gs` kept exact by deletes, and bulk load against
/// incremental inserts.
@Suite struct NamedGraphLayoutTests {
    static let model = NamedGraphModel.make()

    func makeStore(_ dir: TemporaryDirectory, _ name: String = "db") throws -> Store {
        try Store(path: dir.child(name))
    }

    /// Deletes every third quad of the model (by a stable order) and inserts some back into
    /// other graphs, in separate writes; returns the model that should result.
    func mutate(_ store: Store) throws -> NamedGraphModel {
        var model = Self.model
        let sorted = NamedGraphModel.sortedByText(model.quads)
        let victims = stride(from: 0, to: sorted.count, by: 3).map { sorted[$0] }
        try store.write { writer in _ = try writer.delete(victims) }
        model.quads.subtract(victims)
        let moved = victims.prefix(300).map { Quad($0.subject, $0.predicate, $0.object, graph: NamedGraphModel.iri("g3")) }
        try store.write { writer in _ = try writer.insert(Array(moved), freshBlankNodes: false) }
        model.quads.formUnion(moved)
        return model
    }

    /// What a scan of the store finds, as quads.
    func found(_ store: Store, subject: Term?, predicate: Term?, object: Term?,
               scope: NamedGraphModel.Scope) throws -> [Quad] {
        try store.read { snapshot -> [Quad] in
            func id(_ term: Term?) throws -> TermID? {
                guard let term else { return nil }
                return try snapshot.id(of: term) ?? TermID.max
            }
            let s = try id(subject), p = try id(predicate), o = try id(object)
            var quads: [IDQuad] = []
            if scope == .union {
                var scan = try snapshot.unionScan(subject: s, predicate: p, object: o)
                while let q = try scan.next() { quads.append(q) }
            } else {
                let graph: GraphScope
                switch scope {
                case .defaultGraph, .union: graph = .defaultGraph
                case .anyNamed: graph = .anyNamed
                case .named(let g): graph = .named(try id(g) ?? TermID.max)
                }
                var scan = try snapshot.scan(QuadPattern(subject: s, predicate: p, object: o, graph: graph))
                while let q = try scan.next() { quads.append(q) }
            }
            return try quads.map { q in
                func term(_ id: TermID) throws -> Term { try #require(try snapshot.term(id)) }
                return Quad(try term(q.subject), try term(q.predicate), try term(q.object),
                            graph: q.graph == 0 ? nil : try term(q.graph))
            }
        }
    }

    @Test("every bound/unbound combination of s, p, o, g and the union match the model",
          arguments: 0..<16, [false, true])
    func everyPattern(mask: Int, mutated: Bool) throws {
        let dir = TemporaryDirectory()
        do {
            let store = try makeStore(dir)
            try store.load { QuadArrayReader(Array(Self.model.quads)) }
            try compare(store, mask: mask, model: mutated ? try mutate(store) : Self.model)
        }
        // After the store is closed: one environment per file per process.
        #expect(try Store.check(path: dir.child("db")).isHealthy)
    }

    /// One query of the differential test: the bound positions and the graphs read.
    struct Probe: Hashable {
        var subject: Term?, predicate: Term?, object: Term?
        var scope: NamedGraphModel.Scope
    }

    func compare(_ store: Store, mask: Int, model: NamedGraphModel) throws {
        var probes: [Probe] = []
        var seen = Set<Probe>()
        for quad in model.probes {
            let s = mask & 1 != 0 ? quad.subject : nil
            let p = mask & 2 != 0 ? quad.predicate : nil
            let o = mask & 4 != 0 ? quad.object : nil
            let scopes: [NamedGraphModel.Scope] = mask & 8 != 0
                ? [quad.graph.map { .named($0) } ?? .defaultGraph]
                : [.anyNamed, .union, .defaultGraph]
            for scope in scopes where seen.insert(Probe(subject: s, predicate: p, object: o, scope: scope)).inserted {
                probes.append(Probe(subject: s, predicate: p, object: o, scope: scope))
            }
        }
        for probe in probes {
            let (s, p, o, scope) = (probe.subject, probe.predicate, probe.object, probe.scope)
            do {
                let expected = model.matching(subject: s, predicate: p, object: o, scope: scope)
                let result = try found(store, subject: s, predicate: p, object: o, scope: scope)
                #expect(result.count == expected.count, "\(scope) (\(s.map { "\($0)" } ?? "?") \(p.map { "\($0)" } ?? "?") \(o.map { "\($0)" } ?? "?"))")
                #expect(Set(result) == expected, "\(scope) (\(s.map { "\($0)" } ?? "?") \(p.map { "\($0)" } ?? "?") \(o.map { "\($0)" } ?? "?"))")
            }
        }
    }

    @Test("a graph far smaller than its predicate is read through its subjects, a big one through posg")
    func graphSubjectsRoute() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try store.load { QuadArrayReader(Array(Self.model.quads)) }
        let (small, big) = try store.readTransaction { txn -> (Bool, Bool) in
            let dictionary = store.dictionary
            let p = try #require(try dictionary.id(of: NamedGraphModel.bigPredicate, in: txn))
            let small = try #require(try dictionary.id(of: NamedGraphModel.smallGraph, in: txn))
            let big = try #require(try dictionary.id(of: NamedGraphModel.bigGraph, in: txn))
            return (try store.prefersGraphSubjects(graph: small, predicate: p, in: txn),
                    try store.prefersGraphSubjects(graph: big, predicate: p, in: txn))
        }
        #expect(small)
        #expect(!big)
    }

    /// `gs` as (graph, subject) terms.
    func graphSubjects(_ store: Store) throws -> Set<[Term]> {
        try store.readTransaction { txn in
            Set(try store.readGraphSubjects(in: txn).map { pair in
                [try #require(try store.dictionary.term(pair.graph, in: txn)), try #require(try store.dictionary.term(pair.subject, in: txn))]
            })
        }
    }

    @Test("deleting one of a subject's two quads in a graph keeps it in gs; deleting the last removes it")
    func graphSubjectsFollowDeletes() throws {
        let dir = TemporaryDirectory()
        do {
            let store = try makeStore(dir)
            let (s, g, h) = (NamedGraphModel.iri("s"), NamedGraphModel.iri("g"), NamedGraphModel.iri("h"))
            let first = Quad(s, NamedGraphModel.iri("p1"), NamedGraphModel.iri("o1"), graph: g)
            let second = Quad(s, NamedGraphModel.iri("p2"), NamedGraphModel.iri("o2"), graph: g)
            let elsewhere = Quad(s, NamedGraphModel.iri("p1"), NamedGraphModel.iri("o1"), graph: h)
            let unnamed = Quad(s, NamedGraphModel.iri("p1"), NamedGraphModel.iri("o1"))
            try store.write { writer in _ = try writer.insert([first, second, elsewhere, unnamed]) }
            #expect(try graphSubjects(store) == [[g, s], [h, s]])
            try store.write { writer in _ = try writer.delete([first]) }
            #expect(try graphSubjects(store) == [[g, s], [h, s]])
            try store.write { writer in _ = try writer.delete([second]) }
            #expect(try graphSubjects(store) == [[h, s]])
            #expect(try found(store, subject: nil, predicate: nil, object: nil, scope: .named(g)).isEmpty)
            try store.write { writer in _ = try writer.insert([second]) }
            #expect(try graphSubjects(store) == [[g, s], [h, s]])
            try store.write { writer in _ = try writer.clear(.graph(.named(h))) }
            #expect(try graphSubjects(store) == [[g, s]])
        }
        #expect(try Store.check(path: dir.child("db")).isHealthy)
    }

    @Test("a bulk load, a spilling load and inserts in many writes give the same store",
          arguments: [false, true])
    func bulkEqualsIncremental(spilling: Bool) throws {
        let dir = TemporaryDirectory()
        let quads = NamedGraphModel.sortedByText(Self.model.quads)
        do {
            let bulk = try makeStore(dir, "bulk")
            var options = LoadOptions()
            if spilling { options.sortRunBytes = 4096 }
            try bulk.load({ QuadArrayReader(quads) }, options: options)
            let incremental = try makeStore(dir, "incremental")
            for start in stride(from: 0, to: quads.count, by: 700) {
                let chunk = Array(quads[start..<min(quads.count, start + 700)])
                try incremental.write { writer in _ = try writer.insert(chunk, freshBlankNodes: false) }
            }
            func exported(_ store: Store) throws -> Set<Quad> {
                var result = Set<Quad>()
                try store.export(.allQuads) { if let q = $0.decoded() { result.insert(q) } }
                return result
            }
            #expect(try exported(bulk) == Self.model.quads)
            #expect(try exported(incremental) == Self.model.quads)
            #expect(try graphSubjects(bulk) == graphSubjects(incremental))
            #expect(try bulk.graphs().map { "\($0.name) \($0.quads)" } == incremental.graphs().map { "\($0.name) \($0.quads)" })
        }
        #expect(try Store.check(path: dir.child("bulk")).isHealthy)
        #expect(try Store.check(path: dir.child("incremental")).isHealthy)
    }
}
