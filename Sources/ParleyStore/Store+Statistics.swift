#if canImport(Glibc)
import Glibc
#endif
internal import ParleyLMDB
import ParleyRDF

/// Figures about a store, for `parley stats` and the planner.
public struct StoreStatistics: Sendable {
    /// Quads in all graphs (a triple in two graphs counts twice).
    public var quads: Int
    /// Triples in the default graph.
    public var defaultGraphTriples: Int
    /// Quads in named graphs.
    public var namedGraphQuads: Int
    /// Named graphs holding at least one triple.
    public var graphs: Int
    /// Distinct subjects, predicates and objects over all graphs.
    public var distinctSubjects: Int
    public var distinctPredicates: Int
    public var distinctObjects: Int
    /// Terms in the dictionary.
    public var terms: Int
    /// Size of the data file.
    public var bytesOnDisk: Int
    /// Bytes on disk per stored quad (dictionary included).
    public var bytesPerQuad: Double { quads == 0 ? 0 : Double(bytesOnDisk) / Double(quads) }
}

/// A named graph and its size.
public struct GraphSummary: Sendable {
    public var id: TermID
    public var name: Term
    public var quads: Int
}

extension Store {
    /// Counts for `parley stats`. Distinct counts walk the index keys (one step per distinct
    /// term), so they cost milliseconds per million keys.
    public func statistics() throws -> StoreStatistics {
        try readTransaction { txn in
            let defaultTriples = Int(try statistic(StatisticKey.defaultGraph, in: txn))
            let graphs = try graphCounts(in: txn)
            let named = graphs.reduce(0) { $0 + $1.1 }
            return StoreStatistics(
                quads: defaultTriples + named,
                defaultGraphTriples: defaultTriples,
                namedGraphQuads: named,
                graphs: graphs.count,
                distinctSubjects: try distinctKeys(.spo, .spog, in: txn),
                distinctPredicates: try distinctKeys(.pos, .posg, in: txn),
                distinctObjects: try distinctKeys(.osp, .ospg, in: txn),
                terms: try txn.statistics(databases.id2term).entries,
                bytesOnDisk: fileSize(path + "/data.mdb"))
        }
    }

    /// Quads per predicate over all graphs, as kept current by every write (the planner's
    /// main statistic).
    func predicateCount<T: Transaction & ~Copyable>(_ predicate: TermID, in txn: borrowing T) throws -> Int {
        Int(try statistic(StatisticKey.predicate(predicate), in: txn))
    }

    /// The named graphs with their sizes, by name.
    public func graphs() throws -> [GraphSummary] {
        try readTransaction { txn in
            // Each name's text is made once, not twice per comparison.
            var result: [(text: String, summary: GraphSummary)] = []
            for (id, count) in try graphCounts(in: txn) {
                guard let name = try dictionary.term(id, in: txn) else {
                    throw StoreError.corrupt("graph id \(id) has no term")
                }
                result.append(("\(name)", GraphSummary(id: id, name: name, quads: count)))
            }
            return result.sorted { $0.text < $1.text }.map(\.summary)
        }
    }

    func graphCounts<T: Transaction & ~Copyable>(in txn: borrowing T) throws -> [(TermID, Int)] {
        try txn.withCursor(databases.stats) { cursor in
            var result: [(TermID, Int)] = []
            var entry = try [UInt8]([0x02]).withUnsafeBytes { try cursor.move(.setRange, key: $0) }
            while let e = entry, e.key.count == 9, e.key[0] == 0x02 {
                guard e.value.count == 8 else { throw StoreError.corrupt("a graph count in the statistics has \(e.value.count) bytes") }
                result.append((IDBytes.load(UnsafeRawBufferPointer(rebasing: e.key[1...]), at: 0),
                               Int(IDBytes.load(e.value, at: 0))))
                entry = try cursor.next()
            }
            return result
        }
    }

    /// Distinct first ids over two indexes with the same leading component.
    private func distinctKeys<T: Transaction & ~Copyable>(_ a: QuadIndex, _ b: QuadIndex, in txn: borrowing T) throws -> Int {
        let first = try keys(of: a, in: txn)
        let second = try keys(of: b, in: txn)
        var i = 0, j = 0, count = 0
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i] < second[j]) { i += 1 }
            else if i == first.count || second[j] < first[i] { j += 1 }
            else { i += 1; j += 1 }
            count += 1
        }
        return count
    }

    private func keys<T: Transaction & ~Copyable>(of index: QuadIndex, in txn: borrowing T) throws -> [TermID] {
        try distinctKeys(of: databases[index], named: index.rawValue, in: txn)
    }

    /// The distinct 8-byte keys of a `DUPSORT` database, in order (an index's first ids, or
    /// `gs`'s graphs); a key of another size is reported as damage.
    func distinctKeys<T: Transaction & ~Copyable>(of database: Database, named name: String,
                                                  in txn: borrowing T) throws -> [TermID] {
        try txn.withCursor(database) { cursor in
            var result: [TermID] = []
            var entry = try cursor.move(.first)
            while let e = entry {
                guard e.key.count == 8 else { throw StoreError.corrupt("index '\(name)' holds a \(e.key.count)-byte key") }
                result.append(IDBytes.load(e.key, at: 0))
                entry = try cursor.move(.nextKey)
            }
            return result
        }
    }

    private func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
