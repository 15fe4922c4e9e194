#if canImport(Glibc)
import Glibc
#endif
internal import ParleyLMDB
import ParleyRDF

/// A quad store in one LMDB environment (one directory): a term dictionary, six index
/// permutations and a graph-to-subjects index, statistics for the planner and saved prefixes.
///
/// Guarantees: every import or update is one write transaction, so it lands whole or not at
/// all and readers (also in other processes) see either all of it or none; commits are synced
/// unless the store was opened with `noSync`; readers never block the writer. Share one
/// `Store` per directory per process.
public final class Store: Sendable {
    /// The on-disk format this build reads and writes. Version 2 keeps named graphs in
    /// `spog`, `posg`, `ospg` and `gs`; version 1 also had `gspo`, `gpos`, `gosp` and no `gs`,
    /// and is upgraded in place when opened for writing (``FormatUpgrade``).
    public static let formatVersion: UInt32 = 2

    /// How to open a store.
    public struct Options: Sendable {
        /// Initial map size; the map doubles by itself when full.
        public var initialMapSize: Int = 1 << 30
        /// Open without write access.
        public var readOnly = false
        /// Skip fsync at commit. Unsafe: a power cut can lose recent commits.
        public var noSync = false
        /// Turn a fault while reading a damaged page through LMDB's map into a message and
        /// exit status 1 (``MapFaultTrap``). For programs, not for test processes.
        public var trapsPageFaults = false
        public init() {}
    }

    /// The store directory.
    public let path: String
    /// The LMDB environment: internal, so no LMDB type reaches the store's users.
    let environment: Environment
    let databases: Databases

    /// The named databases, opened once.
    struct Databases: Sendable {
        let meta: Database
        let id2term: Database
        let term2id: Database
        let stats: Database
        let prefixes: Database
        let indexes: [QuadIndex: Database]
        /// `gs`: each named graph's subjects.
        let graphSubjects: Database

        subscript(index: QuadIndex) -> Database { indexes[index]! }
    }

    /// Opens the store in directory `path`, creating the directory and an empty store when the
    /// directory is missing or empty. Refuses a directory holding something else, and a store
    /// of another format version.
    ///
    /// A store this process may not write (the directory or `data.mdb` is not writable, or the
    /// file system is read-only) opens read-only: queries work and writes throw
    /// ``StoreError/readOnly(path:)``. If its lock file cannot be opened either, it is read
    /// without one, which is safe while nobody else writes it.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        var options = options
        if !options.readOnly && !Self.isWritable(path) { options.readOnly = true }
        try Self.prepareDirectory(path, readOnly: options.readOnly)
        try Self.checkDataFile(path)
        var envOptions = Environment.Options()
        envOptions.mapSize = options.initialMapSize
        envOptions.readOnly = options.readOnly
        envOptions.noSync = options.noSync
        envOptions.maxDatabases = 16
        do {
            do {
                environment = try Environment(path: path, options: envOptions)
            } catch where error.code == .permissionDenied && options.readOnly {
                envOptions.noLock = true
                environment = try Environment(path: path, options: envOptions)
            }
        } catch where error.code == .invalid {
            throw StoreError.notAStore(path: path, reason: "data.mdb is not an LMDB file")
        } catch where error.code == .versionMismatch {
            throw StoreError.notAStore(path: path, reason: "data.mdb was written by another LMDB version")
        } catch where error.code == .permissionDenied {
            throw StoreError.cannotOpen(path: path, reason: "permission denied")
        } catch where error.code == .noSpace {
            throw StoreError.cannotOpen(path: path, reason: "no space left on device")
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        if options.trapsPageFaults {
            MapFaultTrap.install(for: environment, message: "error: store \(path) is damaged: reading data.mdb met a damaged page; run 'parley check --db \(path)'")
        }
        do {
            databases = try Self.openDatabases(environment, path: path, create: !options.readOnly)
        } catch let error as LMDBError {
            throw StoreError.storage(StorageFailure(error), path: path)
        }
    }

    /// Reads LMDB's header pages with plain reads before anything maps the file, so that a
    /// file cut short is refused instead of crashing the process on the first read past its end.
    private static func checkDataFile(_ path: String) throws {
        do {
            _ = try DataFileHeader.read(directory: path)
        } catch .notLMDB {
            throw StoreError.notAStore(path: path, reason: "data.mdb is not an LMDB file")
        } catch .versionMismatch {
            throw StoreError.notAStore(path: path, reason: "data.mdb was written by another LMDB version")
        } catch .unreadable(let code) {
            throw StoreError.cannotOpen(path: path, reason: code == EACCES ? "permission denied" : String(cString: strerror(code)))
        } catch {
            throw StoreError.damaged(path: path, problem: StoreError.describe(error))
        }
    }

    /// Whether this process may write the store at `path`: `true` for a path that does not
    /// exist yet (creating it reports its own errors).
    private static func isWritable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return true }
        guard access(path, W_OK) == 0 else { return false }
        let data = path + "/data.mdb"
        return access(data, F_OK) != 0 || access(data, W_OK) == 0
    }

    private static func prepareDirectory(_ path: String, readOnly: Bool) throws {
        var info = stat()
        if stat(path, &info) != 0 {
            guard !readOnly else { throw StoreError.cannotOpen(path: path, reason: "no such directory") }
            guard makeDirectories(path) else {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            return
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw StoreError.notAStore(path: path, reason: "it is a file, not a directory")
        }
        let entries = directoryEntries(path)
        if entries.isEmpty || entries.contains("data.mdb") { return }
        throw StoreError.notAStore(path: path, reason: "the directory holds other files and no data.mdb")
    }

    private static func makeDirectories(_ path: String) -> Bool {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { return false }
            prefix += "/"
        }
        return true
    }

    private static func directoryEntries(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func openDatabases(_ env: Environment, path: String, create writable: Bool) throws -> Databases {
        let dupFixed: Database.Flags = [.duplicateSort, .duplicateFixed]
        func open(_ name: String, _ flags: Database.Flags, create: Bool) throws -> Database {
            do {
                return try env.openDatabase(name, flags: flags, create: create)
            } catch let error as LMDBError where error.code == .notFound {
                throw StoreError.notAStore(path: path, reason: "no '\(name)' database")
            } catch let error as LMDBError where error.code == .incompatible {
                throw StoreError.notAStore(path: path, reason: "database '\(name)' has unexpected flags")
            }
        }
        let hasNoDatabases = try env.hasNoDatabases()
        let meta: Database
        do {
            meta = try open("meta", [], create: writable && hasNoDatabases)
        } catch StoreError.notAStore where hasNoDatabases {
            // A read-only open of an empty new directory: nothing was ever written.
            throw StoreError.notAStore(path: path, reason: "no 'meta' database; load data into it first")
        } catch StoreError.notAStore where (try? PageAudit.run(directory: path))??.mainTree.problem != nil {
            // Another program's LMDB file has no 'meta' either; a damaged list of databases
            // is told apart by reading it page by page.
            throw StoreError.inconsistent(path: path, what: "its list of databases (LMDB's main tree) is damaged")
        }
        let isNew = try checkFormat(env, meta: meta, path: path, upgrade: writable)
        // Databases are created only in a store whose format record is not written yet: a
        // new one, or one whose creation was cut short (the record is written last). In a
        // finished store a missing database is damage, and creating it would write into the
        // main database's pages, which LMDB trusts: a damaged one would crash the process.
        // (A format-1 store's new databases are made by its upgrade.)
        let create = writable && isNew
        func openExisting(_ name: String, _ flags: Database.Flags) throws -> Database {
            do {
                return try open(name, flags, create: create)
            } catch StoreError.notAStore where !isNew {
                throw StoreError.inconsistent(path: path, what: "its '\(name)' database is missing")
            }
        }
        var indexes: [QuadIndex: Database] = [:]
        for index in QuadIndex.allCases {
            let database = try openExisting(index.rawValue, dupFixed)
            // Keys and values are big-endian ids: compared as integers, in memcmp's order.
            try env.useBigEndianOrder(for: database, duplicates: true)
            indexes[index] = database
        }
        let databases = Databases(
            meta: meta,
            id2term: try openExisting("id2term", [.integerKey]),
            term2id: try openExisting("term2id", dupFixed),
            stats: try openExisting("stats", []),
            prefixes: try openExisting("prefixes", []),
            indexes: indexes,
            graphSubjects: try openExisting(GraphSubjects.name, dupFixed))
        if create { try writeFormatRecord(env, databases) }
        return databases
    }

    /// Checks the format record, upgrading a format-1 store when `upgrade`; returns `true` for
    /// a store that has none yet (new, or its creation was cut short).
    private static func checkFormat(_ env: Environment, meta: Database, path: String, upgrade: Bool) throws -> Bool {
        let stored = try env.read { txn in try txn.value(meta, key: MetaKey.formatVersion) }
        if let stored {
            guard stored.count == 4 else { throw StoreError.notAStore(path: path, reason: "malformed format record") }
            let version = stored.withUnsafeBytes { UInt32(bigEndian: $0.loadUnaligned(as: UInt32.self)) }
            if version == FormatUpgrade.previousVersion && upgrade {
                try FormatUpgrade.run(env, meta: meta)
                return false
            }
            guard version == formatVersion else {
                throw StoreError.formatVersion(path: path, found: version, expected: formatVersion)
            }
            return false
        }
        let isEmpty = try env.read { txn in try txn.withCursor(meta) { try $0.move(.first) == nil } }
        guard isEmpty else { throw StoreError.notAStore(path: path, reason: "no format record") }
        return true
    }

    /// Writes a new store's format record and default prefixes, in one transaction, after all
    /// its databases exist.
    private static func writeFormatRecord(_ env: Environment, _ databases: Databases) throws {
        try env.write { txn in
            var version = formatVersion.bigEndian
            let bytes = withUnsafeBytes(of: &version) { Array($0) }
            try txn.put(databases.meta, key: MetaKey.formatVersion, value: bytes)
            // Nothing stored, so no union duplicates: kept from the first write on.
            try txn.put(databases.meta, key: MetaKey.unionDuplicatesKept, value: IDBytes.array(1))
            for (prefix, iri) in defaultPrefixes {
                try txn.put(databases.prefixes, key: Array(prefix.utf8), value: Array(iri.utf8), flags: .noOverwrite)
            }
        }
    }

    /// Prefixes every new store knows.
    public static let defaultPrefixes: [(String, String)] = [
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("owl", "http://www.w3.org/2002/07/owl#"),
        ("schema", "https://schema.org/"),
        ("prov", "http://www.w3.org/ns/prov#"),
        ("pv", "https://parley.dev/ns#"),
        ("pe", "https://parley.dev/id/"),
    ]

    /// Runs `body` in an LMDB read transaction, errors given the store's path.
    func readTransaction<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        do {
            return try environment.read(body)
        } catch {
            throw withPath(error)
        }
    }

    /// Runs `body` in the store's LMDB write transaction (one writer at a time, also across
    /// processes). May run `body` again if the map had to grow.
    func writeTransaction<R>(_ body: (inout WriteTransaction) throws -> R) throws -> R {
        guard !environment.options.readOnly else { throw StoreError.readOnly(path: path) }
        do {
            return try environment.write(body)
        } catch {
            throw withPath(error)
        }
    }

    /// LMDB errors and inconsistencies found inside a transaction, given the store's path.
    func withPath(_ error: any Error) -> any Error {
        if let error = error as? LMDBError { return StoreError.storage(StorageFailure(error), path: path) }
        if case StoreError.corrupt(let what) = error { return StoreError.inconsistent(path: path, what: what) }
        return error
    }
}

/// Keys of the `meta` database.
enum MetaKey {
    static let formatVersion = Array("format-version".utf8)
    static let nextID = Array("next-id".utf8)
    static let loadSerial = Array("load-serial".utf8)
    /// Present when the store keeps ``StatisticKey/unionDuplicates``.
    static let unionDuplicatesKept = Array("union-duplicates-kept".utf8)
}
