import CLMDB
#if canImport(Glibc)
import Glibc
#endif

/// An LMDB environment: one memory-mapped store directory (`data.mdb` and `lock.mdb`).
///
/// Caveats, from lmdb.h, that shape this API:
/// - Open an environment once per process; share the object (it is `Sendable`).
/// - Only one write transaction runs at a time. ``write(_:)`` serialises writers in this
///   process; LMDB's lock file serialises them across processes.
/// - Readers never block the writer and see a snapshot. Keep read transactions short: a
///   long one stops LMDB from reusing pages freed after it began.
/// - Transactions are closures run synchronously on the calling thread (`MDB_NOTLS` is set,
///   so Swift tasks and nested reads are safe); nothing escapes them.
///
/// The map grows by itself: when a write fills it (`MDB_MAP_FULL`) the transaction is rolled
/// back, the map doubled and the body run again, so a write body must be safe to repeat
/// (it should only read its inputs and write through the transaction).
public final class Environment: @unchecked Sendable {
    /// Settings read at open.
    public struct Options: Sendable {
        /// The initial map size in bytes; it doubles whenever a write needs more.
        public var mapSize: Int = 1 << 30
        /// How many named databases the environment may hold.
        public var maxDatabases: Int = 32
        /// How many concurrent read transactions (across processes) the lock table holds.
        public var maxReaders: Int = 126
        /// Open without write access (`MDB_RDONLY`).
        public var readOnly = false
        /// Skip `fsync` at commit (`MDB_NOSYNC`): faster, but a system crash may lose the
        /// last transactions. Off unless asked for.
        public var noSync = false
        /// Use no lock file (`MDB_NOLOCK`), for a read-only store in a directory this process
        /// cannot write: safe only while no other process writes the store.
        public var noLock = false

        public init() {}
    }

    let handle: OpaquePointer
    /// The store directory.
    public let path: String
    public let options: Options
    private let writerLock = PthreadMutex()
    private let resizeLock = PthreadRWLock()

    /// Opens (creating if needed) the environment in directory `path`, which must exist.
    /// Stale reader slots left by crashed processes are reclaimed here.
    public init(path: String, options: Options = Options()) throws(LMDBError) {
        var env: OpaquePointer?
        try check(mdb_env_create(&env), .createEnvironment)
        guard let env else { throw LMDBError(code: .invalid, operation: .createEnvironment) }
        do {
            try check(mdb_env_set_maxdbs(env, MDB_dbi(options.maxDatabases)), .configure)
            try check(mdb_env_set_maxreaders(env, UInt32(options.maxReaders)), .configure)
            try check(mdb_env_set_mapsize(env, options.mapSize), .configure)
            var flags = UInt32(MDB_NOTLS)
            if options.readOnly { flags |= UInt32(MDB_RDONLY) }
            if options.noSync { flags |= UInt32(MDB_NOSYNC) }
            if options.noLock { flags |= UInt32(MDB_NOLOCK) }
            if !options.readOnly && !options.noLock {
                try Self.allocateLockFile(in: path, readers: options.maxReaders)
            }
            try check(mdb_env_open(env, path, flags, 0o644), .open)
        } catch {
            // lmdb.h: "If this function fails, mdb_env_close() must be called to discard
            // the MDB_env handle."
            mdb_env_close(env)
            throw error
        }
        self.handle = env
        self.path = path
        self.options = options
        _ = try? reclaimStaleReaders()
    }

    deinit { mdb_env_close(handle) }

    /// Gives `lock.mdb` real disk blocks before LMDB maps it. LMDB sizes a new lock file with
    /// `ftruncate` and writes it through `mmap`; on a full disk (a full tmpfs, say) the sparse
    /// pages cannot be allocated and the first write to them kills the process with SIGBUS.
    /// `posix_fallocate` turns that into `ENOSPC`. The size covers LMDB's reader table
    /// (a 128-byte header and 64 bytes per reader); a larger file only gives more reader slots.
    private static func allocateLockFile(in path: String, readers: Int) throws(LMDBError) {
        #if os(Linux)
        let size = (128 + readers * 64 + 4095) & ~4095
        let fd = open(path + "/lock.mdb", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }  // mdb_env_open reports why
        defer { close(fd) }
        let code = posix_fallocate(fd, 0, off_t(size))
        // EINVAL/EOPNOTSUPP: a file system without fallocate; LMDB's own path then applies.
        if code == ENOSPC { throw LMDBError(code: .noSpace, operation: .open) }
        #endif
    }

    /// Clears reader slots of processes that died without closing them (`mdb_reader_check`);
    /// returns how many were cleared.
    @discardableResult
    public func reclaimStaleReaders() throws(LMDBError) -> Int {
        var dead: Int32 = 0
        try check(mdb_reader_check(handle, &dead), .readerCheck)
        return Int(dead)
    }

    /// Whether the environment holds no named database yet: a new, never-written store.
    /// Reads only the header page's record of the main database, never a tree page, so it is
    /// safe on a file whose pages are damaged.
    public func hasNoDatabases() throws(LMDBError) -> Bool {
        var stat = MDB_stat()
        try check(mdb_env_stat(handle, &stat), .statistics)
        return stat.ms_entries == 0
    }

    /// Opens a named database; `create` makes it if missing (needs a writable environment).
    /// Call once at startup, outside other transactions.
    public func openDatabase(_ name: String, flags: Database.Flags = [], create: Bool = true) throws -> Database {
        if !options.readOnly {
            return try write { txn in try txn.openDatabase(name, flags: create ? flags.union(.create) : flags) }
        }
        // lmdb.h: a handle opened in a transaction is closed if that transaction aborts, and
        // kept for the environment once it commits; a read-only transaction may commit.
        return try resizeLock.withShared {
            var txn: OpaquePointer?
            try check(mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn), .beginTransaction)
            guard let txn else { throw LMDBError(code: .invalid, operation: .beginTransaction) }
            var dbi: MDB_dbi = 0
            let code = mdb_dbi_open(txn, name, flags.rawValue, &dbi)
            guard code == MDB_SUCCESS else {
                mdb_txn_abort(txn)
                throw LMDBError(code: .init(rawValue: code), operation: .openDatabase, database: name)
            }
            try check(mdb_txn_commit(txn), .commit, database: name)
            return Database(handle: dbi, name: name)
        }
    }

    /// Makes LMDB compare `database`'s keys (and, with `duplicates`, its sorted values) as
    /// big-endian integers of 8 or 16 bytes by integer compares rather than through `memcmp`:
    /// the same order as LMDB's default, so nothing stored changes, only the cost of each
    /// comparison in a tree descent. Other sizes are compared as the default does. Call once
    /// after opening; the comparison holds for the environment's lifetime.
    public func useBigEndianOrder(for database: Database, duplicates: Bool) throws {
        try resizeLock.withShared {
            var txn: OpaquePointer?
            try check(mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn), .beginTransaction)
            guard let txn else { throw LMDBError(code: .invalid, operation: .beginTransaction) }
            defer { mdb_txn_abort(txn) }
            try check(mdb_set_compare(txn, database.handle, parley_compare_big_endian), .openDatabase, database: database.name)
            if duplicates {
                try check(mdb_set_dupsort(txn, database.handle, parley_compare_big_endian), .openDatabase, database: database.name)
            }
        }
    }

    /// Runs `body` in a read-only snapshot. Any number may run at once, also nested.
    /// Do not start a write inside a read on the same thread.
    public func read<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        while true {
            let result: R? = try resizeLock.withShared { () throws -> R? in
                var txn: OpaquePointer?
                let code = mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn)
                if code == MDB_MAP_RESIZED { return nil }
                try check(code, .beginTransaction)
                guard let txn else { throw LMDBError(code: .invalid, operation: .beginTransaction) }
                let transaction = ReadTransaction(handle: txn)
                return try body(transaction)
            }
            if let result { return result }
            // Another process grew the map: adopt its size, then begin again.
            try grow(doubling: false)
        }
    }

    /// Runs `body` in the write transaction; commits when it returns, rolls back when it
    /// throws. If the map fills up, grows it and runs `body` again from the start.
    public func write<R>(_ body: (inout WriteTransaction) throws -> R) throws -> R {
        guard !options.readOnly else {
            throw LMDBError(code: .permissionDenied, operation: .beginTransaction)
        }
        return try writerLock.withLock {
            while true {
                do {
                    return try resizeLock.withShared { () throws -> R in
                        var txn: OpaquePointer?
                        try check(mdb_txn_begin(handle, nil, 0, &txn), .beginTransaction)
                        guard let txn else { throw LMDBError(code: .invalid, operation: .beginTransaction) }
                        var transaction = WriteTransaction(handle: txn)
                        let result = try body(&transaction)
                        try transaction.commit()
                        return result
                    }
                } catch let error as LMDBError where error.code == .mapFull || error.code == .mapResized {
                    try grow(doubling: error.code == .mapFull)
                }
            }
        }
    }

    /// The current map size in bytes.
    public var mapSize: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return info.me_mapsize
    }

    /// Bytes the data file uses (last page used × page size), not counting free pages' reuse.
    public var usedBytes: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        var stat = MDB_stat()
        mdb_env_stat(handle, &stat)
        return (info.me_last_pgno + 1) * Int(stat.ms_psize)
    }

    /// Grows the map to at least `bytes` (rounded up to a power of two) before a large write,
    /// so the write need not be rolled back and rerun when the map fills.
    public func reserve(atLeast bytes: Int) throws {
        guard !options.readOnly, bytes > mapSize else { return }
        var target = mapSize
        while target < bytes { target *= 2 }
        try writerLock.withLock {
            try resizeLock.withExclusive {
                try check(mdb_env_set_mapsize(handle, target), .resize)
            }
        }
    }

    private func grow(doubling: Bool) throws {
        try resizeLock.withExclusive {
            // Size 0 adopts a size another process set; doubling makes room for this one.
            let target = doubling ? max(mapSize * 2, 1 << 20) : 0
            try check(mdb_env_set_mapsize(handle, target), .resize)
        }
    }
}

extension Environment {
    /// A read transaction open in some process on this environment (from `mdb_reader_list`).
    public struct ActiveReader: Hashable, Sendable {
        public var pid: Int32
        /// The snapshot (transaction id) it reads.
        public var transaction: UInt64
    }

    /// The read transactions open right now, in every process: an idle process holds none,
    /// so a long-lived entry here is what keeps LMDB from reusing freed pages.
    public func activeReaders() -> [ActiveReader] {
        let lines = ReaderListLines()
        _ = mdb_reader_list(handle, { message, context in
            guard let message, let context else { return 0 }
            Unmanaged<ReaderListLines>.fromOpaque(context).takeUnretainedValue().text.append(String(cString: message))
            return 0
        }, Unmanaged.passUnretained(lines).toOpaque())
        // Lines read "    pid     thread     txnid"; idle slots show "-" for the txnid.
        return lines.text.compactMap { line in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard fields.count == 3, let pid = Int32(fields[0]), let txn = UInt64(fields[2]) else { return nil }
            return ActiveReader(pid: pid, transaction: txn)
        }
    }
}

/// Collects the lines `mdb_reader_list` reports.
private final class ReaderListLines {
    var text: [String] = []
}
