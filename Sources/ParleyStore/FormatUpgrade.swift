internal import ParleyLMDB

/// Upgrades a store of format version 1 to the current one in one write transaction, all or
/// nothing: version 1 held named graphs in six permutations, `spog`, `posg`, `ospg` (values of
/// three 64-bit ids, 24 bytes) and `gspo`, `gpos`, `gosp`. The graph-last ones are rewritten
/// key by key with values of 16 bytes (``QuadIndex/storeValue(_:_:_:to:)``). The graph-first
/// ones give way to `gs` (``GraphSubjects``), filled from `gspo`'s distinct graph and subject
/// pairs, then they are deleted and the new version written.
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
            for index in QuadIndex.namedGraphIndexes {
                try repackValues(of: txn.openDatabase(index.rawValue, flags: dupFixed), as: index, in: txn)
            }
            var version = Store.formatVersion.bigEndian
            try txn.put(meta, key: MetaKey.formatVersion, value: withUnsafeBytes(of: &version) { Array($0) })
        }
    }

    /// Rewrites each key's values of 24 bytes (three big-endian ids) as values of 16. Packing
    /// keeps the ids' order, so each key's new values are appended in the order read; one
    /// key's values are in memory at a time.
    private static func repackValues(of database: Database, as index: QuadIndex,
                                     in txn: borrowing WriteTransaction) throws {
        let old = 24, size = index.valueSize
        var key: TermID = 0
        while true {
            var lower = (key &+ 1).bigEndian
            var values: [UInt8] = []
            let found = try txn.withCursor(database) { cursor -> Bool in
                guard key != TermID.max,
                      var entry = try withUnsafeBytes(of: &lower, { try cursor.move(.setRange, key: $0) }) else { return false }
                guard entry.key.count == 8 else { throw StoreError.corrupt("index '\(index.rawValue)' holds a \(entry.key.count)-byte key") }
                key = IDBytes.load(entry.key, at: 0)
                while true {
                    guard entry.value.count == old else {
                        throw StoreError.corrupt("index '\(index.rawValue)' of a version 1 store holds a \(entry.value.count)-byte value")
                    }
                    let start = values.count
                    values.append(contentsOf: repeatElement(0, count: size))
                    let (b, c, d) = (IDBytes.load(entry.value, at: 0), IDBytes.load(entry.value, at: 8), IDBytes.load(entry.value, at: 16))
                    guard max(b, c, d) <= TripleKey.maxID else { throw StoreError.corrupt("index '\(index.rawValue)' holds the id \(max(b, c, d))") }
                    values.withUnsafeMutableBytes { index.storeValue(b, c, d, to: $0.baseAddress! + start) }
                    guard let next = try cursor.move(.nextDuplicate) else { return true }
                    entry = next
                }
            }
            guard found else { return }
            var k = key.bigEndian
            try withUnsafeBytes(of: &k) { kb in
                _ = try txn.delete(database, key: kb)
                try txn.withCursor(database) { cursor in
                    try values.withUnsafeBytes { v in
                        var offset = 0
                        while offset < v.count {
                            let end = min(v.count, offset + IndexWriter.chunk * size)
                            _ = try cursor.putMultiple(key: kb, values: UnsafeRawBufferPointer(rebasing: v[offset..<end]),
                                                       elementSize: size, flags: [.appendDuplicate])
                            offset = end
                        }
                    }
                }
            }
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
