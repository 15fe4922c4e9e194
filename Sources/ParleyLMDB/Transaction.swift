import CLMDB

/// What read and write transactions share: lookups, cursors and statistics.
///
/// `package`, not `public`: only ParleyStore (and these tests) reach LMDB transactions; the
/// modules above the store see ParleyStore's own snapshot and writer types instead.
package protocol Transaction: ~Copyable {
    /// The `MDB_txn` pointer; valid only inside the transaction's closure.
    var handle: OpaquePointer { get }
}

/// A read-only snapshot, valid only inside ``Environment/read(_:)``'s closure.
/// Aborted (released) when the closure returns.
public struct ReadTransaction: ~Copyable, Transaction {
    package let handle: OpaquePointer
    init(handle: OpaquePointer) { self.handle = handle }
    deinit { mdb_txn_abort(handle) }
}

@available(*, unavailable)
extension ReadTransaction: Sendable {}

/// The write transaction, valid only inside ``Environment/write(_:)``'s closure. Commits when
/// the closure returns normally; any thrown error rolls everything back.
public struct WriteTransaction: ~Copyable, Transaction {
    package let handle: OpaquePointer
    init(handle: OpaquePointer) { self.handle = handle }

    consuming func commit() throws(LMDBError) {
        let handle = self.handle
        discard self
        // mdb_txn_commit frees the transaction whether it succeeds or not.
        try check(mdb_txn_commit(handle), .commit)
    }

    deinit { mdb_txn_abort(handle) }
}

@available(*, unavailable)
extension WriteTransaction: Sendable {}

extension MDB_val {
    init(_ buffer: UnsafeRawBufferPointer) {
        self.init(mv_size: buffer.count, mv_data: UnsafeMutableRawPointer(mutating: buffer.baseAddress))
    }

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: mv_data, count: mv_size) }
}

extension Transaction where Self: ~Copyable {
    /// Opens a named database inside this transaction. In a write transaction the handle is
    /// usable by others only once it commits.
    package func openDatabase(_ name: String, flags: Database.Flags = []) throws(LMDBError) -> Database {
        var dbi: MDB_dbi = 0
        try check(mdb_dbi_open(handle, name, flags.rawValue, &dbi), .openDatabase, database: name)
        return Database(handle: dbi, name: name)
    }

    /// Looks `key` up and lends the value's bytes (or `nil` when absent) to `body`. The bytes
    /// are valid only during `body`.
    package func get<R>(_ database: Database, key: UnsafeRawBufferPointer,
                       _ body: (UnsafeRawBufferPointer?) throws -> R) throws -> R {
        var k = MDB_val(key)
        var v = MDB_val()
        let code = mdb_get(handle, database.handle, &k, &v)
        if code == MDB_NOTFOUND { return try body(nil) }
        try check(code, .get, database: database.name)
        return try body(v.buffer)
    }

    /// The value stored under `key`, copied, or `nil`.
    package func value(_ database: Database, key: [UInt8]) throws -> [UInt8]? {
        try key.withUnsafeBytes { k in try get(database, key: k) { $0.map { Array($0) } } }
    }

    /// Runs `body` with a cursor on `database`, closed when `body` returns.
    package func withCursor<R>(_ database: Database, _ body: (inout Cursor) throws -> R) throws -> R {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(handle, database.handle, &cursor), .openCursor, database: database.name)
        guard let cursor else { throw LMDBError(code: .invalid, operation: .openCursor, database: database.name) }
        var wrapped = Cursor(handle: cursor, database: database)
        return try body(&wrapped)
    }

    /// Page and entry counts of `database`.
    package func statistics(_ database: Database) throws(LMDBError) -> Database.Statistics {
        var stat = MDB_stat()
        try check(mdb_stat(handle, database.handle, &stat), .statistics, database: database.name)
        return Database.Statistics(
            pageSize: Int(stat.ms_psize), depth: Int(stat.ms_depth),
            branchPages: stat.ms_branch_pages, leafPages: stat.ms_leaf_pages,
            overflowPages: stat.ms_overflow_pages, entries: stat.ms_entries)
    }
}

extension WriteTransaction {
    /// Stores `value` under `key`. Returns `false` when `noOverwrite`/`noDuplicateData` found
    /// the key (or pair) already there.
    @discardableResult
    public func put(_ database: Database, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer,
                    flags: PutFlags = []) throws(LMDBError) -> Bool {
        var k = MDB_val(key)
        var v = MDB_val(value)
        let code = mdb_put(handle, database.handle, &k, &v, flags.rawValue)
        if code == MDB_KEYEXIST { return false }
        try check(code, .put, database: database.name)
        return true
    }

    /// Stores `value` under `key` (arrays).
    @discardableResult
    public func put(_ database: Database, key: [UInt8], value: [UInt8], flags: PutFlags = []) throws -> Bool {
        try key.withUnsafeBytes { k in
            try value.withUnsafeBytes { v in try put(database, key: k, value: v, flags: flags) }
        }
    }

    /// Deletes `key` (all its values), or only the pair `key`/`value` in a `duplicateSort`
    /// database. Returns `false` when there was nothing to delete.
    @discardableResult
    public func delete(_ database: Database, key: UnsafeRawBufferPointer,
                       value: UnsafeRawBufferPointer? = nil) throws(LMDBError) -> Bool {
        var k = MDB_val(key)
        let code: Int32
        if let value {
            var v = MDB_val(value)
            code = mdb_del(handle, database.handle, &k, &v)
        } else {
            code = mdb_del(handle, database.handle, &k, nil)
        }
        if code == MDB_NOTFOUND { return false }
        try check(code, .delete, database: database.name)
        return true
    }

    /// Removes every entry of `database` (it stays open and usable).
    public func removeAll(_ database: Database) throws(LMDBError) {
        try check(mdb_drop(handle, database.handle, 0), .drop, database: database.name)
    }

    /// Deletes `database` itself from the environment, entries and name, and closes its
    /// handle (`mdb_drop` with `del` 1); undone if the transaction aborts.
    public func deleteDatabase(_ database: Database) throws(LMDBError) {
        try check(mdb_drop(handle, database.handle, 1), .drop, database: database.name)
    }
}

/// A copyable reference to a transaction, for pull-based iterators that open cursors as they
/// go (a query's operator tree). Valid only inside the closure of the transaction it was taken
/// from; never keep one past it. Writes still need the ``WriteTransaction`` itself.
///
/// `package`: ParleyStore keeps it private inside a snapshot object that it invalidates when
/// the closure returns; nothing above the store ever holds one.
package struct TransactionReference: Transaction {
    package let handle: OpaquePointer
}

@available(*, unavailable)
extension TransactionReference: Sendable {}

extension Transaction where Self: ~Copyable {
    /// A copyable reference to this transaction, valid only inside its closure.
    package var reference: TransactionReference { TransactionReference(handle: handle) }

    /// A cursor owned by the caller, for pull-based iterators. It must not be used after the
    /// transaction's closure returns. LMDB frees a write transaction's cursors itself when the
    /// transaction ends: pass a `release` that is ended by then, and a cursor dropped later
    /// leaves them to LMDB instead of freeing them twice.
    package func makeCursor(_ database: Database, release: CursorRelease? = nil) throws(LMDBError) -> Cursor {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(handle, database.handle, &cursor), .openCursor, database: database.name)
        guard let cursor else { throw LMDBError(code: .invalid, operation: .openCursor, database: database.name) }
        return Cursor(handle: cursor, database: database, release: release)
    }
}
