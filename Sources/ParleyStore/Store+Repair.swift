internal import ParleyLMDB
import ParleyRDF

/// What `parley check --repair` did.
public struct RepairOutcome: Sendable {
    /// The parts rebuilt, as the summary names them.
    public var rebuilt: [String] = []
    /// What could not be saved, in a user's terms.
    public var lost: [String] = []
}

extension Store {
    /// Checks the store at `path` and, when it is damaged, rebuilds in one write transaction
    /// what the healthy parts allow: damaged or differing index permutations from the quads
    /// most permutations agree on, the term-to-id direction of the dictionary from the
    /// id-to-term one, the graph-to-subjects index, the id counter, and the statistics from the quads. A quad whose terms are
    /// gone from the dictionary cannot be saved and is dropped from every index. Damage to the
    /// header pages, the page tree, the format record or the id-to-term direction cannot be
    /// rebuilt. Returns the health before and after.
    public static func repair(path: String, options: Options = Options()) throws
        -> (before: StoreHealth, outcome: RepairOutcome, after: StoreHealth) {
        let check = try examine(path: path, options: options)
        var outcome = RepairOutcome()
        guard !check.health.isHealthy else { return (check.health, outcome, check.health) }
        outcome.lost = check.health.damaged.filter { !$0.repairable }.map { "\($0.name): \($0.problem ?? "")" }
        guard check.health.formatVersion != nil else { return (check.health, outcome, check.health) }
        var quads = check.truth
        if check.unknownTerms, let known = check.knownTerms {
            let before = quads.count
            quads.removeAll { q in [q.subject, q.predicate, q.object, q.graph].contains { $0 != 0 && !known.contains($0) } }
            outcome.lost.append("\(grouped(before - quads.count)) quads whose terms are gone from the dictionary")
        }
        let indexes = check.unknownTerms ? Set(QuadIndex.allCases) : check.damagedIndexes
        let rebuildable = indexes.filter { index in
            check.health.parts.first { $0.name == "index \(index.rawValue)" }?.repairable ?? true
        }
        // LMDB frees a tree's pages by walking them, which damaged pages do not allow: such a
        // store is rebuilt into a new file instead.
        let unwalkable = check.damagedPages.subtracting(["id2term", "meta", "prefixes"])
        if !unwalkable.isEmpty {
            guard !check.damagedPages.contains("id2term"), !check.damagedPages.contains("meta"),
                  !check.damagedPages.contains("prefixes") else {
                return (check.health, outcome, check.health)
            }
            try rebuildIntoNewFile(path: path, quads: quads, options: options)
            outcome.rebuilt = ["every index, the dictionary's term2id and the statistics, into a new data file"]
            return (check.health, outcome, try Store.check(path: path, options: options))
        }
        var writable = options
        writable.readOnly = false
        let store = try Store(path: path, options: writable)
        let rebuilt = try store.writeTransaction { txn -> [String] in
            var done: [String] = []
            for index in QuadIndex.allCases where rebuildable.contains(index) {
                try txn.removeAll(store.databases[index])
                var members = quads.filter { ($0.graph == 0) == index.isDefaultGraph }
                _ = try IndexWriter(store: store).insert(&members, into: [index], txn: txn)
                done.append("index \(index.rawValue)")
            }
            if check.damagedGraphSubjects || check.unknownTerms {
                try store.rebuildGraphSubjects(from: quads, in: txn)
                done.append("index \(GraphSubjects.name)")
            }
            if check.term2idDamaged && !check.damagedPages.contains("id2term") {
                try store.rebuildTermToID(in: txn)
                done.append("dictionary (term2id)")
            }
            if check.counterBehind, let largest = check.knownTerms?.max() {
                try store.setMetaCounter(MetaKey.nextID, largest + 1, in: txn)
                done.append("id counter")
            }
            if check.damagedStatistics || check.damagedPages.contains("stats") || !rebuildable.isEmpty {
                try txn.removeAll(store.databases.stats)
                for (key, count) in StatisticCounts(quads, unionDuplicates: true).records {
                    try txn.put(store.databases.stats, key: key, value: IDBytes.array(count))
                }
                try store.markUnionDuplicatesKept(in: txn)
                done.append("statistics")
            }
            return done
        }
        outcome.rebuilt = rebuilt
        let after = try Store.check(path: path, options: options)
        return (check.health, outcome, after)
    }

    /// Refills `term2id` (hash of the encoding → id) from `id2term`.
    private func rebuildTermToID(in txn: borrowing WriteTransaction) throws {
        try txn.removeAll(databases.term2id)
        try txn.withCursor(databases.id2term) { cursor in
            var entry = try cursor.move(.first)
            while let e = entry {
                guard e.key.count == 8 else { break }
                let id = e.key.loadUnaligned(as: UInt64.self)
                try txn.put(databases.term2id, key: IDBytes.array(TermHash.hash(e.value)), value: IDBytes.array(id))
                entry = try cursor.next()
            }
        }
    }
}
