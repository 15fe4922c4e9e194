internal import ParleyLMDB

extension Store {
    /// The saved prefixes, sorted by name (the empty prefix first).
    public func prefixes() throws -> [(prefix: String, iri: String)] {
        try readTransaction { txn in
            try txn.withCursor(databases.prefixes) { cursor in
                var result: [(prefix: String, iri: String)] = []
                var entry = try cursor.move(.first)
                while let e = entry {
                    guard let record = PrefixRecord.decode(key: Array(e.key), value: Array(e.value)) else {
                        throw StoreError.corrupt("a saved prefix record is malformed (\(e.key.count)-byte key, \(e.value.count)-byte value)")
                    }
                    result.append((String(decoding: record.name, as: UTF8.self), String(decoding: record.iri, as: UTF8.self)))
                    entry = try cursor.next()
                }
                return result.sorted { $0.prefix.utf8.lexicographicallyPrecedes($1.prefix.utf8) }
            }
        }
    }

    /// Saves a prefix binding (for Turtle export and the prompt). Without `overwrite`, an
    /// existing binding of `prefix` is kept. Any name fits, the empty one and names longer
    /// than an LMDB key included (see ``PrefixRecord``).
    func savePrefix(_ prefix: String, iri: String, overwrite: Bool = true,
                    in txn: borrowing WriteTransaction) throws {
        let name = Array(prefix.utf8)
        let value = Array(iri.utf8)
        if let key = PrefixRecord.directKey(name) {
            try txn.put(databases.prefixes, key: key, value: value, flags: overwrite ? [] : .noOverwrite)
            return
        }
        for probe in 0 ..< PrefixRecord.maxProbes {
            let key = PrefixRecord.hashedKey(name, probe: probe)
            if let stored = try txn.value(databases.prefixes, key: key) {
                guard let record = PrefixRecord.decode(key: key, value: stored) else {
                    throw StoreError.corrupt("the saved prefix record for '\(prefix.prefix(40))…' is malformed")
                }
                guard record.name == name else { continue }
                if overwrite {
                    try txn.put(databases.prefixes, key: key, value: PrefixRecord.hashedValue(name: name, iri: value))
                }
                return
            }
            try txn.put(databases.prefixes, key: key, value: PrefixRecord.hashedValue(name: name, iri: value))
            return
        }
        throw StoreError.corrupt("too many saved prefix names share one hash")
    }

    /// Saves a prefix binding in its own transaction.
    public func savePrefix(_ prefix: String, iri: String) throws {
        try writeTransaction { txn in try savePrefix(prefix, iri: iri, in: txn) }
    }
}
