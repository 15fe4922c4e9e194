internal import ParleyLMDB
import ParleyRDF

/// The store's two-way map between terms (in ``TermEncoding`` form) and 64-bit ids.
///
/// `id2term` is keyed by the id (`MDB_INTEGERKEY`) and holds the encoded term, of any length.
/// `term2id` is keyed by a 64-bit hash of the encoding and holds the ids of every term with
/// that hash as sorted duplicates; a lookup checks each candidate against `id2term`, so a hash
/// collision never maps a term to the wrong id and no key ever exceeds LMDB's 511 bytes.
struct TermDictionary: Sendable {
    let id2term: Database
    let term2id: Database

    /// The id of an encoded term, or `nil` if the store has never seen it.
    func id<T: Transaction & ~Copyable>(of encoded: UnsafeRawBufferPointer, in txn: borrowing T) throws -> TermID? {
        try id(of: encoded, hash: TermHash.hash(encoded), in: txn)
    }

    /// The id of a term, or `nil` if the store has never seen it.
    func id<T: Transaction & ~Copyable>(of term: Term, in txn: borrowing T) throws -> TermID? {
        let bytes = TermEncoding.encode(term)
        return try bytes.withUnsafeBytes { try id(of: $0, in: txn) }
    }

    func id<T: Transaction & ~Copyable>(of encoded: UnsafeRawBufferPointer, hash: UInt64, in txn: borrowing T) throws -> TermID? {
        var key = hash.bigEndian
        return try withUnsafeBytes(of: &key) { keyBytes in
            try txn.withCursor(term2id) { cursor in
                var entry = try cursor.move(.setKey, key: keyBytes)
                while let found = entry {
                    guard found.value.count == 8 else { throw StoreError.corrupt("the dictionary's term2id holds a \(found.value.count)-byte id") }
                    let candidate = IDBytes.load(found.value, at: 0)
                    let same = try withTerm(candidate, in: txn) { stored in
                        stored.count == encoded.count && (encoded.count == 0 || memcmp(stored.baseAddress!, encoded.baseAddress!, encoded.count) == 0)
                    }
                    if same == true { return candidate }
                    entry = try cursor.move(.nextDuplicate)
                }
                return nil
            }
        }
    }

    /// Lends the encoded term of `id` to `body` (valid during the call), or passes `nil` when
    /// the id is unknown.
    func withTerm<T: Transaction & ~Copyable, R>(_ id: TermID, in txn: borrowing T,
                                                       _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
        var key = id
        return try withUnsafeBytes(of: &key) { keyBytes in
            try txn.get(id2term, key: keyBytes) { value in try value.map(body) }
        }
    }

    /// The term of `id`, decoded.
    func term<T: Transaction & ~Copyable>(_ id: TermID, in txn: borrowing T) throws -> Term? {
        try withTerm(id, in: txn) { TermEncoding.decode($0) } ?? nil
    }

    /// Adds a term under a fresh id. `append` is for ids above every stored id, in order.
    func insert(_ encoded: UnsafeRawBufferPointer, hash: UInt64, id: TermID,
                in txn: borrowing WriteTransaction, append: Bool) throws {
        var key = id
        try withUnsafeBytes(of: &key) { keyBytes in
            _ = try txn.put(id2term, key: keyBytes, value: encoded, flags: append ? .append : [])
        }
        var hashKey = hash.bigEndian
        var value = id.bigEndian
        try withUnsafeBytes(of: &hashKey) { k in
            try withUnsafeBytes(of: &value) { v in
                _ = try txn.put(term2id, key: k, value: v)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
