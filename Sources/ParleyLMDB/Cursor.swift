import CLMDB

/// A position in one database, valid only inside ``Transaction/withCursor(_:_:)``'s closure.
///
/// Not a `Sequence`: moving can fail, and the bytes it lends are valid only until the next
/// move or write. Copy what you keep.
public struct Cursor: ~Copyable {
    let handle: OpaquePointer
    /// The database the cursor walks.
    public let database: Database
    /// Set for cursors of a write transaction that may be dropped after it ends.
    private let release: CursorRelease?

    init(handle: OpaquePointer, database: Database, release: CursorRelease? = nil) {
        self.handle = handle
        self.database = database
        self.release = release
    }

    deinit {
        // lmdb.h: a write transaction's cursors are closed when it ends; closing one again
        // would free it twice. A read transaction's cursors must be closed, before or after.
        if let release, release.transactionEnded { return }
        mdb_cursor_close(handle)
    }

    /// A key and value lent by the cursor until its next move.
    public struct Entry {
        public var key: UnsafeRawBufferPointer
        public var value: UnsafeRawBufferPointer
    }

    /// Cursor moves (`MDB_cursor_op`).
    public enum Move: Sendable {
        /// `MDB_FIRST`
        case first
        /// `MDB_LAST`
        case last
        /// `MDB_NEXT`: next value, of this key or the next.
        case next
        /// `MDB_PREV`
        case previous
        /// `MDB_NEXT_NODUP`: first value of the next key.
        case nextKey
        /// `MDB_NEXT_DUP`: next value of the current key only.
        case nextDuplicate
        /// `MDB_FIRST_DUP`
        case firstDuplicate
        /// `MDB_GET_CURRENT`
        case current
        /// `MDB_SET_KEY`: exactly this key.
        case setKey
        /// `MDB_SET_RANGE`: the first key at or after this one.
        case setRange
        /// `MDB_GET_BOTH_RANGE`: this key, the first value at or after this value.
        case keyAndValueRange
        /// `MDB_GET_BOTH`: exactly this key and value.
        case keyAndValue
        /// `MDB_GET_MULTIPLE`: up to a page of fixed-size values of the current key.
        case multiple
        /// `MDB_NEXT_MULTIPLE`: the next page of fixed-size values of the current key.
        case nextMultiple

        var op: MDB_cursor_op {
            switch self {
            case .first: MDB_FIRST
            case .last: MDB_LAST
            case .next: MDB_NEXT
            case .previous: MDB_PREV
            case .nextKey: MDB_NEXT_NODUP
            case .nextDuplicate: MDB_NEXT_DUP
            case .firstDuplicate: MDB_FIRST_DUP
            case .current: MDB_GET_CURRENT
            case .setKey: MDB_SET_KEY
            case .setRange: MDB_SET_RANGE
            case .keyAndValueRange: MDB_GET_BOTH_RANGE
            case .keyAndValue: MDB_GET_BOTH
            case .multiple: MDB_GET_MULTIPLE
            case .nextMultiple: MDB_NEXT_MULTIPLE
            }
        }
    }

    /// Moves the cursor; returns the entry there, or `nil` when there is none (`MDB_NOTFOUND`).
    /// `key` and `value` are the search arguments of the moves that take them.
    @inline(__always)
    public mutating func move(_ move: Move, key: UnsafeRawBufferPointer? = nil,
                              value: UnsafeRawBufferPointer? = nil) throws(LMDBError) -> Entry? {
        var k = key.map(MDB_val.init) ?? MDB_val()
        var v = value.map(MDB_val.init) ?? MDB_val()
        let code = mdb_cursor_get(handle, &k, &v, move.op)
        if code == MDB_NOTFOUND { return nil }
        try check(code, .cursorGet, database: database.name)
        return Entry(key: k.buffer, value: v.buffer)
    }

    /// The next entry (`MDB_NEXT`), or `nil` at the end.
    public mutating func next() throws(LMDBError) -> Entry? { try move(.next) }

    /// How many values the current key has (`mdb_cursor_count`).
    public func duplicateCount() throws(LMDBError) -> Int {
        var count = 0
        try check(mdb_cursor_count(handle, &count), .count, database: database.name)
        return count
    }

    /// Stores a pair at the right place (or at the end with `append`). Returns `false` when
    /// `noOverwrite`/`noDuplicateData` found it already there.
    @inline(__always)
    @discardableResult
    public mutating func put(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer,
                             flags: PutFlags = []) throws(LMDBError) -> Bool {
        var k = MDB_val(key)
        var v = MDB_val(value)
        let code = mdb_cursor_put(handle, &k, &v, flags.rawValue)
        if code == MDB_KEYEXIST { return false }
        try check(code, .cursorPut, database: database.name)
        return true
    }

    /// Stores `count` fixed-size values of `elementSize` bytes each, packed in `values`, under
    /// one key (`MDB_MULTIPLE`; the database must be `duplicateFixed`). Returns how many were
    /// stored.
    @discardableResult
    public mutating func putMultiple(key: UnsafeRawBufferPointer, values: UnsafeRawBufferPointer,
                                     elementSize: Int, flags: PutFlags = []) throws(LMDBError) -> Int {
        var k = MDB_val(key)
        var pair = (MDB_val(mv_size: elementSize, mv_data: UnsafeMutableRawPointer(mutating: values.baseAddress)),
                    MDB_val(mv_size: values.count / elementSize, mv_data: nil))
        let code = withUnsafeMutablePointer(to: &pair) { pointer in
            pointer.withMemoryRebound(to: MDB_val.self, capacity: 2) {
                mdb_cursor_put(handle, &k, $0, flags.rawValue | UInt32(MDB_MULTIPLE))
            }
        }
        try check(code, .cursorPut, database: database.name)
        return pair.1.mv_size
    }

    /// Deletes the entry at the cursor; `allDuplicates` deletes every value of its key.
    public mutating func delete(allDuplicates: Bool = false) throws(LMDBError) {
        try check(mdb_cursor_del(handle, allDuplicates ? UInt32(MDB_NODUPDATA) : 0),
                  .cursorDelete, database: database.name)
    }
}

@available(*, unavailable)
extension Cursor: Sendable {}
