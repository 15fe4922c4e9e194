import CLMDB

/// A handle to a named database inside an ``Environment``. Cheap to copy; valid for the
/// environment's lifetime once the transaction that opened it has committed.
public struct Database: Hashable, Sendable {
    let handle: MDB_dbi
    /// The name it was opened by, for error messages.
    public let name: String

    init(handle: MDB_dbi, name: String) {
        self.handle = handle
        self.name = name
    }

    /// How a database orders and stores its entries (`MDB_DUPSORT` and friends).
    public struct Flags: OptionSet, Hashable, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// `MDB_DUPSORT`: several sorted values per key.
        public static let duplicateSort = Flags(rawValue: UInt32(MDB_DUPSORT))
        /// `MDB_DUPFIXED`: with `duplicateSort`, all values of a key have one size, packed
        /// without per-value headers.
        public static let duplicateFixed = Flags(rawValue: UInt32(MDB_DUPFIXED))
        /// `MDB_INTEGERKEY`: keys are native-endian unsigned integers.
        public static let integerKey = Flags(rawValue: UInt32(MDB_INTEGERKEY))
        /// `MDB_CREATE`: create the database if it does not exist (write transactions only).
        public static let create = Flags(rawValue: UInt32(MDB_CREATE))
    }

    /// Counts from `mdb_stat`.
    public struct Statistics: Hashable, Sendable {
        public var pageSize: Int
        public var depth: Int
        public var branchPages: Int
        public var leafPages: Int
        public var overflowPages: Int
        /// Data items: for a `duplicateSort` database, every value counts.
        public var entries: Int

        /// Bytes in all its pages.
        public var bytes: Int { (branchPages + leafPages + overflowPages) * pageSize }
    }
}

/// Flags for a put (`MDB_NOOVERWRITE`, `MDB_APPEND`, …).
public struct PutFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `MDB_NOOVERWRITE`: fail with `keyExists` if the key is present.
    public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
    /// `MDB_NODUPDATA`: in a `duplicateSort` database, fail with `keyExists` if the pair exists.
    public static let noDuplicateData = PutFlags(rawValue: UInt32(MDB_NODUPDATA))
    /// `MDB_APPEND`: the key sorts after every key in the database (fast bulk load).
    public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
    /// `MDB_APPENDDUP`: the value sorts after every value of its key.
    public static let appendDuplicate = PutFlags(rawValue: UInt32(MDB_APPENDDUP))
}
