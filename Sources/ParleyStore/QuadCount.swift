internal import ParleyLMDB

/// The exact number of quads matching a ``QuadPattern``, and how the store found it: what
/// ``StoreSnapshot/count(_:)`` returns. Counting never builds a quad where an index already
/// knows the answer.
public struct QuadCount: Hashable, Sendable {
    /// How a count was read, cheapest first.
    public enum Method: Hashable, Sendable {
        /// The index's own entry count (nothing bound): no data read.
        case indexEntries(QuadIndex)
        /// The number of values of one key (`mdb_cursor_count`: only the key bound).
        case keyValues(QuadIndex)
        /// One exact lookup of a fully bound quad (`MDB_GET_BOTH`).
        case lookup(QuadIndex)
        /// The values of one key's bound prefix, counted without building quads.
        case rangeScan(QuadIndex)
    }

    /// Matching quads (in every graph the pattern's scope reaches; a triple in two named
    /// graphs of `.anyNamed` counts twice).
    public var count: Int
    public var method: Method

    /// `index spo, entries` and the like, for EXPLAIN.
    public var methodDescription: String {
        switch method {
        case .indexEntries(let index): "index \(index.rawValue), entry count"
        case .keyValues(let index): "index \(index.rawValue), values of one key"
        case .lookup(let index): "index \(index.rawValue), one lookup"
        case .rangeScan(let index): "index \(index.rawValue), range of one key"
        }
    }
}

extension Store {
    /// The exact number of quads matching `pattern`: from LMDB's entry count when nothing is
    /// bound, from the key's duplicate count when only the index key is bound, by one lookup
    /// when every position is bound, and otherwise by counting the bound prefix's range.
    func count<T: Transaction & ~Copyable>(_ pattern: QuadPattern, in txn: borrowing T,
                                           snapshot: StoreSnapshot?) throws -> QuadCount {
        let plan = pattern.plan
        let (index, bound) = (plan.index, plan.boundPrefix)
        let database = databases[index]
        let positions = index.order.count
        if plan.filtersGraph || plan.viaGraphSubjects {
            // A bound graph is checked value by value (named indexes keep the graph last):
            // count what the scan finds.
            var scan = try QuadScan(pattern, store: self, in: txn, snapshot: snapshot)
            var n = 0
            while try scan.next() != nil { n += 1 }
            return QuadCount(count: n, method: .rangeScan(index))
        }
        if bound == 0 {
            return QuadCount(count: try txn.statistics(database).entries, method: .indexEntries(index))
        }
        let ids = prefix(of: pattern, in: index, bound: bound)
        if bound == 1 {
            let n = try txn.withCursor(database) { cursor -> Int in
                var key = ids[0].bigEndian
                let found = try withUnsafeBytes(of: &key) { try cursor.move(.setKey, key: $0) }
                return found == nil ? 0 : try cursor.duplicateCount()
            }
            return QuadCount(count: n, method: .keyValues(index))
        }
        if bound == positions {
            let after = Array(ids.dropFirst()) + [0]
            let value = index.valueBytes(after[0], after[1], after[2])
            let found = try txn.withCursor(database) { cursor -> Bool in
                var key = ids[0].bigEndian
                return try withUnsafeBytes(of: &key) { k in
                    try value.withUnsafeBytes { try cursor.move(.keyAndValue, key: k, value: $0) }
                } != nil
            }
            return QuadCount(count: found ? 1 : 0, method: .lookup(index))
        }
        var scan = try QuadScan(pattern, store: self, in: txn, snapshot: snapshot)
        var n = 0
        while try scan.next() != nil { n += 1 }
        return QuadCount(count: n, method: .rangeScan(index))
    }

    /// The bound ids of `pattern` in `index`'s key order (the first `bound` of them).
    func prefix(of pattern: QuadPattern, in index: QuadIndex, bound: Int) -> [TermID] {
        index.order.prefix(bound).map { component in
            switch component {
            case .subject: pattern.subject ?? 0
            case .predicate: pattern.predicate ?? 0
            case .object: pattern.object ?? 0
            case .graph: if case .named(let g) = pattern.graph { g } else { 0 }
            }
        }
    }
}
