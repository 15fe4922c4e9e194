internal import ParleyLMDB

/// The `gs` index: for each named graph (the key), the subjects it has quads about (8-byte
/// sorted duplicate values). It stands in for the graph-first permutations: a pattern with
/// only its graph bound walks these subjects, one `spog` range scan each.
///
/// Kept exact by every write: a load or insert adds `(g, s)` with the first quad of `s` in
/// `g`; a delete removes it with the last (checked in `spog`: any value of `s` in `g` left).
enum GraphSubjects {
    /// The database's name.
    static let name = "gs"
}

/// A graph's subjects from `gs`, read a batch at a time (a fresh cursor per batch, positioned
/// after the last subject handed out), for a ``QuadScan`` that walks them.
struct GraphSubjectList {
    let graph: TermID
    let database: Database
    /// The transaction the owning scan reads; valid while that scan may be used.
    let transaction: TransactionReference
    private var batch: [TermID] = []
    private var position = 0
    private var exhausted = false

    /// Subjects read per batch.
    static let batchSize = 256

    init(graph: TermID, database: Database, transaction: TransactionReference) {
        self.graph = graph
        self.database = database
        self.transaction = transaction
    }

    /// The next subject in id order, or `nil` after the last.
    mutating func next() throws -> TermID? {
        if position == batch.count {
            guard !exhausted else { return nil }
            try refill()
            guard position < batch.count else { return nil }
        }
        defer { position += 1 }
        return batch[position]
    }

    private mutating func refill() throws {
        let after = batch.last
        var found: [TermID] = []
        found.reserveCapacity(Self.batchSize)
        try transaction.withCursor(database) { cursor in
            let key = IDBytes.array(graph)
            var entry = try key.withUnsafeBytes { k in
                try IDBytes.array((after ?? 0) &+ 1).withUnsafeBytes { v in try cursor.move(.keyAndValueRange, key: k, value: v) }
            }
            while let e = entry, found.count < Self.batchSize {
                guard e.value.count == 8 else {
                    throw StoreError.corrupt("index 'gs' holds values of \(e.value.count) bytes, not of 8")
                }
                found.append(IDBytes.load(e.value, at: 0))
                entry = try cursor.move(.nextDuplicate)
            }
        }
        exhausted = found.count < Self.batchSize
        batch = found
        position = 0
    }
}

extension Store {
    /// Whether `(·, p, ·, g)` is cheaper through `g`'s subjects than through `posg`: a seek per
    /// subject against a scan of every quad of `p` in all graphs, so only for a graph far
    /// smaller than the predicate (the graph's quad count bounds its subjects).
    func prefersGraphSubjects<T: Transaction & ~Copyable>(graph: TermID, predicate: TermID, in txn: borrowing T) throws -> Bool {
        let quadsOfPredicate = try predicateCount(predicate, in: txn)
        guard quadsOfPredicate > 4096 else { return false }
        return try size(ofGraph: graph, in: txn) * 32 < quadsOfPredicate
    }

    /// Adds `(graph, subject)` pairs to `gs`; pairs already there are kept.
    func addGraphSubjects(_ pairs: [(graph: TermID, subject: TermID)], in txn: borrowing WriteTransaction) throws {
        guard !pairs.isEmpty else { return }
        let sorted = pairs.sorted { $0.graph != $1.graph ? $0.graph < $1.graph : $0.subject < $1.subject }
        var key = [UInt8](repeating: 0, count: 8), value = [UInt8](repeating: 0, count: 8)
        try txn.withCursor(databases.graphSubjects) { cursor in
            for pair in sorted {
                key.withUnsafeMutableBytes { IDBytes.store(pair.graph, to: $0.baseAddress!, at: 0) }
                value.withUnsafeMutableBytes { IDBytes.store(pair.subject, to: $0.baseAddress!, at: 0) }
                _ = try key.withUnsafeBytes { k in
                    try value.withUnsafeBytes { v in try cursor.put(key: k, value: v, flags: .noDuplicateData) }
                }
            }
        }
    }

    /// Removes each `(graph, subject)` pair from `gs` whose subject has no quad left in that
    /// graph (after a delete).
    func removeUnusedGraphSubjects(_ pairs: Set<GraphSubjectPair>, in txn: borrowing WriteTransaction) throws {
        for pair in pairs where try !hasQuads(subject: pair.subject, graph: pair.graph, in: txn) {
            _ = try IDBytes.array(pair.graph).withUnsafeBytes { k in
                try IDBytes.array(pair.subject).withUnsafeBytes { v in try txn.delete(databases.graphSubjects, key: k, value: v) }
            }
        }
    }

    /// Whether `spog` holds a quad of `subject` in `graph`.
    private func hasQuads(subject: TermID, graph: TermID, in txn: borrowing WriteTransaction) throws -> Bool {
        var scan = try QuadScan(QuadPattern(subject: subject, graph: .named(graph)),
                                plan: ScanPlan(.spog, 1, filtersGraph: true), store: self, in: txn)
        return try scan.next() != nil
    }

    /// Every `(graph, subject)` pair of `gs`, in order; throws ``IndexEntryError`` at an entry
    /// that cannot be one.
    func readGraphSubjects<T: Transaction & ~Copyable>(in txn: borrowing T) throws -> [GraphSubjectPair] {
        try txn.withCursor(databases.graphSubjects) { cursor in
            var pairs: [GraphSubjectPair] = []
            var entry = try cursor.move(.first)
            while let e = entry {
                guard e.key.count == 8, e.value.count == 8 else {
                    throw IndexEntryError(message: "an entry has a \(e.key.count)-byte key and a \(e.value.count)-byte value")
                }
                pairs.append(GraphSubjectPair(graph: IDBytes.load(e.key, at: 0), subject: IDBytes.load(e.value, at: 0)))
                entry = try cursor.next()
            }
            return pairs
        }
    }

    /// The named graphs holding quads, in id order: the keys of `gs` (read from the index,
    /// not the statistics, for exports).
    func graphIDsFromIndex<T: Transaction & ~Copyable>(in txn: borrowing T) throws -> [TermID] {
        try distinctKeys(of: databases.graphSubjects, named: GraphSubjects.name, in: txn)
    }

    /// Empties `gs` and fills it from named-graph quads (repairs, rebuilds, the upgrade).
    func rebuildGraphSubjects(from quads: [IDQuad], in txn: borrowing WriteTransaction) throws {
        try txn.removeAll(databases.graphSubjects)
        try addGraphSubjects(Self.graphSubjectPairs(quads).map { ($0.graph, $0.subject) }, in: txn)
    }

    /// The distinct `(graph, subject)` pairs of named-graph quads, in order.
    static func graphSubjectPairs(_ quads: [IDQuad]) -> [GraphSubjectPair] {
        Set(quads.lazy.filter { $0.graph != 0 }.map { GraphSubjectPair(graph: $0.graph, subject: $0.subject) })
            .sorted(by: GraphSubjectPair.precedes)
    }
}

/// A named graph and one subject it has quads about: an entry of `gs`.
struct GraphSubjectPair: Hashable {
    var graph: TermID
    var subject: TermID

    /// `gs` order: graph, then subject.
    static func precedes(_ l: GraphSubjectPair, _ r: GraphSubjectPair) -> Bool {
        l.graph != r.graph ? l.graph < r.graph : l.subject < r.subject
    }
}
