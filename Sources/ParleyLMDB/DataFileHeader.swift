#if canImport(Glibc)
import Glibc
#endif

/// What LMDB's two meta pages say about `data.mdb`, read with plain `pread` calls, never
/// through the memory map, so that a damaged or short file is found before anything maps it.
///
/// Layout (liblmdb 0.9, 64-bit, `mdb.c`): each meta page is a 16-byte page header (`mp_pgno`,
/// `mp_pad`, `mp_flags` with `P_META`, `mp_lower`/`mp_upper`) followed by `MDB_meta`:
/// `mm_magic` (0xBEEFC0DE) at 0, `mm_version` (1) at 4, `mm_address` at 8, `mm_mapsize` at 16,
/// the free and main `MDB_db` records (48 bytes each) at 24 and 72 (the free one's `md_pad` is
/// the page size), `mm_last_pg` at 120 and `mm_txnid` at 128. Page 0 is at offset 0 and page 1
/// at offset `page size`; LMDB uses the valid one with the higher transaction id.
public struct DataFileHeader: Hashable, Sendable {
    /// Bytes in `data.mdb`.
    public var fileSize: Int
    /// LMDB's page size for this file.
    public var pageSize: Int
    /// The last page the newest committed transaction uses.
    public var lastPage: Int
    /// The newest committed transaction.
    public var transactionID: UInt64
    /// The tree of free pages and the main tree (whose entries are the named databases).
    public var freeTree: TreeRecord
    public var mainTree: TreeRecord

    /// Where the data ends: the file must be at least this long.
    public var dataEnd: Int { (lastPage + 1) * pageSize }

    /// Reads the header of `directory/data.mdb`. Returns `nil` when there is no data file yet
    /// or it is empty (LMDB then makes a new one); throws what makes the file unusable.
    public static func read(directory: String) throws(DataFileProblem) -> DataFileHeader? {
        let path = directory + "/data.mdb"
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return nil
            case ELOOP: throw .symbolicLinkLoop
            default: throw .unreadable(errno: errno)
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(errno: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .notAFile("a directory") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notAFile("not a regular file") }
        let size = Int(info.st_size)
        if size == 0 { return nil }
        let first = try MetaPage.read(fd, at: 0)
        let pageSize = first?.pageSize ?? Int(sysconf(Int32(_SC_PAGESIZE)))
        let second = try MetaPage.read(fd, at: pageSize)
        guard let newest = [first, second].compactMap({ $0 }).max(by: { $0.transactionID < $1.transactionID }) else {
            if size < MetaPage.byteCount, MetaPage.hasMagic(fd) { throw .headerTruncated(fileSize: size) }
            throw .notLMDB
        }
        let header = DataFileHeader(fileSize: size, pageSize: newest.pageSize, lastPage: newest.lastPage,
                                    transactionID: newest.transactionID,
                                    freeTree: newest.freeTree, mainTree: newest.mainTree)
        guard size >= header.dataEnd else { throw .truncated(fileSize: size, dataEnd: header.dataEnd) }
        guard newest.version == 1 else { throw .versionMismatch }
        if first == nil { throw .headerPageDamaged(page: 0) }
        if second == nil { throw .headerPageDamaged(page: 1) }
        return header
    }
}

/// The record LMDB keeps for one B-tree (`MDB_db`, 48 bytes).
public struct TreeRecord: Hashable, Sendable {
    /// `md_pad`: the page size in the free tree's record, the value size of a `DUPFIXED` tree.
    public var pad: UInt32
    /// `md_flags` (`MDB_DUPSORT`, `MDB_INTEGERKEY`, …).
    public var flags: UInt16
    public var depth: Int
    /// `md_entries`: items, every duplicate counted.
    public var entries: Int
    /// `md_root`, or `nil` for an empty tree (`P_INVALID`).
    public var root: Int?

    static let byteCount = 48

    init(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        pad = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        flags = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt16.self)
        depth = Int(bytes.loadUnaligned(fromByteOffset: offset + 6, as: UInt16.self))
        entries = Int(truncatingIfNeeded: bytes.loadUnaligned(fromByteOffset: offset + 32, as: UInt64.self))
        let root = bytes.loadUnaligned(fromByteOffset: offset + 40, as: UInt64.self)
        self.root = root == UInt64.max ? nil : Int(truncatingIfNeeded: root)
    }
}

/// Why `data.mdb` cannot be used, found before LMDB maps it.
public enum DataFileProblem: Error, Hashable, Sendable {
    /// The file is shorter than the pages its newest transaction uses (a cut-short copy).
    case truncated(fileSize: Int, dataEnd: Int)
    /// The file starts like LMDB's but ends inside its first header page.
    case headerTruncated(fileSize: Int)
    /// One of the two meta pages is not a valid meta page; LMDB refuses such a file.
    case headerPageDamaged(page: Int)
    /// Neither meta page is valid: this is not an LMDB file.
    case notLMDB
    /// The meta page has another LMDB data version.
    case versionMismatch
    /// `data.mdb` is a directory or something else that is not a file.
    case notAFile(String)
    /// `data.mdb` is a symbolic link that loops (`ELOOP`).
    case symbolicLinkLoop
    /// The file cannot be opened or read (`errno`).
    case unreadable(errno: Int32)
}

/// One parsed meta page.
struct MetaPage {
    static let byteCount = 16 + 136
    static let magic: UInt32 = 0xBEEF_C0DE
    static let metaFlag: UInt16 = 0x08

    var version: UInt32
    var pageSize: Int
    var lastPage: Int
    var transactionID: UInt64
    var freeTree: TreeRecord
    var mainTree: TreeRecord

    /// The meta page at `offset`, or `nil` when the bytes there are not one.
    static func read(_ fd: Int32, at offset: Int) throws(DataFileProblem) -> MetaPage? {
        var buffer = [UInt8](repeating: 0, count: byteCount)
        let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, byteCount, off_t(offset)) }
        if got < 0 { throw .unreadable(errno: errno) }
        guard got == byteCount else { return nil }
        return buffer.withUnsafeBytes { raw -> MetaPage? in
            let flags = raw.loadUnaligned(fromByteOffset: 10, as: UInt16.self)
            guard flags & metaFlag != 0, raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self) == magic else { return nil }
            let free = TreeRecord(raw, at: 16 + 24)
            let pageSize = Int(free.pad)
            // LMDB pages are a power of two from 512 bytes to 64 KiB.
            guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else { return nil }
            let lastPage = raw.loadUnaligned(fromByteOffset: 16 + 120, as: UInt64.self)
            guard lastPage >= 1, lastPage < 1 << 40 else { return nil }
            return MetaPage(version: raw.loadUnaligned(fromByteOffset: 20, as: UInt32.self), pageSize: pageSize,
                            lastPage: Int(lastPage),
                            transactionID: raw.loadUnaligned(fromByteOffset: 16 + 128, as: UInt64.self),
                            freeTree: free, mainTree: TreeRecord(raw, at: 16 + 72))
        }
    }

    /// Whether the file holds LMDB's magic number where page 0's would be.
    static func hasMagic(_ fd: Int32) -> Bool {
        var word: UInt32 = 0
        return pread(fd, &word, 4, 16) == 4 && word == magic
    }
}
