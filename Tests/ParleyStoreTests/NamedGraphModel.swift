import ParleyRDF

/// A store's worth of quads for differential tests of the named-graph layout, and the naive
/// in-memory answer to any quad pattern over them: overlapping named graphs, the same triple
/// in several graphs and in the default graph, a predicate with more than 4,096 quads (so the
/// planner's statistics matter) and a small graph that uses it.
struct NamedGraphModel {
    static let ex = "http://example.org/"
    static func iri(_ local: String) -> Term { .iri(ex + local) }
    static let bigPredicate = iri("pBig")
    static let smallGraph = iri("gSmall")
    static let bigGraph = iri("gBig")

    var quads: Set<Quad>

    /// The quads, deterministic for a seed.
    static func make(seed: UInt64 = 7) -> NamedGraphModel {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var quads = Set<Quad>()
        func object(_ i: Int) -> Term { i % 5 == 0 ? .string("v\(i)") : iri("o\(i)") }
        for i in 0..<1500 {
            let s = iri("s\(next(40))"), p = iri("p\(next(5))"), o = next(3) == 0 ? iri("s\(next(40))") : object(next(25))
            let g = next(5)
            quads.insert(Quad(s, p, o, graph: g == 0 ? nil : iri("g\(g)")))
            if i < 200 {
                // The same triple in the default graph and two named graphs.
                quads.insert(Quad(s, p, o))
                quads.insert(Quad(s, p, o, graph: iri("g1")))
                quads.insert(Quad(s, p, o, graph: iri("g2")))
            }
        }
        for i in 0..<4200 { quads.insert(Quad(iri("b\(i)"), bigPredicate, object(i % 25), graph: bigGraph)) }
        for i in 0..<10 { quads.insert(Quad(iri("s\(i)"), bigPredicate, object(i), graph: smallGraph)) }
        for i in 0..<5 { quads.insert(Quad(iri("s\(i)"), iri("p\(i)"), object(i + 3), graph: smallGraph)) }
        return NamedGraphModel(quads: quads)
    }

    /// Which graphs a model query reads.
    enum Scope: Hashable {
        case defaultGraph, named(Term), anyNamed, union
    }

    /// The naive answer: matching quads (graph dropped and each triple once for the union).
    func matching(subject: Term?, predicate: Term?, object: Term?, scope: Scope) -> Set<Quad> {
        var result = Set<Quad>()
        for q in quads {
            guard subject.map({ $0 == q.subject }) ?? true, predicate.map({ $0 == q.predicate }) ?? true,
                  object.map({ $0 == q.object }) ?? true else { continue }
            switch scope {
            case .defaultGraph: if q.graph == nil { result.insert(q) }
            case .named(let g): if q.graph == g { result.insert(q) }
            case .anyNamed: if q.graph != nil { result.insert(q) }
            case .union: result.insert(Quad(q.subject, q.predicate, q.object))
            }
        }
        return result
    }

    /// Quads to take bound positions from: a spread of the model and the whole small graph.
    var probes: [Quad] {
        let sorted = Self.sortedByText(quads)
        return stride(from: 0, to: sorted.count, by: 97).map { sorted[$0] } + sorted.filter { $0.graph == Self.smallGraph }
    }

    /// Quads in the order of their text, a stable order across runs. Each text is made once
    /// (made in the comparator, the texts took nearly all of these tests' time).
    static func sortedByText(_ quads: some Sequence<Quad>) -> [Quad] {
        quads.map { ("\($0)", $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
