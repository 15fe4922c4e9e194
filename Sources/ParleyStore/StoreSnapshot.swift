import ParleyRDF
internal import ParleyLMDB
import Synchronization

/// A consistent read view of the store: what ``Store/read(_:)`` lends its closure (and
/// ``StoreWriter/read(_:)``, where the view also holds the write's own changes so far).
///
/// It is an object, not a borrowed value, so that a pull-based operator tree can keep it and
/// open scans as it pulls rows. It is valid only while the closure that received it runs: when
/// that closure returns, the snapshot is closed, and any use afterwards (a lookup, a new scan,
/// the next row of a scan opened from it) throws ``StoreError/snapshotClosed`` instead of
/// touching the ended transaction. The transaction itself never leaves ParleyStore.
///
/// Not `Sendable`: use it on the thread that runs the closure.
public final class StoreSnapshot {
    /// The store this snapshot reads.
    public let store: Store
    /// Private: callers go through the methods below, which check ``isOpen`` first.
    private let transaction: TransactionReference
    private let open = Atomic<Bool>(true)
    /// For a snapshot inside a write: tells the scans' cursors that LMDB frees them itself.
    let cursorRelease: CursorRelease?

    init(store: Store, transaction: TransactionReference, cursorRelease: CursorRelease?) {
        self.store = store
        self.transaction = transaction
        self.cursorRelease = cursorRelease
    }

    /// Whether the closure that received this snapshot is still running.
    public var isOpen: Bool { open.load(ordering: .relaxed) }

    /// Ends the snapshot; called by ParleyStore when the closure returns.
    func close() {
        open.store(false, ordering: .relaxed)
        cursorRelease?.end()
    }

    /// The transaction, if the snapshot is still open.
    @inline(__always)
    func checkedTransaction() throws -> TransactionReference {
        guard isOpen else { throw StoreError.snapshotClosed }
        return transaction
    }

    /// The store's id of a term, or `nil` when the store has never seen it.
    public func id(of term: Term) throws -> TermID? {
        try store.dictionary.id(of: term, in: checkedTransaction())
    }

    /// The term of an id, or `nil` when the id is unknown.
    public func term(_ id: TermID) throws -> Term? {
        try store.dictionary.term(id, in: checkedTransaction())
    }

    /// Quads (in all graphs) with this predicate, from the statistics.
    public func predicateCount(_ predicate: TermID) throws -> Int {
        try store.predicateCount(predicate, in: checkedTransaction())
    }

    /// The ids of the named graphs that hold at least one quad.
    public func graphIDs() throws -> [TermID] {
        try store.graphIDs(in: checkedTransaction())
    }

    /// Quads in the default graph (id 0) or in one named graph, from the statistics.
    public func size(ofGraph graph: TermID) throws -> Int {
        try store.size(ofGraph: graph, in: checkedTransaction())
    }

    /// A pull-based scan of the quads matching `pattern` (as ``QuadPattern/plan`` says), valid
    /// while this snapshot is open.
    public func scan(_ pattern: QuadPattern) throws -> QuadScan {
        try QuadScan(pattern, store: store, in: checkedTransaction(), snapshot: self)
    }

    /// A pull-based scan of the union of all graphs (each distinct triple once, graph 0), valid
    /// while this snapshot is open.
    public func unionScan(subject: TermID? = nil, predicate: TermID? = nil, object: TermID? = nil) throws -> UnionScan {
        try UnionScan(subject: subject, predicate: predicate, object: object, store: store,
                      in: checkedTransaction(), snapshot: self)
    }

    /// The exact number of quads matching `pattern`, and how it was found: from an index's
    /// entry count or one key's value count where the pattern allows, else by one lookup or by
    /// counting one range (never by building the quads).
    public func count(_ pattern: QuadPattern) throws -> QuadCount {
        try store.count(pattern, in: checkedTransaction(), snapshot: self)
    }

    /// The number of distinct triples in the union of all graphs, read from the statistics
    /// and two index entry counts (no data read); `nil` for a store made before it kept the
    /// statistic and not written to since.
    public func unionTripleCount() throws -> Int? {
        try store.unionTripleCount(in: checkedTransaction())
    }

    /// A probe for fully bound triples in `scope`, one seek each, valid while this snapshot is
    /// open.
    public func makeProbe(_ scope: GraphScope) throws -> QuadProbe {
        try QuadProbe(scope, store: store, in: checkedTransaction(), snapshot: self)
    }

    /// Every quad matching `pattern`, read at once.
    public func quads(matching pattern: QuadPattern) throws -> [IDQuad] {
        var scan = try scan(pattern)
        var result: [IDQuad] = []
        while let quad = try scan.next() { result.append(quad) }
        return result
    }
}

@available(*, unavailable)
extension StoreSnapshot: Sendable {}
