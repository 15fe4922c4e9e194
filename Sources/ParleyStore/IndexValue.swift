/// The value of an index entry: the ids after the key, 16 bytes in every index, laid out so
/// that `memcmp` order (LMDB's order of duplicates) is the numeric order of the ids.
///
/// - Default graph (`spo`, `pos`, `osp`): the two ids as big-endian 64-bit integers.
/// - Named graphs (`spog`, `posg`, `ospg`): the three ids, 42 bits each, as one big-endian
///   128-bit integer `b << 84 | c << 42 | d`. The store hands out ids one after another from
///   1 and refuses to pass 2^42 (``TripleKey/maxID``), so every id fits, and a named quad
///   costs the same 16 bytes per index as a default-graph triple.
extension QuadIndex {
    /// The bits of one id in a named index's value.
    static let packedWidth = 42
    private static let packedMask: UInt64 = (1 << 42) - 1
    /// The bits of `c` that share the first 64-bit half with `b`.
    private static let splitHigh = 20

    /// Writes `(b, c, d)`, the ids after the key in this index's order, as a value at `base`
    /// (``valueSize`` bytes; `d` is ignored by the default graph's indexes).
    @inline(__always)
    func storeValue(_ b: TermID, _ c: TermID, _ d: TermID, to base: UnsafeMutableRawPointer) {
        if isDefaultGraph {
            IDBytes.store(b, to: base, at: 0)
            IDBytes.store(c, to: base, at: 8)
            return
        }
        let high = b << Self.splitHigh | c >> (Self.packedWidth - Self.splitHigh)
        let low = (c & ((1 << (Self.packedWidth - Self.splitHigh)) - 1)) << Self.packedWidth | d
        IDBytes.store(high, to: base, at: 0)
        IDBytes.store(low, to: base, at: 8)
    }

    /// The value `(b, c, d)` as bytes (``valueSize`` of them).
    func valueBytes(_ b: TermID, _ c: TermID, _ d: TermID) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: valueSize)
        bytes.withUnsafeMutableBytes { storeValue(b, c, d, to: $0.baseAddress!) }
        return bytes
    }

    /// Calls `body` with the value `(b, c, d)` laid out in a buffer on the stack (no
    /// allocation: one per row of a join adds up).
    @inline(__always)
    func withValueBytes<R>(_ b: TermID, _ c: TermID, _ d: TermID,
                           _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var storage: (UInt64, UInt64) = (0, 0)
        return try withUnsafeMutableBytes(of: &storage) { raw in
            storeValue(b, c, d, to: raw.baseAddress!)
            return try body(UnsafeRawBufferPointer(start: raw.baseAddress, count: valueSize))
        }
    }

    /// The ids of a value of ``valueSize`` bytes (`d` is 0 in the default graph's indexes).
    @inline(__always)
    func loadValue(_ value: UnsafeRawBufferPointer) -> (TermID, TermID, TermID) {
        let high = IDBytes.load(value, at: 0), low = IDBytes.load(value, at: 8)
        if isDefaultGraph { return (high, low, 0) }
        let b = high >> Self.splitHigh
        let c = (high & ((1 << Self.splitHigh) - 1)) << (Self.packedWidth - Self.splitHigh) | low >> Self.packedWidth
        return (b, c, low & Self.packedMask)
    }
}
