import Testing
import ParleyRDF
@testable import ParleyStore
import ParleyTestSupport

@Suite struct StoreLoadTests {
    static let ex = "http://example.org/"
    static func iri(_ local: String) -> Term { .iri(ex + local) }

    static let sample: [Quad] = [
        Quad(iri("a"), iri("knows"), iri("b")),
        Quad(iri("a"), iri("knows"), iri("c")),
        Quad(iri("b"), iri("knows"), iri("c")),
        Quad(iri("a"), iri("name"), .string("Alice")),
        Quad(iri("a"), iri("age"), .literal(Literal("01", datatype: Vocabulary.xsdInteger))),
        Quad(iri("c"), iri("name"), .literal(Literal("Carol", language: "en"))),
        Quad(iri("a"), iri("knows"), iri("b")),  // duplicate
        Quad(iri("a"), iri("knows"), iri("b"), graph: iri("g1")),
        Quad(iri("d"), iri("knows"), iri("a"), graph: iri("g1")),
        Quad(iri("d"), iri("name"), .string("Dan"), graph: iri("g2")),
    ]

    func makeStore(_ dir: TemporaryDirectory, mapSize: Int = 1 << 30) throws -> Store {
        var options = Store.Options()
        options.initialMapSize = mapSize
        return try Store(path: dir.child("db"), options: options)
    }

    func exported(_ store: Store, _ scope: ExportScope) throws -> [Quad] {
        var quads: [Quad] = []
        try store.export(scope) { if let q = $0.decoded() { quads.append(q) } }
        return quads
    }

    @Test("loads quads once each and exports them unchanged")
    func roundTrip() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let report = try store.load { QuadArrayReader(Self.sample) }
        #expect(report.quadsRead == 10)
        #expect(report.quadsAdded == 9)
        let all = try exported(store, .allQuads)
        #expect(Set(all) == Set(Self.sample))
        #expect(all.count == 9)
    }

    @Test("keeps lexical forms exactly")
    func lexicalForms() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try store.load { QuadArrayReader(Self.sample) }
        let all = try exported(store, .defaultGraph)
        #expect(all.contains(Quad(Self.iri("a"), Self.iri("age"), .literal(Literal("01", datatype: Vocabulary.xsdInteger)))))
    }

    @Test("the union holds each triple once, whatever graphs hold it")
    func unionDeduplicates() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try store.load { QuadArrayReader(Self.sample) }
        let union = try exported(store, .union)
        #expect(union.count == 8)
        #expect(Set(union.map { Quad($0.subject, $0.predicate, $0.object) }).count == 8)
        #expect(union.allSatisfy { $0.graph == nil })
    }

    @Test("a second load merges into non-empty indexes and adds only new quads")
    func incrementalLoad() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try store.load { QuadArrayReader(Array(Self.sample.prefix(4))) }
        let report = try store.load { QuadArrayReader(Self.sample) }
        #expect(report.quadsAdded == 5)
        let stats = try store.statistics()
        #expect(stats.quads == 9)
        #expect(stats.defaultGraphTriples == 6)
        #expect(stats.graphs == 2)
        #expect(try exported(store, .allQuads).count == 9)
    }

    @Test("statistics count distinct terms per position over all graphs")
    func statistics() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try store.load { QuadArrayReader(Self.sample) }
        let stats = try store.statistics()
        #expect(stats.distinctSubjects == 4)   // a b c d
        #expect(stats.distinctPredicates == 3) // knows name age
        #expect(stats.distinctObjects == 7)    // b c a "Alice" "01" "Carol"@en "Dan"
        #expect(stats.terms == 13)
        let graphs = try store.graphs()
        #expect(graphs.map(\.quads) == [2, 1])
        let knows = try #require(try store.id(of: Self.iri("knows")))
        #expect(try store.read { try $0.predicateCount(knows) } == 5)
    }

    @Test("blank nodes from two loads stay apart")
    func blankNodesAreLocalToALoad() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let quads = [Quad(.blank("x"), Self.iri("p"), .string("1"))]
        try store.load { QuadArrayReader(quads) }
        try store.load { QuadArrayReader(quads) }
        #expect(try exported(store, .defaultGraph).count == 2)
    }

    @Test("a failed load changes nothing")
    func failedLoadRollsBack() throws {
        struct Broken: Error {}
        struct FailingReader: QuadReader {
            mutating func read(_ body: (EncodedQuad) throws -> Void) throws {
                var inner = QuadArrayReader(StoreLoadTests.sample)
                try inner.read(body)
                throw Broken()
            }
        }
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        #expect(throws: Broken.self) { try store.load { FailingReader() } }
        #expect(try store.statistics().quads == 0)
        #expect(try store.statistics().terms == 0)
    }

    @Test("the map grows by itself when a load fills it")
    func mapGrows() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir, mapSize: 64 * 1024)
        var quads: [Quad] = []
        for i in 0..<20_000 {
            quads.append(Quad(Self.iri("s\(i % 500)"), Self.iri("p\(i % 7)"), .string("value \(i) " + String(repeating: "x", count: i % 50))))
        }
        try store.load { QuadArrayReader(quads) }
        #expect(try store.statistics().quads == 20_000)
        #expect(store.environment.mapSize > 64 * 1024)
    }

    @Test("long literals and IRIs are stored whole")
    func longTerms() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let long = String(repeating: "ü", count: 300_000)
        let longIRI = Self.ex + String(repeating: "a", count: 5_000)
        let quads = [Quad(.iri(longIRI), Self.iri("p"), .string(long))]
        try store.load { QuadArrayReader(quads) }
        #expect(try exported(store, .defaultGraph) == quads)
        #expect(try store.id(of: .string(long)) != nil)
    }

    @Test("pattern scans use one range scan per pattern", arguments: [
        (QuadPattern(graph: .defaultGraph), 6),
        (QuadPattern(subject: 1, graph: .defaultGraph), -1),
    ])
    func patternScans(pattern: QuadPattern, expected: Int) throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try store.load { QuadArrayReader(Self.sample) }
        let count = try store.read { snapshot in
            var scan = try snapshot.scan(pattern)
            var n = 0
            while try scan.next() != nil { n += 1 }
            return n
        }
        if expected >= 0 { #expect(count == expected) }
    }

    @Test("every bound/unbound combination finds exactly the matching quads")
    func everyPatternShape() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        try store.load { QuadArrayReader(Self.sample) }
        let all = try store.read { snapshot -> [IDQuad] in
            var result: [IDQuad] = []
            for graph in [GraphScope.defaultGraph, .anyNamed] {
                var scan = try snapshot.scan(QuadPattern(graph: graph))
                while let q = try scan.next() { result.append(q) }
            }
            return result
        }
        #expect(all.count == 9)
        for q in all {
            for mask in 0..<16 {
                let s = mask & 1 != 0 ? q.subject : nil
                let p = mask & 2 != 0 ? q.predicate : nil
                let o = mask & 4 != 0 ? q.object : nil
                let scope: GraphScope = q.graph == 0 ? .defaultGraph : (mask & 8 != 0 ? .named(q.graph) : .anyNamed)
                let expected = all.filter { c in
                    (s == nil || c.subject == s) && (p == nil || c.predicate == p) && (o == nil || c.object == o)
                        && (scope == .defaultGraph ? c.graph == 0 : (scope == .anyNamed ? c.graph != 0 : c.graph == q.graph))
                }
                let found = try store.read { snapshot -> [IDQuad] in
                    var scan = try snapshot.scan(QuadPattern(subject: s, predicate: p, object: o, graph: scope))
                    var result: [IDQuad] = []
                    while let f = try scan.next() { result.append(f) }
                    return result
                }
                #expect(Set(found) == Set(expected), "pattern \(mask) on \(q)")
                #expect(found.count == expected.count)
            }
        }
    }
}
