internal import ParleyLMDB

/// Upgrades a store of format version 1 to the current one in one write transaction, all or
/// nothing: version 1 held named graphs in six permutations, `spog`, `posg`, `ospg` (kept as
/// they are: the same layout) and `gspo`, `gpos`, `gosp`. The graph-first ones give way to
/// `gs` (``GraphSubjects``), filled from `gspo`'s distinct graph and subject pairs, then they
/// are deleted and the new version written.
///
/// Runs when a version 1 store is opened for writing; a read-only open refuses it with
/// ``StoreError/formatVersion(path:found:expected:)``, whose message says how to upgrade.
enum FormatUpgrade {
    /// The version this upgrade reads.
    static let previousVersion: UInt32 = 1
    /// The graph-first permutations of version 1.
    static let retiredIndexes = ["gspo", "gpos", "gosp"]

    static func run(_ env: Environment, meta: Database) throws {
        try env.write { txn in
            let dupFixed: Database.Flags = [.duplicateSort, .duplicateFixed]
            let graphSubjects = try txn.openDatabase(GraphSubjects.name, flags: dupFixed.union(.create))
            var retired: [Database] = []
            for name in retiredIndexes {
                do {
                    retired.append(try txn.openDatabase(name, flags: dupFixed))
                } catch let error as LMDBError where error.code == .notFound {
                    continue
                }
            }
            if let gspo = retired.first, gspo.name == "gspo" {
                try copyGraphSubjects(from: gspo, to: graphSubjects, in: txn)
            }
            for database in retired { try txn.deleteDatabase(database) }
            var version = Store.formatVersion.bigEndian
            try txn.put(meta, key: MetaKey.formatVersion, value: withUnsafeBytes(of: &version) { Array($0) })
        }
    }

    /// Puts each distinct `(graph, subject)` of `gspo` (key graph, values subject, predicate,
    /// object in order) into `gs`.
    private static func copyGraphSubjects(from gspo: Database, to graphSubjects: Database,
                                          in txn: borrowing WriteTransaction) throws {
        try txn.withCursor(gspo) { source in
            var entry = try source.move(.first)
            var last: (TermID, TermID)?
            while let e = entry {
                guard e.key.count == 8, e.value.count == 24 else {
                    throw StoreError.corrupt("index 'gspo' holds a \(e.key.count)-byte key and a \(e.value.count)-byte value")
                }
                let graph = IDBytes.load(e.key, at: 0), subject = IDBytes.load(e.value, at: 0)
                if last.map({ $0 != (graph, subject) }) ?? true {
                    last = (graph, subject)
                    try txn.put(graphSubjects, key: IDBytes.array(graph), value: IDBytes.array(subject))
                }
                entry = try source.next()
            }
        }
    }
}
