internal import ParleyLMDB

/// Writes sorted id quads into the index permutations: appends into an empty index
/// (`MDB_APPEND` with `MDB_MULTIPLE`, pages filled completely), merges into a non-empty one.
struct IndexWriter {
    let store: Store

    /// A quad's ids in one index's order, sortable.
    struct Permuted: Comparable {
        var a: TermID, b: TermID, c: TermID, d: TermID
        @inline(__always)
        static func < (l: Permuted, r: Permuted) -> Bool {
            if l.a != r.a { return l.a < r.a }
            if l.b != r.b { return l.b < r.b }
            if l.c != r.c { return l.c < r.c }
            return l.d < r.d
        }
    }

    /// Inserts `quads` into `indexes` (the first is the primary, which decides what is new).
    /// On return `quads` holds only the quads that were new, without duplicates.
    /// Returns how many were new.
    func insert(_ quads: inout [IDQuad], into indexes: [QuadIndex], txn: borrowing WriteTransaction) throws -> Int {
        guard let primary = indexes.first, !quads.isEmpty else { return 0 }
        var sorted = Self.sorted(quads, by: primary, dedupe: true)
        let primaryDB = store.databases[primary]
        if try txn.statistics(primaryDB).entries == 0 {
            try append(sorted, index: primary, txn: txn)
        } else {
            sorted = try mergeKeepingNew(sorted, index: primary, txn: txn)
        }
        quads = sorted.map { primary.unpermute($0.a, $0.b, $0.c, $0.d) }
        for index in indexes.dropFirst() {
            let permuted = Self.sorted(quads, by: index, dedupe: false)
            if try txn.statistics(store.databases[index]).entries == 0 {
                try append(permuted, index: index, txn: txn)
            } else {
                try merge(permuted, index: index, txn: txn)
            }
        }
        return quads.count
    }

    /// The quads in `index` order. Packs the ids into one `UInt128` when they fit (always, in
    /// practice), which sorts several times faster than comparing four fields.
    static func sorted(_ quads: [IDQuad], by index: QuadIndex, dedupe: Bool) -> [Permuted] {
        let maxID = quads.reduce(TermID(0)) { max($0, $1.subject, $1.predicate, $1.object, $1.graph) }
        let width = index.isDefaultGraph ? 42 : 32
        var result: [Permuted]
        if maxID < (TermID(1) << width) {
            var keys = [UInt128]()
            keys.reserveCapacity(quads.count)
            let w = UInt128(width)
            for q in quads {
                let (a, b, c, d) = index.permute(q)
                var key = UInt128(a) << (w * (index.isDefaultGraph ? 2 : 3))
                key |= UInt128(b) << (w * (index.isDefaultGraph ? 1 : 2))
                key |= index.isDefaultGraph ? UInt128(c) : (UInt128(c) << w | UInt128(d))
                keys.append(key)
            }
            keys.sort()
            let mask = (UInt128(1) << w) - 1
            result = []
            result.reserveCapacity(keys.count)
            var previous: UInt128? = nil
            for key in keys {
                if dedupe && key == previous { continue }
                previous = key
                if index.isDefaultGraph {
                    result.append(Permuted(a: TermID(key >> (w * 2)), b: TermID((key >> w) & mask), c: TermID(key & mask), d: 0))
                } else {
                    result.append(Permuted(a: TermID(key >> (w * 3)), b: TermID((key >> (w * 2)) & mask),
                                           c: TermID((key >> w) & mask), d: TermID(key & mask)))
                }
            }
        } else {
            result = quads.map { let p = index.permute($0); return Permuted(a: p.0, b: p.1, c: p.2, d: p.3) }
            result.sort()
            if dedupe {
                var unique: [Permuted] = []
                unique.reserveCapacity(result.count)
                for p in result where unique.last != p { unique.append(p) }
                result = unique
            }
        }
        return result
    }

    /// Appends sorted, unique entries to an empty index, one key's values at a time.
    private func append(_ entries: [Permuted], index: QuadIndex, txn: borrowing WriteTransaction) throws {
        let size = index.valueSize
        var values = [UInt8](repeating: 0, count: 4096 * size)
        try txn.withCursor(store.databases[index]) { cursor in
            var i = 0
            while i < entries.count {
                let key = entries[i].a
                var j = i
                while j < entries.count && entries[j].a == key { j += 1 }
                let count = j - i
                if values.count < count * size { values = [UInt8](repeating: 0, count: count * size) }
                values.withUnsafeMutableBytes { raw in
                    let base = raw.baseAddress!
                    for k in 0..<count {
                        let e = entries[i + k]
                        IDBytes.store(e.b, to: base, at: k * size)
                        IDBytes.store(e.c, to: base, at: k * size + 8)
                        if size == 24 { IDBytes.store(e.d, to: base, at: k * size + 16) }
                    }
                }
                var keyBytes = key.bigEndian
                try withUnsafeBytes(of: &keyBytes) { k in
                    try values.withUnsafeBytes { v in
                        _ = try cursor.putMultiple(key: k, values: UnsafeRawBufferPointer(rebasing: v[0..<(count * size)]),
                                                   elementSize: size, flags: [.append, .appendDuplicate])
                    }
                }
                i = j
            }
        }
    }

    /// Puts each entry into a non-empty index; returns the ones that were not there before.
    private func mergeKeepingNew(_ entries: [Permuted], index: QuadIndex, txn: borrowing WriteTransaction) throws -> [Permuted] {
        var fresh: [Permuted] = []
        fresh.reserveCapacity(entries.count)
        try put(entries, index: index, txn: txn) { entry, added in if added { fresh.append(entry) } }
        return fresh
    }

    private func merge(_ entries: [Permuted], index: QuadIndex, txn: borrowing WriteTransaction) throws {
        try put(entries, index: index, txn: txn) { _, _ in }
    }

    private func put(_ entries: [Permuted], index: QuadIndex, txn: borrowing WriteTransaction,
                     _ added: (Permuted, Bool) -> Void) throws {
        let size = index.valueSize
        var key = [UInt8](repeating: 0, count: 8)
        var value = [UInt8](repeating: 0, count: size)
        try txn.withCursor(store.databases[index]) { cursor in
            for e in entries {
                key.withUnsafeMutableBytes { IDBytes.store(e.a, to: $0.baseAddress!, at: 0) }
                value.withUnsafeMutableBytes { raw in
                    IDBytes.store(e.b, to: raw.baseAddress!, at: 0)
                    IDBytes.store(e.c, to: raw.baseAddress!, at: 8)
                    if size == 24 { IDBytes.store(e.d, to: raw.baseAddress!, at: 16) }
                }
                let isNew = try key.withUnsafeBytes { k in
                    try value.withUnsafeBytes { v in try cursor.put(key: k, value: v, flags: .noDuplicateData) }
                }
                added(e, isNew)
            }
        }
    }

    /// Adds the new quads to the per-predicate and per-graph counts.
    func updateStatistics(added defaultGraph: [IDQuad], named: [IDQuad], txn: borrowing WriteTransaction) throws {
        var predicates: [TermID: Int64] = [:]
        var graphs: [TermID: Int64] = [:]
        for q in defaultGraph { predicates[q.predicate, default: 0] += 1 }
        for q in named {
            predicates[q.predicate, default: 0] += 1
            graphs[q.graph, default: 0] += 1
        }
        for (p, n) in predicates { try store.addToStatistic(StatisticKey.predicate(p), n, in: txn) }
        for (g, n) in graphs { try store.addToStatistic(StatisticKey.graph(g), n, in: txn) }
        try store.addToStatistic(StatisticKey.defaultGraph, Int64(defaultGraph.count), in: txn)
    }
}
