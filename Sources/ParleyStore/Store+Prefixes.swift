import ParleyLMDB

extension Store {
    /// The saved prefixes, sorted by name.
    public func prefixes() throws -> [(prefix: String, iri: String)] {
        try read { txn in
            try txn.withCursor(databases.prefixes) { cursor in
                var result: [(prefix: String, iri: String)] = []
                var entry = try cursor.move(.first)
                while let e = entry {
                    result.append((String(decoding: e.key, as: UTF8.self), String(decoding: e.value, as: UTF8.self)))
                    entry = try cursor.next()
                }
                return result
            }
        }
    }

    /// Saves a prefix binding (for Turtle export and the prompt). Without `overwrite`, an
    /// existing binding of `prefix` is kept.
    public func savePrefix(_ prefix: String, iri: String, overwrite: Bool = true,
                           in txn: borrowing WriteTransaction) throws {
        try txn.put(databases.prefixes, key: Array(prefix.utf8), value: Array(iri.utf8),
                    flags: overwrite ? [] : .noOverwrite)
    }

    /// Saves a prefix binding in its own transaction.
    public func savePrefix(_ prefix: String, iri: String) throws {
        try write { txn in try savePrefix(prefix, iri: iri, in: txn) }
    }
}
