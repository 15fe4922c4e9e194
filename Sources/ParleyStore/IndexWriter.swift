internal import ParleyLMDB

/// Writes a load's sorted keys into one index permutation: appends into an empty index
/// (`MDB_APPEND` with `MDB_MULTIPLE`, pages filled completely, a bounded chunk of values per
/// call), puts them in key order into a non-empty one.
struct IndexWriter {
    let store: Store

    /// Values handed to LMDB per `MDB_MULTIPLE` call.
    static let chunk = 4096

    /// What writing one index did.
    struct Outcome {
        /// Entries that were new to the index.
        var added = 0
        /// New entries per first id (the predicate of `pos` or `posg`), when asked.
        var addedByFirst: [TermID: Int64] = [:]
        /// New entries per last id (the graph of `spog`), when asked.
        var addedByLast: [TermID: Int64] = [:]
        /// New entries whose triple another graph already held (``Store/unionTripleCount(in:)``),
        /// when asked.
        var unionDuplicatesAdded: Int64 = 0
    }

    /// What to do besides writing an index's keys.
    struct Extras: OptionSet {
        let rawValue: Int
        /// Count new entries per first id (``Outcome/addedByFirst``).
        static let countByFirst = Extras(rawValue: 1)
        /// Count new entries per last id (``Outcome/addedByLast``).
        static let countByLast = Extras(rawValue: 2)
        /// Add each key's graph and subject to `gs` (for `spog`, whose keys run by subject).
        static let graphSubjects = Extras(rawValue: 4)
        /// Count new entries whose triple another graph holds (for `spo` and `spog`, which
        /// hold each triple once per graph; written default graph first).
        static let unionDuplicates = Extras(rawValue: 8)
    }

    /// Writes every key of `stream` into `index`.
    func write<Key: SortKey>(_ stream: inout KeyStream<Key>, into index: QuadIndex, countByFirst: Bool,
                             txn: borrowing WriteTransaction) throws -> Outcome {
        try write(&stream, into: index, extras: countByFirst ? .countByFirst : [], txn: txn)
    }

    /// Writes every key of `stream` into `index`, doing `extras` on the way.
    func write<Key: SortKey>(_ stream: inout KeyStream<Key>, into index: QuadIndex, extras: Extras,
                             txn: borrowing WriteTransaction) throws -> Outcome {
        let countByFirst = extras.contains(.countByFirst), countByLast = extras.contains(.countByLast)
        let graphSubjects = extras.contains(.graphSubjects)
        let database = store.databases[index]
        let empty = try txn.statistics(database).entries == 0
        // Union duplicates: a new default triple is one when a named graph holds it; a new
        // named quad when the default graph or another named graph does. Graphs found empty
        // are not asked; in an index written from empty, the triple's other new graphs are
        // the stream's neighbours (sorted by triple, graph last).
        let countsDuplicates = extras.contains(.unionDuplicates)
        let defaultTriples = countsDuplicates ? try txn.statistics(store.databases[.spo]).entries : 0
        let namedQuads = countsDuplicates ? try txn.statistics(store.databases[.spog]).entries : 0
        let askDefault = countsDuplicates && !index.isDefaultGraph && defaultTriples > 0
        let askNamed = countsDuplicates && (index.isDefaultGraph ? namedQuads > 0 : !empty)
        var whereabouts = askDefault || askNamed ? try TripleWhereabouts(store: store, in: txn) : nil
        var previous: (TermID, TermID, TermID)? = nil
        let size = index.valueSize
        var outcome = Outcome()
        var current: TermID = 0
        var currentAdded: Int64 = 0
        var values = [UInt8](repeating: 0, count: Self.chunk * size)
        var pending = 0
        var continuing = false
        var key = [UInt8](repeating: 0, count: 8)
        // The current subject's graphs (keys run by subject), and pairs waiting for `gs`.
        var subjectGraphs: Set<TermID> = []
        var pairs: [(graph: TermID, subject: TermID)] = []
        try txn.withCursor(database) { cursor in
            func flush() throws {
                guard pending > 0 else { return }
                try key.withUnsafeBytes { k in
                    try values.withUnsafeBytes { v in
                        _ = try cursor.putMultiple(key: k, values: UnsafeRawBufferPointer(rebasing: v[0..<(pending * size)]),
                                                   elementSize: size, flags: continuing ? [.appendDuplicate] : [.append, .appendDuplicate])
                    }
                }
                pending = 0
                continuing = true
            }
            func endSubject() throws {
                guard graphSubjects, !subjectGraphs.isEmpty else { return }
                for g in subjectGraphs { pairs.append((g, current)) }
                subjectGraphs.removeAll(keepingCapacity: true)
                if pairs.count >= Self.chunk * 16 {
                    try store.addGraphSubjects(pairs, in: txn)
                    pairs.removeAll(keepingCapacity: true)
                }
            }
            var first = true
            while let next = try stream.next() {
                let (a, b, c, d) = next.ids
                if first || a != current {
                    if empty { try flush() }
                    if countByFirst && !first && currentAdded > 0 { outcome.addedByFirst[current, default: 0] += currentAdded }
                    if !first { try endSubject() }
                    current = a
                    currentAdded = 0
                    continuing = false
                    first = false
                    key.withUnsafeMutableBytes { IDBytes.store(a, to: $0.baseAddress!, at: 0) }
                }
                if graphSubjects { subjectGraphs.insert(d) }
                let isNew: Bool
                if empty {
                    values.withUnsafeMutableBytes { index.storeValue(b, c, d, to: $0.baseAddress! + pending * size) }
                    pending += 1
                    if pending == Self.chunk { try flush() }
                    isNew = true
                } else {
                    values.withUnsafeMutableBytes { index.storeValue(b, c, d, to: $0.baseAddress!) }
                    isNew = try key.withUnsafeBytes { k in
                        try values.withUnsafeBytes { v in
                            try cursor.put(key: k, value: UnsafeRawBufferPointer(rebasing: v[0..<size]), flags: .noDuplicateData)
                        }
                    }
                }
                if isNew {
                    outcome.added += 1
                    currentAdded += 1
                    if countByLast { outcome.addedByLast[d, default: 0] += 1 }
                    if countsDuplicates {
                        let (s, p, o) = (a, b, c)
                        let graph = index.isDefaultGraph ? 0 : d
                        var elsewhere = false
                        if !index.isDefaultGraph, empty, let previous, previous == (s, p, o) { elsewhere = true }
                        if !elsewhere, askDefault, try whereabouts?.inDefaultGraph(s, p, o) == true { elsewhere = true }
                        if !elsewhere, askNamed, try whereabouts?.inNamedGraph(s, p, o, other: graph) == true { elsewhere = true }
                        if elsewhere { outcome.unionDuplicatesAdded += 1 }
                    }
                }
                if countsDuplicates { previous = (a, b, c) }
            }
            if empty { try flush() }
            if countByFirst && currentAdded > 0 { outcome.addedByFirst[current, default: 0] += currentAdded }
            if !first { try endSubject() }
        }
        try store.addGraphSubjects(pairs, in: txn)
        return outcome
    }

    /// Inserts `quads` into `indexes` (all of the default graph's or all of the named
    /// graphs' family, or any one index), sorting them in memory; returns how many were new
    /// to the first. For rebuilds and repairs, whose quads are in memory already; `gs` is
    /// theirs to fill (``Store/rebuildGraphSubjects(from:in:)``).
    func insert(_ quads: inout [IDQuad], into indexes: [QuadIndex], txn: borrowing WriteTransaction) throws -> Int {
        guard let primary = indexes.first, !quads.isEmpty else { return 0 }
        if primary.isDefaultGraph {
            return try insert(quads, into: indexes, as: TripleKey.self, txn: txn)
        }
        return try insert(quads, into: indexes, as: QuadKey.self, txn: txn)
    }

    private func insert<Key: SortKey>(_ quads: [IDQuad], into indexes: [QuadIndex], as: Key.Type,
                                      txn: borrowing WriteTransaction) throws -> Int {
        var sorter = QuadSorter<Key>(indexes: indexes, runLimit: Int.max, directory: store.path)
        for quad in quads {
            guard max(quad.subject, quad.predicate, quad.object, quad.graph) <= Key.maxID else {
                throw StoreError.corrupt("a quad holds the id \(max(quad.subject, quad.predicate, quad.object, quad.graph)), past any the store hands out")
            }
            try sorter.add(quad)
        }
        var added = 0
        try sorter.drain(bufferBytes: 0) { index, stream in
            let outcome = try write(&stream, into: index, countByFirst: false, txn: txn)
            if index == indexes[0] { added = outcome.added }
        }
        return added
    }
}
