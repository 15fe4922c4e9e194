internal import ParleyLMDB
import ParleyRDF

extension Store {
    /// The term dictionary of this store.
    var dictionary: TermDictionary {
        TermDictionary(id2term: databases.id2term, term2id: databases.term2id)
    }

    func metaCounter<T: Transaction & ~Copyable>(_ key: [UInt8], in txn: borrowing T, default value: UInt64) throws -> UInt64 {
        guard let bytes = try txn.value(databases.meta, key: key) else { return value }
        guard bytes.count == 8 else { throw StoreError.corrupt("meta record '\(String(decoding: key, as: UTF8.self))' has \(bytes.count) bytes") }
        return bytes.withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)) }
    }

    func setMetaCounter(_ key: [UInt8], _ value: UInt64, in txn: borrowing WriteTransaction) throws {
        try txn.put(databases.meta, key: key, value: IDBytes.array(value))
    }

    /// Adds `delta` (which may be negative) to a counter in the `stats` database.
    func addToStatistic(_ key: [UInt8], _ delta: Int64, in txn: borrowing WriteTransaction) throws {
        guard delta != 0 else { return }
        let current = try statistic(key, in: txn)
        let updated = max(0, Int64(current) + delta)
        if updated == 0 {
            _ = try key.withUnsafeBytes { try txn.delete(databases.stats, key: $0) }
        } else {
            try txn.put(databases.stats, key: key, value: IDBytes.array(UInt64(updated)))
        }
    }

    func statistic<T: Transaction & ~Copyable>(_ key: [UInt8], in txn: borrowing T) throws -> UInt64 {
        guard let bytes = try txn.value(databases.stats, key: key), bytes.count == 8 else { return 0 }
        return bytes.withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)) }
    }
}

/// Keys of the `stats` database: a kind byte, then an id.
enum StatisticKey {
    /// Quads (all graphs) with this predicate.
    static func predicate(_ id: TermID) -> [UInt8] { [0x01] + IDBytes.array(id) }
    /// Quads in this named graph.
    static func graph(_ id: TermID) -> [UInt8] { [0x02] + IDBytes.array(id) }
    /// Triples in the default graph.
    static let defaultGraph: [UInt8] = [0x03]
    /// Over every triple, the graphs holding it less one (see UnionDuplicates.swift).
    static let unionDuplicates: [UInt8] = [0x04]
}
