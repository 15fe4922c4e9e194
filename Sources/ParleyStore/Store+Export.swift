internal import ParleyLMDB
import ParleyRDF

/// What an export reads.
public enum ExportScope: Hashable, Sendable {
    /// Every quad with its graph: the default graph, then each named graph.
    case allQuads
    /// The union of all graphs as one set of triples (graph dropped, duplicates merged).
    case union
    /// Only the default graph.
    case defaultGraph
    /// Only one named graph.
    case graph(TermID)
}

extension Store {
    /// Streams the quads of `scope` to `body` as encoded terms, in one read snapshot.
    /// Subject runs and predicates are decoded once each (cached), objects per quad.
    public func export(_ scope: ExportScope, _ body: (EncodedQuad) throws -> Void) throws {
        try readTransaction { txn in
            var decoder = QuadDecoder(dictionary: dictionary)
            switch scope {
            case .union:
                var scan = try UnionScan(store: self, in: txn)
                while let quad = try scan.next() { try decoder.decode(quad, in: txn, body) }
            case .allQuads, .defaultGraph, .graph:
                let patterns: [QuadPattern]
                switch scope {
                case .allQuads:
                    // Graph by graph, so a graph's quads stay together in the output.
                    patterns = [QuadPattern(graph: .defaultGraph)] + (try graphIDsFromIndex(in: txn)).map { QuadPattern(graph: .named($0)) }
                case .graph(let g): patterns = [QuadPattern(graph: .named(g))]
                default: patterns = [QuadPattern(graph: .defaultGraph)]
                }
                for pattern in patterns {
                    var scan = try QuadScan(pattern, store: self, in: txn)
                    while let quad = try scan.next() { try decoder.decode(quad, in: txn, body) }
                }
            }
        }
    }

    /// Looks a term up by value; `nil` when the store has never seen it.
    public func id(of term: Term) throws -> TermID? {
        try readTransaction { txn in try dictionary.id(of: term, in: txn) }
    }
}

/// Turns id quads into encoded quads, caching the last subject and graph and every predicate.
struct QuadDecoder {
    let dictionary: TermDictionary
    private var cache: [TermID: [UInt8]] = [:]
    private var lastSubject: (TermID, [UInt8]) = (0, [])
    private var lastGraph: (TermID, [UInt8]) = (0, [])
    private var object: [UInt8] = []

    init(dictionary: TermDictionary) { self.dictionary = dictionary }

    mutating func decode<T: Transaction & ~Copyable>(_ quad: IDQuad, in txn: borrowing T,
                                                      _ body: (EncodedQuad) throws -> Void) throws {
        if lastSubject.0 != quad.subject { lastSubject = (quad.subject, try bytes(quad.subject, in: txn)) }
        if quad.graph != 0 && lastGraph.0 != quad.graph { lastGraph = (quad.graph, try bytes(quad.graph, in: txn)) }
        let predicate: [UInt8]
        if let cached = cache[quad.predicate] {
            predicate = cached
        } else {
            predicate = try bytes(quad.predicate, in: txn)
            if cache.count < 100_000 { cache[quad.predicate] = predicate }
        }
        try dictionary.withTerm(quad.object, in: txn) { objectBytes in
            try lastSubject.1.withUnsafeBytes { s in
                try predicate.withUnsafeBytes { p in
                    try lastGraph.1.withUnsafeBytes { g in
                        try body(EncodedQuad(subject: s, predicate: p, object: objectBytes, graph: quad.graph == 0 ? nil : g))
                    }
                }
            }
        } ?? { throw StoreError.corrupt("term id \(quad.object) is missing from the dictionary") }()
    }

    private func bytes<T: Transaction & ~Copyable>(_ id: TermID, in txn: borrowing T) throws -> [UInt8] {
        guard let bytes = try dictionary.withTerm(id, in: txn, { Array($0) }) else {
            throw StoreError.corrupt("term id \(id) is missing from the dictionary")
        }
        return bytes
    }
}
