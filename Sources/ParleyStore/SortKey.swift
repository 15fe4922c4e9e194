/// A quad's ids packed in one index's order, so that a load sorts plain integers: ascending
/// keys are the index's key order, and equal keys are the same quad.
protocol SortKey: Comparable, BitwiseCopyable {
    /// The quad's ids in `index`'s order.
    init(_ quad: IDQuad, order index: QuadIndex)
    /// The ids in the key's index order (the fourth is 0 for a triple).
    var ids: (TermID, TermID, TermID, TermID) { get }
    /// The largest id a key can hold.
    static var maxID: TermID { get }
}

extension SortKey {
    /// The key of the same quad in another index's order.
    @inline(__always)
    func reordered(from source: QuadIndex, to target: QuadIndex) -> Self {
        let (a, b, c, d) = ids
        return Self(source.unpermute(a, b, c, d), order: target)
    }
}

/// A default-graph triple as one 128-bit integer: three 42-bit ids. Store ids are handed out
/// one after another from 1, so 2^42 (4.4 trillion terms) is never reached.
struct TripleKey: SortKey {
    var bits: UInt128

    static let width: UInt128 = 42
    static let mask: UInt128 = (1 << width) - 1
    static var maxID: TermID { TermID(mask) }

    @inline(__always)
    init(_ quad: IDQuad, order index: QuadIndex) {
        let (a, b, c, _) = index.permute(quad)
        bits = UInt128(a) << (Self.width * 2) | UInt128(b) << Self.width | UInt128(c)
    }

    @inline(__always)
    var ids: (TermID, TermID, TermID, TermID) {
        (TermID(truncatingIfNeeded: bits >> (Self.width * 2)), TermID(truncatingIfNeeded: (bits >> Self.width) & Self.mask),
         TermID(truncatingIfNeeded: bits & Self.mask), 0)
    }

    @inline(__always)
    static func < (l: TripleKey, r: TripleKey) -> Bool { l.bits < r.bits }
}

/// A named-graph quad as two 128-bit integers: four full 64-bit ids.
struct QuadKey: SortKey {
    var high: UInt128
    var low: UInt128

    static var maxID: TermID { TermID.max }

    @inline(__always)
    init(_ quad: IDQuad, order index: QuadIndex) {
        let (a, b, c, d) = index.permute(quad)
        high = UInt128(a) << 64 | UInt128(b)
        low = UInt128(c) << 64 | UInt128(d)
    }

    @inline(__always)
    var ids: (TermID, TermID, TermID, TermID) {
        (TermID(truncatingIfNeeded: high >> 64), TermID(truncatingIfNeeded: high),
         TermID(truncatingIfNeeded: low >> 64), TermID(truncatingIfNeeded: low))
    }

    @inline(__always)
    static func < (l: QuadKey, r: QuadKey) -> Bool { l.high != r.high ? l.high < r.high : l.low < r.low }
}
