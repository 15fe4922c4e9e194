internal import ParleyLMDB

/// The size of the union of all graphs (Parley's default graph for queries), kept as a
/// statistic so `COUNT(*)` over it is read, not counted.
///
/// A triple in several graphs is one triple of the union, so the union's size is not the sum
/// of the graphs' sizes. The store keeps the difference, the *union duplicates*: over every
/// triple held anywhere, the number of graphs (the default graph among them) holding it, less
/// one. Then
///
///     triples in the union = default-graph triples + named-graph quads - union duplicates
///
/// and the two sums are index entry counts. Every write keeps it: adding a quad whose triple
/// another graph already holds adds one; removing a quad whose triple another graph still
/// holds takes one away. `parley check` recounts it.
///
/// Stores made before the statistic existed do not have it (no ``MetaKey/unionDuplicatesKept``
/// record): their first write counts it once, inside that write's transaction; until then
/// the union is counted by a scan.
extension Store {
    /// Whether the store keeps the statistic.
    func keepsUnionDuplicates<T: Transaction & ~Copyable>(in txn: borrowing T) throws -> Bool {
        try txn.value(databases.meta, key: MetaKey.unionDuplicatesKept) != nil
    }

    /// Starts keeping the statistic in a store that does not yet (one scan of the union), so
    /// the write that calls this can keep it up to date.
    func startKeepingUnionDuplicates(in txn: borrowing WriteTransaction) throws {
        guard try !keepsUnionDuplicates(in: txn) else { return }
        let duplicates = try countUnionDuplicates(in: txn)
        if duplicates > 0 {
            try txn.put(databases.stats, key: StatisticKey.unionDuplicates, value: IDBytes.array(duplicates))
        } else {
            _ = try StatisticKey.unionDuplicates.withUnsafeBytes { try txn.delete(databases.stats, key: $0) }
        }
        try markUnionDuplicatesKept(in: txn)
    }

    /// Records that the statistic is kept (a new store, or one whose statistics were rewritten
    /// with it).
    func markUnionDuplicatesKept(in txn: borrowing WriteTransaction) throws {
        try setMetaCounter(MetaKey.unionDuplicatesKept, 1, in: txn)
    }

    /// The union duplicates counted from the indexes: quads in all graphs less the distinct
    /// triples of their union (one merged scan).
    func countUnionDuplicates<T: Transaction & ~Copyable>(in txn: borrowing T) throws -> UInt64 {
        let quads = try txn.statistics(databases[.spo]).entries + txn.statistics(databases[.spog]).entries
        var scan = try UnionScan(store: self, in: txn)
        var triples = 0
        while try scan.next() != nil { triples += 1 }
        return UInt64(quads - triples)
    }

    /// The number of distinct triples in the union of all graphs, from the statistic and two
    /// index entry counts; `nil` when the store does not keep the statistic.
    func unionTripleCount<T: Transaction & ~Copyable>(in txn: borrowing T) throws -> Int? {
        guard try keepsUnionDuplicates(in: txn) else { return nil }
        let quads = try txn.statistics(databases[.spo]).entries + txn.statistics(databases[.spog]).entries
        let duplicates = Int(clamping: try statistic(StatisticKey.unionDuplicates, in: txn))
        guard duplicates <= quads else {
            throw StoreError.corrupt("the union duplicates statistic (\(duplicates)) exceeds the quads (\(quads))")
        }
        return quads - duplicates
    }
}

/// Where a triple is held, for keeping the union duplicates: one seek in `spo` for the default
/// graph, one in `spog` (and a few steps) for the named graphs, on cursors kept open across
/// questions. Only inside the write transaction it was made in.
struct TripleWhereabouts: ~Copyable {
    private var defaultCursor: Cursor
    private var namedCursor: Cursor

    init(store: Store, in txn: borrowing WriteTransaction) throws {
        let first = try txn.makeCursor(store.databases[.spo])
        let second = try txn.makeCursor(store.databases[.spog])
        defaultCursor = first
        namedCursor = second
    }

    /// Whether the default graph holds the triple.
    mutating func inDefaultGraph(_ s: TermID, _ p: TermID, _ o: TermID) throws -> Bool {
        var key = s.bigEndian
        return try withUnsafeBytes(of: &key) { k in
            try QuadIndex.spo.withValueBytes(p, o, 0) { try defaultCursor.move(.keyAndValue, key: k, value: $0) }
        } != nil
    }

    /// Whether a named graph other than `graph` (any, for 0) holds the triple.
    mutating func inNamedGraph(_ s: TermID, _ p: TermID, _ o: TermID, other graph: TermID) throws -> Bool {
        var key = s.bigEndian
        // The triple's graphs are side by side in spog: from the first at or after (p, o, 0).
        var entry = try withUnsafeBytes(of: &key) { k in
            try QuadIndex.spog.withValueBytes(p, o, 0) { try namedCursor.move(.keyAndValueRange, key: k, value: $0) }
        }
        while let value = entry?.value, value.count == QuadIndex.spog.valueSize {
            let (vp, vo, g) = QuadIndex.spog.loadValue(value)
            guard vp == p, vo == o else { return false }
            if g != graph { return true }
            entry = try namedCursor.move(.nextDuplicate)
        }
        return false
    }
}
