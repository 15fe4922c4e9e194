internal import ParleyLMDB
import ParleyRDF

extension Store {
    /// Adds quads inside an open write transaction (SPARQL `INSERT`, `LOAD`, `ADD`…). With
    /// `freshBlankNodes` (for data from outside, like `INSERT DATA`) blank nodes get labels fresh
    /// to this call; without it (quads built from the store's own terms) labels are kept, so a
    /// blank node the store holds stays the same node. Returns how many quads were new.
    @discardableResult
    func insert(_ quads: [Quad], freshBlankNodes: Bool = true, in txn: borrowing WriteTransaction) throws -> Int {
        guard !quads.isEmpty else { return 0 }
        var reader = QuadArrayReader(quads)
        return try insert(from: &reader, freshBlankNodes: freshBlankNodes, in: txn)
    }

    /// Adds every quad a reader produces inside an open write transaction.
    @discardableResult
    func insert(from reader: inout some QuadReader, graph: Term? = nil, freshBlankNodes: Bool = true,
                       in txn: borrowing WriteTransaction) throws -> Int {
        var loader = try BulkLoader(store: self, txn: txn, options: LoadOptions(graph: graph))
        if freshBlankNodes { try loader.beginDocument(txn: txn) }
        try reader.read { quad in try loader.add(quad, txn: txn) }
        return try loader.finish(txn: txn).quadsAdded
    }

    /// Removes quads inside an open write transaction; quads the store does not hold are
    /// ignored. Terms stay in the dictionary. Returns how many quads were removed.
    @discardableResult
    func delete(_ quads: [Quad], in txn: borrowing WriteTransaction) throws -> Int {
        var ids: [IDQuad] = []
        for quad in quads {
            guard let s = try dictionary.id(of: quad.subject, in: txn),
                  let p = try dictionary.id(of: quad.predicate, in: txn),
                  let o = try dictionary.id(of: quad.object, in: txn) else { continue }
            var g: TermID = 0
            if let graph = quad.graph {
                guard let id = try dictionary.id(of: graph, in: txn) else { continue }
                g = id
            }
            ids.append(IDQuad(s, p, o, graph: g))
        }
        return try delete(ids: ids, in: txn)
    }

    /// Removes id quads inside an open write transaction. Returns how many were removed.
    @discardableResult
    func delete(ids quads: [IDQuad], in txn: borrowing WriteTransaction) throws -> Int {
        var removed = 0
        var predicates: [TermID: Int64] = [:]
        var graphs: [TermID: Int64] = [:]
        var defaultRemoved: Int64 = 0
        // Subjects that lost a quad in a named graph: `gs` forgets those left with none there.
        var touched: Set<GraphSubjectPair> = []
        // A removed quad whose triple another graph still holds was a union duplicate.
        try startKeepingUnionDuplicates(in: txn)
        var unionDuplicates: Int64 = 0
        var whereabouts = try TripleWhereabouts(store: self, in: txn)
        for quad in Set(quads) {
            let indexes = quad.graph == 0 ? QuadIndex.defaultGraphIndexes : QuadIndex.namedGraphIndexes
            guard try deleteEntry(quad, from: indexes[0], in: txn) else { continue }
            for index in indexes.dropFirst() { _ = try deleteEntry(quad, from: index, in: txn) }
            let (s, p, o) = (quad.subject, quad.predicate, quad.object)
            if try (quad.graph != 0 && whereabouts.inDefaultGraph(s, p, o)) || whereabouts.inNamedGraph(s, p, o, other: quad.graph) {
                unionDuplicates -= 1
            }
            removed += 1
            predicates[quad.predicate, default: 0] -= 1
            if quad.graph == 0 {
                defaultRemoved -= 1
            } else {
                graphs[quad.graph, default: 0] -= 1
                touched.insert(GraphSubjectPair(graph: quad.graph, subject: quad.subject))
            }
        }
        try removeUnusedGraphSubjects(touched, in: txn)
        for (p, n) in predicates { try addToStatistic(StatisticKey.predicate(p), n, in: txn) }
        for (g, n) in graphs { try addToStatistic(StatisticKey.graph(g), n, in: txn) }
        try addToStatistic(StatisticKey.defaultGraph, defaultRemoved, in: txn)
        try addToStatistic(StatisticKey.unionDuplicates, unionDuplicates, in: txn)
        return removed
    }

    private func deleteEntry(_ quad: IDQuad, from index: QuadIndex, in txn: borrowing WriteTransaction) throws -> Bool {
        let (a, b, c, d) = index.permute(quad)
        var key = [UInt8](repeating: 0, count: 8)
        let value = index.valueBytes(b, c, d)
        key.withUnsafeMutableBytes { IDBytes.store(a, to: $0.baseAddress!, at: 0) }
        return try key.withUnsafeBytes { k in
            try value.withUnsafeBytes { v in try txn.delete(databases[index], key: k, value: v) }
        }
    }

    /// The ids of the named graphs that hold at least one quad.
    func graphIDs<T: Transaction & ~Copyable>(in txn: borrowing T) throws -> [TermID] {
        try graphCounts(in: txn).map(\.0)
    }

    /// Quads in the default graph, or in one named graph, from the statistics.
    func size<T: Transaction & ~Copyable>(ofGraph graph: TermID, in txn: borrowing T) throws -> Int {
        Int(try statistic(graph == 0 ? StatisticKey.defaultGraph : StatisticKey.graph(graph), in: txn))
    }
}
