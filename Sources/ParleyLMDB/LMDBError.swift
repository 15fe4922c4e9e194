import CLMDB

/// An LMDB failure: which operation failed, on which database, with which result code.
///
/// Reads like `LMDB put on 'spog' failed: MDB_MAP_FULL: Environment mapsize limit reached`.
/// Codes are matched by their Swift names (`error.code == .mapFull`); the C constant is in
/// each name's doc comment.
public struct LMDBError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An LMDB or system result code.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// `MDB_KEYEXIST`: key/data pair already exists.
        public static let keyExists = Code(rawValue: MDB_KEYEXIST)
        /// `MDB_NOTFOUND`: no matching key/data pair.
        public static let notFound = Code(rawValue: MDB_NOTFOUND)
        /// `MDB_MAP_FULL`: the environment's map size is reached.
        public static let mapFull = Code(rawValue: MDB_MAP_FULL)
        /// `MDB_MAP_RESIZED`: another process grew the map beyond this one's size.
        public static let mapResized = Code(rawValue: MDB_MAP_RESIZED)
        /// `MDB_DBS_FULL`: too many named databases.
        public static let databasesFull = Code(rawValue: MDB_DBS_FULL)
        /// `MDB_READERS_FULL`: the reader lock table is full.
        public static let readersFull = Code(rawValue: MDB_READERS_FULL)
        /// `MDB_TXN_FULL`: the transaction has too many dirty pages.
        public static let transactionFull = Code(rawValue: MDB_TXN_FULL)
        /// `MDB_PAGE_NOTFOUND`: a page link points nowhere (a damaged file).
        public static let pageNotFound = Code(rawValue: MDB_PAGE_NOTFOUND)
        /// `MDB_PANIC`: an earlier fatal error left the environment unusable.
        public static let panic = Code(rawValue: MDB_PANIC)
        /// `MDB_CORRUPTED`: located page was wrong type.
        public static let corrupted = Code(rawValue: MDB_CORRUPTED)
        /// `MDB_INVALID`: the file is not an LMDB file.
        public static let invalid = Code(rawValue: MDB_INVALID)
        /// `MDB_VERSION_MISMATCH`: the library version does not match the environment's.
        public static let versionMismatch = Code(rawValue: MDB_VERSION_MISMATCH)
        /// `MDB_INCOMPATIBLE`: the operation and the database's flags disagree.
        public static let incompatible = Code(rawValue: MDB_INCOMPATIBLE)
        /// `MDB_BAD_VALSIZE`: key too long or data size wrong for the database.
        public static let badValueSize = Code(rawValue: MDB_BAD_VALSIZE)
        /// `EIO`: input/output error. LMDB also returns it for a short write, which is what a
        /// full disk usually causes during a commit.
        public static let ioError = Code(rawValue: 5)
        /// `EACCES`: permission denied (a read-only store directory, for example).
        public static let permissionDenied = Code(rawValue: 13)
        /// `ENOSPC`: no space left on the device.
        public static let noSpace = Code(rawValue: 28)
        /// `EROFS`: read-only file system.
        public static let readOnlyFileSystem = Code(rawValue: 30)
    }

    /// The LMDB call that failed, by what it does.
    public enum Operation: String, Hashable, Sendable {
        case createEnvironment = "mdb_env_create"
        case configure = "configure environment"
        case open = "open environment"
        case beginTransaction = "begin transaction"
        case commit
        case openDatabase = "open database"
        case get
        case put
        case delete
        case drop
        case openCursor = "open cursor"
        case cursorGet = "cursor get"
        case cursorPut = "cursor put"
        case cursorDelete = "cursor delete"
        case count
        case statistics
        case resize = "grow map"
        case readerCheck = "reader check"
        case copy = "copy environment"
    }

    public var code: Code
    public var operation: Operation
    /// The named database involved, when there is one.
    public var database: String?

    public init(code: Code, operation: Operation, database: String? = nil) {
        self.code = code
        self.operation = operation
        self.database = database
    }

    /// Whether the code says the file's pages are damaged (`MDB_PAGE_NOTFOUND`,
    /// `MDB_CORRUPTED`, `MDB_PANIC`, `MDB_INVALID` met after the open).
    public var isDamage: Bool {
        code == .pageNotFound || code == .corrupted || code == .panic || code == .invalid
    }

    public var description: String {
        let message = code == .badValueSize
            ? "MDB_BAD_VALSIZE: a key must be 1 to 511 bytes (and a DUPFIXED value its fixed size)"
            : String(cString: mdb_strerror(code.rawValue))
        let on = database.map { " on '\($0)'" } ?? ""
        return "LMDB \(operation.rawValue)\(on) failed: \(message)"
    }
}

/// The one place C result codes become Swift errors.
@inline(__always)
func check(_ code: Int32, _ operation: LMDBError.Operation, database: String? = nil) throws(LMDBError) {
    if code != MDB_SUCCESS { throw LMDBError(code: .init(rawValue: code), operation: operation, database: database) }
}
