internal import ParleyLMDB
#if canImport(Glibc)
import Glibc
#endif

extension Store {
    /// Rebuilds a store whose damaged pages LMDB itself cannot walk (it cannot even free them):
    /// the sound parts (format and counters, saved prefixes, `id2term`) and `quads` are written
    /// into a new data file beside it in one write transaction, with `term2id`, every index and
    /// the statistics made afresh; the new file then replaces `data.mdb` by an atomic rename,
    /// and the lock file is removed so the next process makes a new one. No other process may
    /// use the store meanwhile.
    static func rebuildIntoNewFile(path: String, quads: [IDQuad], options: Options) throws {
        let records = try readSoundRecords(path: path, options: options)
        let work = path + "/repair.tmp"
        unlink(work + "/data.mdb")
        unlink(work + "/lock.mdb")
        rmdir(work)
        var writable = options
        writable.readOnly = false
        writable.trapsPageFaults = false
        do {
            let target = try Store(path: work, options: writable)
            try target.writeTransaction { txn in
                for (key, value) in records.meta { try txn.put(target.databases.meta, key: key, value: value) }
                for (key, value) in records.prefixes { try txn.put(target.databases.prefixes, key: key, value: value) }
                for (key, value) in records.terms {
                    try txn.put(target.databases.id2term, key: key, value: value, flags: .append)
                    let id = key.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let hash = value.withUnsafeBytes { TermHash.hash($0) }
                    try txn.put(target.databases.term2id, key: IDBytes.array(hash), value: IDBytes.array(id))
                }
                var defaultGraph = quads.filter { $0.graph == 0 }
                var named = quads.filter { $0.graph != 0 }
                let writer = IndexWriter(store: target)
                _ = try writer.insert(&defaultGraph, into: QuadIndex.defaultGraphIndexes, txn: txn)
                _ = try writer.insert(&named, into: QuadIndex.namedGraphIndexes, txn: txn)
                try target.rebuildGraphSubjects(from: named, in: txn)
                for (key, count) in StatisticCounts(quads, unionDuplicates: true).records {
                    try txn.put(target.databases.stats, key: key, value: IDBytes.array(count))
                }
                try target.markUnionDuplicatesKept(in: txn)
            }
        }
        guard rename(work + "/data.mdb", path + "/data.mdb") == 0 else {
            throw StoreError.cannotOpen(path: path, reason: "cannot move the rebuilt data file into place: \(String(cString: strerror(errno)))")
        }
        unlink(path + "/lock.mdb")
        unlink(work + "/lock.mdb")
        rmdir(work)
    }

    /// The records a rebuild copies as they are, read from the sound trees.
    private static func readSoundRecords(path: String, options: Options) throws -> SoundRecords {
        var readOnly = options
        readOnly.readOnly = true
        let source = try Store(path: path, options: readOnly)
        return try source.readTransaction { txn in
            SoundRecords(meta: try source.entries(source.databases.meta, in: txn),
                         prefixes: try source.entries(source.databases.prefixes, in: txn),
                         terms: try source.entries(source.databases.id2term, in: txn))
        }
    }

    private func entries(_ database: Database, in txn: borrowing ReadTransaction) throws -> [([UInt8], [UInt8])] {
        try txn.withCursor(database) { cursor in
            var result: [([UInt8], [UInt8])] = []
            var entry = try cursor.move(.first)
            while let e = entry {
                result.append((Array(e.key), Array(e.value)))
                entry = try cursor.next()
            }
            return result
        }
    }
}

/// The sound records of a damaged store, copied into its rebuilt file.
private struct SoundRecords {
    var meta: [([UInt8], [UInt8])]
    var prefixes: [([UInt8], [UInt8])]
    var terms: [([UInt8], [UInt8])]
}
