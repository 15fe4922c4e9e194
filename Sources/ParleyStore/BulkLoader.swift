internal import ParleyLMDB
import ParleyRDF

/// One load in progress inside a write transaction, in memory bounded by its ``LoadBudget``:
/// terms are interned in batches (a batch full of new terms is written to the dictionary and
/// forgotten; later batches find those terms in the store), quads are gathered into sorted
/// runs by two ``QuadSorter``s (default graph, named graphs), and ``finish(txn:)`` writes each
/// index from its runs (and `gs` beside `spog`).
struct BulkLoader {
    let store: Store
    let options: LoadOptions
    let budget: LoadBudget
    var interner = TermInterner()
    var defaultGraph: QuadSorter<TripleKey>
    var named: QuadSorter<QuadKey>
    var nextID: TermID
    /// Whether the dictionary holds terms a lookup could find (stored before, or batched).
    var dictionaryHasTerms: Bool
    var blankPrefix: [UInt8] = []
    var serial: UInt64
    var scratch: [UInt8] = []
    var graphID: TermID = 0
    var report = LoadReport()

    init(store: Store, txn: borrowing WriteTransaction, options: LoadOptions) throws {
        self.store = store
        self.options = options
        budget = LoadBudget(options)
        defaultGraph = QuadSorter(indexes: QuadIndex.defaultGraphIndexes, runLimit: Int.max, directory: store.path)
        named = QuadSorter(indexes: QuadIndex.namedGraphIndexes, runLimit: Int.max, directory: store.path)
        nextID = try store.metaCounter(MetaKey.nextID, in: txn, default: 1)
        dictionaryHasTerms = nextID > 1
        serial = try store.metaCounter(MetaKey.loadSerial, in: txn, default: 0)
        if let graph = options.graph {
            let bytes = TermEncoding.encode(graph)
            graphID = try bytes.withUnsafeBytes { try intern($0, txn: txn) }
        }
    }

    /// Starts a new document: its blank node labels are its own.
    mutating func beginDocument(txn: borrowing WriteTransaction) throws {
        serial += 1
        try store.setMetaCounter(MetaKey.loadSerial, serial, in: txn)
        blankPrefix = Array("b\(String(serial, radix: 36))_".utf8)
    }

    @inline(__always)
    mutating func intern(_ bytes: UnsafeRawBufferPointer, txn: borrowing WriteTransaction) throws -> TermID {
        if bytes.first == TermEncoding.blank && !blankPrefix.isEmpty {
            // A blank node label is local to its document: give it a store-unique label.
            scratch.removeAll(keepingCapacity: true)
            scratch.append(TermEncoding.blank)
            scratch.append(contentsOf: blankPrefix)
            scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[1...]))
            let copy = scratch
            return try copy.withUnsafeBytes { try internExact($0, txn: txn) }
        }
        return try internExact(bytes, txn: txn)
    }

    @inline(__always)
    private mutating func internExact(_ bytes: UnsafeRawBufferPointer, txn: borrowing WriteTransaction) throws -> TermID {
        let dictionary = store.dictionary
        let hasTerms = dictionaryHasTerms
        var next = nextID
        defer { nextID = next }
        return try interner.intern(bytes) { bytes, hash in
            if hasTerms, let existing = try dictionary.id(of: bytes, hash: hash, in: txn) {
                return (existing, false)
            }
            let id = next
            next += 1
            return (id, true)
        }
    }

    mutating func add(_ quad: EncodedQuad, txn: borrowing WriteTransaction) throws {
        let s = try intern(quad.subject, txn: txn)
        let p = try intern(quad.predicate, txn: txn)
        let o = try intern(quad.object, txn: txn)
        let g = try quad.graph.map { try intern($0, txn: txn) } ?? graphID
        if g == 0 { try defaultGraph.add(IDQuad(s, p, o)) } else { try named.add(IDQuad(s, p, o, graph: g)) }
        report.quadsRead += 1
        if report.quadsRead & budget.checkMask == 0 { try checkBudget(txn: txn) }
    }

    /// Writes the term batch or spills a run when either has outgrown its share.
    private mutating func checkBudget(txn: borrowing WriteTransaction) throws {
        if report.quadsRead & 0xFFFF == 0 { options.progress?(report.quadsRead) }
        if interner.byteSize > budget.termBytes { try writeTermBatch(txn: txn) }
        let defaultBytes = defaultGraph.count * QuadSorter<TripleKey>.bytesPerQuad
        let namedBytes = named.count * QuadSorter<QuadKey>.bytesPerQuad
        if defaultBytes + namedBytes > budget.runBytes {
            if defaultBytes >= namedBytes { try defaultGraph.spill() } else { try named.spill() }
        }
    }

    mutating func finish(txn: borrowing WriteTransaction) throws -> LoadReport {
        try writeTermBatch(txn: txn)
        interner = TermInterner(capacity: 16)
        guard nextID - 1 <= TripleKey.maxID else { throw StoreError.corrupt("the id counter passed 2^42") }
        try store.setMetaCounter(MetaKey.nextID, nextID, in: txn)
        report.sortedRuns = defaultGraph.spilledRuns + named.spilledRuns
        if report.sortedRuns > 0 {
            // Every index is written from its runs: spill the last ones too.
            try defaultGraph.spill()
            try named.spill()
            report.sortedRuns = defaultGraph.spilledRuns + named.spilledRuns
        }

        let writer = IndexWriter(store: store)
        var predicates: [TermID: Int64] = [:]
        var graphs: [TermID: Int64] = [:]
        var defaultAdded = 0
        // Counted against the store as it was before this load (an older store's first write
        // counts it first); the default graph is written first, then the named graphs.
        try store.startKeepingUnionDuplicates(in: txn)
        var unionDuplicates: Int64 = 0
        try defaultGraph.drain(bufferBytes: budget.mergeBytes) { index, stream in
            let extras: IndexWriter.Extras = switch index {
            case .spo: .unionDuplicates
            case .pos: .countByFirst
            default: []
            }
            let outcome = try writer.write(&stream, into: index, extras: extras, txn: txn)
            if index == .spo {
                defaultAdded = outcome.added
                unionDuplicates += outcome.unionDuplicatesAdded
            }
            predicates.merge(outcome.addedByFirst, uniquingKeysWith: +)
        }
        var namedAdded = 0
        try named.drain(bufferBytes: budget.mergeBytes) { index, stream in
            let extras: IndexWriter.Extras = switch index {
            case .spog: [.countByLast, .graphSubjects, .unionDuplicates]
            case .posg: .countByFirst
            default: []
            }
            let outcome = try writer.write(&stream, into: index, extras: extras, txn: txn)
            if index == .spog {
                namedAdded = outcome.added
                graphs = outcome.addedByLast
                unionDuplicates += outcome.unionDuplicatesAdded
            }
            if index == .posg { predicates.merge(outcome.addedByFirst, uniquingKeysWith: +) }
        }
        for (p, n) in predicates { try store.addToStatistic(StatisticKey.predicate(p), n, in: txn) }
        for (g, n) in graphs { try store.addToStatistic(StatisticKey.graph(g), n, in: txn) }
        try store.addToStatistic(StatisticKey.defaultGraph, Int64(defaultAdded), in: txn)
        try store.addToStatistic(StatisticKey.unionDuplicates, unionDuplicates, in: txn)
        report.quadsAdded = defaultAdded + namedAdded
        return report
    }

    /// Writes the terms new in this batch to the dictionary (`id2term` appended, as new ids
    /// come in order; `term2id` in hash order) and empties the interner: later batches find
    /// these terms in the store.
    private mutating func writeTermBatch(txn: borrowing WriteTransaction) throws {
        let dictionary = store.dictionary
        var hashed: [(hash: UInt64, id: TermID)] = []
        hashed.reserveCapacity(interner.newCount)
        try interner.forEachNew { bytes, hash, id in
            var key = id
            try withUnsafeBytes(of: &key) { k in
                _ = try txn.put(dictionary.id2term, key: k, value: bytes, flags: .append)
            }
            hashed.append((hash, id))
        }
        interner.removeAll()
        guard !hashed.isEmpty else { return }
        report.termsAdded += hashed.count
        report.termBatches += 1
        hashed.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.id < $1.id }
        let emptyIndex = try txn.statistics(dictionary.term2id).entries == 0
        try txn.withCursor(dictionary.term2id) { cursor in
            var key: UInt64 = 0
            var value: UInt64 = 0
            for entry in hashed {
                key = entry.hash.bigEndian
                value = entry.id.bigEndian
                try withUnsafeBytes(of: &key) { k in
                    try withUnsafeBytes(of: &value) { v in
                        _ = try cursor.put(key: k, value: v, flags: emptyIndex ? [.append, .appendDuplicate] : [])
                    }
                }
            }
        }
        dictionaryHasTerms = true
    }
}
