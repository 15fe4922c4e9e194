#if canImport(Glibc)
import Glibc
#endif

/// A walk over every B-tree page of `data.mdb` with plain `pread` calls, never through LMDB's
/// memory map: a damaged page is reported, not followed, so a check of a damaged store cannot
/// crash. Each page must be inside the file, carry its own number, have a sane header, nodes
/// that lie inside it, keys in order and children (branch, overflow, duplicate sub-pages and
/// sub-trees) that check in turn; no page may be reached twice; each tree's entry count must
/// match its record.
///
/// Page layout (liblmdb 0.9, `mdb.c`): a 16-byte header (`mp_pgno` at 0, `mp_pad` at 8,
/// `mp_flags` at 10, `mp_lower` at 12, `mp_upper` at 14; overflow pages keep their page count
/// at 12), then 2-byte node offsets; a node is `mn_lo`, `mn_hi`, `mn_flags`, `mn_ksize`, the
/// key and the data. `LEAF2` pages pack fixed-size keys right after the header.
public struct PageAudit: Sendable {
    /// What the walk found in one tree.
    public struct Tree: Sendable {
        /// Pages of the tree (overflow and duplicate sub-trees included).
        public var pages = 0
        /// Entries found, every duplicate counted.
        public var entries = 0
        /// The first damage found, or `nil` when the tree is sound.
        public var problem: String?
        /// The tree's root page, `nil` when it is empty.
        public var root: Int?
    }

    public var header: DataFileHeader
    /// The tree of free pages.
    public var freeTree: Tree
    /// The main tree, whose entries are the named databases.
    public var mainTree: Tree
    /// Each named database the main tree lists.
    public var databases: [String: Tree]

    /// Audits `directory/data.mdb`; `nil` when there is no data file.
    public static func run(directory: String) throws(DataFileProblem) -> PageAudit? {
        guard let header = try DataFileHeader.read(directory: directory) else { return nil }
        let fd = open(directory + "/data.mdb", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(errno: errno) }
        defer { close(fd) }
        var walker = PageWalker(fd: fd, header: header)
        let free = walker.audit(header.freeTree)
        var named: [(String, TreeRecord)] = []
        let main = walker.audit(header.mainTree, named: &named)
        var databases: [String: Tree] = [:]
        for (name, record) in named { databases[name] = walker.audit(record) }
        return PageAudit(header: header, freeTree: free, mainTree: main, databases: databases)
    }
}

/// The page-by-page walk behind ``PageAudit``.
struct PageWalker {
    struct Damage: Error { var message: String }

    static let headerSize = 16
    static let branch: UInt16 = 0x01, leaf: UInt16 = 0x02, overflow: UInt16 = 0x04
    static let leaf2: UInt16 = 0x20, subPage: UInt16 = 0x40
    static let bigData: UInt16 = 0x01, subData: UInt16 = 0x02, dupData: UInt16 = 0x04
    static let integerKey: UInt16 = 0x08, reverseKey: UInt16 = 0x02, dupSort: UInt16 = 0x04
    static let maximumDepth = 32

    let fd: Int32
    let header: DataFileHeader
    private var seen: [Bool]
    private var pagesRead = 0

    init(fd: Int32, header: DataFileHeader) {
        self.fd = fd
        self.header = header
        seen = [Bool](repeating: false, count: header.lastPage + 1)
    }

    /// Walks one tree; `named` collects the named-database records of the main tree.
    mutating func audit(_ record: TreeRecord) -> PageAudit.Tree {
        var none: [(String, TreeRecord)] = []
        return audit(record, named: &none)
    }

    mutating func audit(_ record: TreeRecord, named: inout [(String, TreeRecord)]) -> PageAudit.Tree {
        let before = pagesRead
        var tree = PageAudit.Tree()
        tree.root = record.root
        do {
            tree.entries = try walkTree(record, named: &named)
        } catch {
            tree.problem = error.message
        }
        tree.pages = pagesRead - before
        return tree
    }

    private mutating func walkTree(_ record: TreeRecord, named: inout [(String, TreeRecord)]) throws(Damage) -> Int {
        guard let root = record.root else {
            guard record.entries == 0 else { throw Damage(message: "its record counts \(record.entries) entries but it has no pages") }
            return 0
        }
        let entries = try walkPage(try readPage(root), page: root, record: record, level: 0, named: &named)
        guard entries == record.entries else {
            throw Damage(message: "its record counts \(record.entries) entries but its pages hold \(entries)")
        }
        return entries
    }

    private mutating func readPage(_ number: Int) throws(Damage) -> [UInt8] {
        guard number >= 2, number <= header.lastPage else {
            throw Damage(message: "a link points to page \(number), outside the file's pages 2–\(header.lastPage)")
        }
        guard !seen[number] else { throw Damage(message: "page \(number) is reached twice") }
        seen[number] = true
        pagesRead += 1
        var page = [UInt8](repeating: 0, count: header.pageSize)
        let got = page.withUnsafeMutableBytes { pread(fd, $0.baseAddress, header.pageSize, off_t(number * header.pageSize)) }
        guard got == header.pageSize else { throw Damage(message: "page \(number) cannot be read") }
        let stored = page.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        guard stored == UInt64(number) else { throw Damage(message: "page \(number) is overwritten (it holds page number \(stored))") }
        return page
    }

    /// Checks one page (or an inline duplicate sub-page when `page` is `nil`); returns its entries.
    private mutating func walkPage(_ bytes: [UInt8], page: Int?, record: TreeRecord, level: Int,
                                   named: inout [(String, TreeRecord)]) throws(Damage) -> Int {
        let place = page.map { "page \($0)" } ?? "a duplicate sub-page"
        func damaged(_ what: String) -> Damage { Damage(message: "\(place): \(what)") }
        guard level < Self.maximumDepth else { throw damaged("the tree is deeper than LMDB allows") }
        let size = bytes.count
        let flags = u16(bytes, 10), lower = Int(u16(bytes, 12)), upper = Int(u16(bytes, 14))
        guard lower >= Self.headerSize, lower <= upper, upper <= size, (lower - Self.headerSize) % 2 == 0 else {
            throw damaged("its header is damaged")
        }
        let count = (lower - Self.headerSize) / 2
        guard count >= 1 else { throw damaged("it holds no entries") }
        let isBranch = flags & Self.branch != 0
        guard isBranch != (flags & Self.leaf != 0) else { throw damaged("it is neither a branch nor a leaf page") }
        if page == nil && (flags & Self.subPage == 0 || isBranch) { throw damaged("it is not a sub-page") }
        let order = KeyOrder(flags: record.flags)
        if flags & Self.leaf2 != 0 {
            let width = page == nil ? Int(u16(bytes, 8)) : Int(record.pad)
            guard width > 0, Self.headerSize + count * width <= size else { throw damaged("its fixed-size keys overrun it") }
            for i in 1..<max(count, 1) where !order.ascending(bytes, Self.headerSize + (i - 1) * width, width,
                                                               Self.headerSize + i * width, width) {
                throw damaged("keys \(i - 1) and \(i) are out of order")
            }
            return count
        }
        var entries = 0
        var previous: (Int, Int)?
        for i in 0..<count {
            let node = Int(u16(bytes, Self.headerSize + 2 * i))
            guard node >= upper, node + 8 <= size else { throw damaged("node \(i) lies outside the page") }
            let keySize = Int(u16(bytes, node + 6)), nodeFlags = u16(bytes, node + 4)
            let key = node + 8
            guard key + keySize <= size else { throw damaged("node \(i)'s key overruns the page") }
            if !(isBranch && i == 0) {
                if let (offset, length) = previous, !order.ascending(bytes, offset, length, key, keySize) {
                    throw damaged("keys \(i - 1) and \(i) are out of order")
                }
                previous = (key, keySize)
            }
            let low = Int(u16(bytes, node)), high = Int(u16(bytes, node + 2))
            if isBranch {
                let child = low | high << 16 | Int(nodeFlags) << 32
                entries += try walkPage(try readPage(child), page: child, record: record, level: level + 1, named: &named)
                continue
            }
            let dataSize = low | high << 16
            let data = key + keySize
            if nodeFlags & Self.bigData != 0 {
                guard data + 8 <= size else { throw damaged("node \(i)'s overflow link overruns the page") }
                try walkOverflow(Int(truncatingIfNeeded: u64(bytes, data)), dataSize: dataSize)
                entries += 1
                continue
            }
            guard data + dataSize <= size else { throw damaged("node \(i)'s data overruns the page") }
            if nodeFlags & Self.dupData != 0 {
                guard record.flags & Self.dupSort != 0 else { throw damaged("node \(i) has duplicates in a tree without them") }
                let slice = Array(bytes[data..<(data + dataSize)])
                let subRecord = TreeRecord(pad: record.pad, flags: dupFlags(record.flags), depth: 0, entries: 0, root: nil)
                if nodeFlags & Self.subData != 0 {
                    guard dataSize == TreeRecord.byteCount else { throw damaged("node \(i)'s sub-tree record is malformed") }
                    let sub = slice.withUnsafeBytes { TreeRecord($0, at: 0) }
                    var none: [(String, TreeRecord)] = []
                    entries += try walkTree(sub, named: &none)
                } else {
                    guard dataSize >= Self.headerSize else { throw damaged("node \(i)'s duplicate sub-page is malformed") }
                    var none: [(String, TreeRecord)] = []
                    entries += try walkPage(slice, page: nil, record: subRecord, level: level + 1, named: &none)
                }
            } else if nodeFlags & Self.subData != 0 {
                guard dataSize == TreeRecord.byteCount else { throw damaged("node \(i)'s database record is malformed") }
                let name = String(decoding: bytes[key..<(key + keySize)], as: UTF8.self)
                named.append((name, bytes.withUnsafeBytes { TreeRecord($0, at: data) }))
                entries += 1
            } else {
                entries += 1
            }
        }
        return entries
    }

    /// Duplicates compare with `memcmp` unless the tree asks for integer or reversed order.
    private func dupFlags(_ flags: UInt16) -> UInt16 {
        // MDB_INTEGERDUP (0x20) and MDB_REVERSEDUP (0x40) become the sub-tree's key order.
        (flags & 0x20 != 0 ? Self.integerKey : 0) | (flags & 0x40 != 0 ? Self.reverseKey : 0)
    }

    private mutating func walkOverflow(_ first: Int, dataSize: Int) throws(Damage) {
        let page = try readPage(first)
        guard u16(page, 10) & Self.overflow != 0 else { throw Damage(message: "page \(first) should be an overflow page") }
        let count = Int(u32(page, 12))
        guard count >= 1, first + count - 1 <= header.lastPage, Self.headerSize + dataSize <= count * header.pageSize else {
            throw Damage(message: "overflow page \(first) has a damaged page count")
        }
        for number in (first + 1)..<(first + count) {
            guard !seen[number] else { throw Damage(message: "page \(number) is reached twice") }
            seen[number] = true
            pagesRead += 1
        }
    }

    private func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt16.self) }
    }

    private func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
    }

    private func u64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
    }
}

/// How a tree orders its keys: `memcmp`, native integers (`MDB_INTEGERKEY`), or reversed
/// bytes (`MDB_REVERSEKEY`, not checked).
struct KeyOrder {
    var integer: Bool
    var reversed: Bool

    init(flags: UInt16) {
        integer = flags & PageWalker.integerKey != 0
        reversed = flags & PageWalker.reverseKey != 0
    }

    /// Whether the key at `a` sorts strictly before the key at `b`.
    func ascending(_ bytes: [UInt8], _ a: Int, _ aLength: Int, _ b: Int, _ bLength: Int) -> Bool {
        if reversed { return true }
        return bytes.withUnsafeBytes { raw in
            if integer && aLength == 8 && bLength == 8 {
                return raw.loadUnaligned(fromByteOffset: a, as: UInt64.self) < raw.loadUnaligned(fromByteOffset: b, as: UInt64.self)
            }
            let common = min(aLength, bLength)
            let order = common == 0 ? 0 : memcmp(raw.baseAddress! + a, raw.baseAddress! + b, common)
            return order < 0 || (order == 0 && aLength < bLength)
        }
    }
}

extension TreeRecord {
    init(pad: UInt32, flags: UInt16, depth: Int, entries: Int, root: Int?) {
        self.pad = pad
        self.flags = flags
        self.depth = depth
        self.entries = entries
        self.root = root
    }
}
