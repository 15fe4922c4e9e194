/// One of the store's index permutations: a named LMDB database keyed by the first id of the
/// permutation, holding the remaining ids as fixed-size sorted duplicates
/// (`MDB_DUPSORT | MDB_DUPFIXED`, big-endian ids, so memcmp order is numeric order).
///
/// The default graph has three (`spo`, `pos`, `osp`); named graphs have three with the graph
/// last (`spog`, `posg`, `ospg`), beside the
/// graph-to-subjects index `gs` (``GraphSubjects``). With the graph last, the union of all
/// graphs and `GRAPH ?g` patterns are one range scan each; a pattern with its graph bound is a
/// range scan whose values are checked for the graph (see ``QuadPattern/plan``). Every value
/// is 16 bytes (see ``storeValue(_:_:_:to:)``).
public enum QuadIndex: String, CaseIterable, Sendable {
    case spo, pos, osp
    case spog, posg, ospg

    /// A position in a quad.
    public enum Component: Sendable { case subject, predicate, object, graph }

    /// Whether this index holds the default graph's triples (else named graphs' quads).
    public var isDefaultGraph: Bool { self == .spo || self == .pos || self == .osp }

    /// The components in key order.
    public var order: [Component] {
        switch self {
        case .spo: [.subject, .predicate, .object]
        case .pos: [.predicate, .object, .subject]
        case .osp: [.object, .subject, .predicate]
        case .spog: [.subject, .predicate, .object, .graph]
        case .posg: [.predicate, .object, .subject, .graph]
        case .ospg: [.object, .subject, .predicate, .graph]
        }
    }

    /// Bytes of one duplicate value (the ids after the key), the same in every index.
    public var valueSize: Int { 16 }

    public static let defaultGraphIndexes: [QuadIndex] = [.spo, .pos, .osp]
    public static let namedGraphIndexes: [QuadIndex] = [.spog, .posg, .ospg]

    /// The quad's ids in this index's order.
    @inline(__always)
    func permute(_ q: IDQuad) -> (TermID, TermID, TermID, TermID) {
        switch self {
        case .spo: (q.subject, q.predicate, q.object, 0)
        case .pos: (q.predicate, q.object, q.subject, 0)
        case .osp: (q.object, q.subject, q.predicate, 0)
        case .spog: (q.subject, q.predicate, q.object, q.graph)
        case .posg: (q.predicate, q.object, q.subject, q.graph)
        case .ospg: (q.object, q.subject, q.predicate, q.graph)
        }
    }

    /// The quad from ids in this index's order.
    @inline(__always)
    func unpermute(_ a: TermID, _ b: TermID, _ c: TermID, _ d: TermID) -> IDQuad {
        switch self {
        case .spo: IDQuad(a, b, c)
        case .pos: IDQuad(c, a, b)
        case .osp: IDQuad(b, c, a)
        case .spog: IDQuad(a, b, c, graph: d)
        case .posg: IDQuad(c, a, b, graph: d)
        case .ospg: IDQuad(b, c, a, graph: d)
        }
    }
}
