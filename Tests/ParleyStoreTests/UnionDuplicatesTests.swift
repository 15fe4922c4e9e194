import Testing
import ParleyLMDB
import ParleyRDF
@testable import ParleyStore
import ParleyTestSupport

/// The union's size kept as a statistic (UnionDuplicates.swift): after every kind of write it
/// equals the distinct triples of all graphs, `check` agrees, and a store made before the
/// statistic starts keeping it at its first write.
@Suite struct UnionDuplicatesTests {
    /// Few terms and graphs, so most triples are in several graphs (and in the default graph).
    static func quads(seed: UInt64, count: Int) -> [Quad] {
        var rng = SeededGenerator(seed: seed)
        func iri(_ s: String) -> Term { .iri("http://example.org/" + s) }
        return (0..<count).map { _ in
            let g = Int(rng.next() % 4)
            return Quad(iri("s\(rng.next() % 6)"), iri("p\(rng.next() % 3)"), iri("o\(rng.next() % 5)"),
                        graph: g == 0 ? nil : iri("g\(g)"))
        }
    }

    /// The distinct triples the model's quads make.
    static func unionSize(_ quads: Set<Quad>) -> Int {
        Set(quads.map { Quad($0.subject, $0.predicate, $0.object) }).count
    }

    private func expectAgrees(_ store: Store, _ model: Set<Quad>, _ step: String) throws {
        let kept = try store.read { try $0.unionTripleCount() }
        #expect(kept == Self.unionSize(model), "\(step)")
        let counted = try store.read { snapshot in
            var scan = try snapshot.unionScan()
            var n = 0
            while try scan.next() != nil { n += 1 }
            return n
        }
        #expect(counted == Self.unionSize(model), "\(step): the scan")
        let health = try Store.check(path: store.path)
        #expect(health.isHealthy, "\(step): \(health.summary)")
    }

    @Test("loads, inserts, deletes and graph clears keep the union's size", arguments: [1, 2, 3])
    func keptThroughWrites(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        var model = Set<Quad>()
        try expectAgrees(store, model, "empty")
        // The first load writes into empty indexes (appends); later ones put into full ones.
        let first = Self.quads(seed: seed, count: 150)
        try store.load { QuadArrayReader(first) }
        model.formUnion(first)
        try expectAgrees(store, model, "first load")
        let second = Self.quads(seed: seed + 100, count: 150)
        try store.load { QuadArrayReader(second) }
        model.formUnion(second)
        try expectAgrees(store, model, "second load")
        // Deletes, some of quads the store does not hold.
        let victims = Array(Self.quads(seed: seed + 200, count: 80))
        _ = try store.write { try $0.delete(victims) }
        model.subtract(victims)
        try expectAgrees(store, model, "delete")
        let more = Self.quads(seed: seed + 300, count: 40)
        _ = try store.write { try $0.insert(more, freshBlankNodes: false) }
        model.formUnion(more)
        try expectAgrees(store, model, "insert")
        let g2 = Term.iri("http://example.org/g2")
        _ = try store.write { try $0.clear(.graph(.named(g2))) }
        model = model.filter { $0.graph != g2 }
        try expectAgrees(store, model, "clear g2")
        _ = try store.write { try $0.clear(.graph(.defaultGraph)) }
        model = model.filter { $0.graph != nil }
        try expectAgrees(store, model, "clear the default graph")
        _ = try store.write { try $0.delete(Array(model)) }
        try expectAgrees(store, [], "everything deleted")
    }

    @Test("a named-only load of triples in several graphs, spilled in runs, keeps it too")
    func spilledNamedLoad() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        let quads = Self.quads(seed: 9, count: 600).filter { $0.graph != nil }
        try store.load({ QuadArrayReader(quads) }, options: BoundedLoadTests.tiny)
        try expectAgrees(store, Set(quads), "spilled load")
    }

    @Test("a store made before the statistic counts the union by scan, then keeps it from its first write")
    func olderStore() throws {
        let dir = TemporaryDirectory()
        let path = dir.child("db")
        let quads = Self.quads(seed: 5, count: 200)
        do {
            let store = try Store(path: path)
            try store.load { QuadArrayReader(quads) }
        }
        // What a store made before the statistic holds: neither the marker nor the count.
        do {
            let env = try Environment(path: path)
            let meta = try env.openDatabase("meta", create: false)
            let stats = try env.openDatabase("stats", create: false)
            try env.write { txn in
                _ = try Array("union-duplicates-kept".utf8).withUnsafeBytes { try txn.delete(meta, key: $0) }
                _ = try [UInt8(0x04)].withUnsafeBytes { try txn.delete(stats, key: $0) }
            }
        }
        let store = try Store(path: path)
        #expect(try store.read { try $0.unionTripleCount() } == nil)
        #expect(try Store.check(path: path).isHealthy)
        let more = Self.quads(seed: 6, count: 50)
        try store.load { QuadArrayReader(more) }
        try expectAgrees(store, Set(quads).union(more), "first write after")
    }
}
