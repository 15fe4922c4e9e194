import ParleyRDF
internal import ParleyLMDB

/// The store's one write transaction, lent to the closure of ``Store/write(_:)``: everything
/// done through it lands together when the closure returns, or not at all if it throws.
///
/// `~Copyable` and lent `inout`, so it cannot leave the closure. It offers the writes the
/// store's users need (insert, delete, replace or clear a graph, save a prefix) and, through
/// ``read(_:)``, reads that see the write's own changes so far.
public struct StoreWriter: ~Copyable {
    /// The store being written.
    public let store: Store
    private var transaction: WriteTransaction

    init(store: Store, transaction: consuming WriteTransaction) {
        self.store = store
        self.transaction = transaction
    }

    /// Hands the transaction back to ``Store/write(_:)`` to commit.
    consuming func finish() -> WriteTransaction { transaction }

    /// Adds quads (SPARQL `INSERT`, `ADD`…). With `freshBlankNodes` (for data from outside,
    /// like `INSERT DATA`) blank nodes get labels fresh to this call; without it (quads built
    /// from the store's own terms) labels are kept. Returns how many quads were new.
    @discardableResult
    public func insert(_ quads: [Quad], freshBlankNodes: Bool = true) throws -> Int {
        try store.insert(quads, freshBlankNodes: freshBlankNodes, in: transaction)
    }

    /// Adds every quad a reader produces, into `graph` when the reader gives none.
    @discardableResult
    public func insert(from reader: inout some QuadReader, graph: Term? = nil, freshBlankNodes: Bool = true) throws -> Int {
        try store.insert(from: &reader, graph: graph, freshBlankNodes: freshBlankNodes, in: transaction)
    }

    /// Removes quads; quads the store does not hold are ignored. Returns how many were removed.
    @discardableResult
    public func delete(_ quads: [Quad]) throws -> Int {
        try store.delete(quads, in: transaction)
    }

    /// Removes id quads. Returns how many were removed.
    @discardableResult
    public func delete(ids quads: [IDQuad]) throws -> Int {
        try store.delete(ids: quads, in: transaction)
    }

    /// Replaces the contents of one graph: deletes every quad it holds, then inserts `quads`
    /// as they are (blank node labels kept), in this write. What re-ingesting a readout and
    /// SPARQL `COPY`/`MOVE` do; `quads` normally all belong to `graph`.
    public func replaceGraph(_ graph: GraphName, with quads: [Quad]) throws -> GraphReplacement {
        let removed = try clear(.graph(graph))
        let added = try store.insert(quads, freshBlankNodes: false, in: transaction)
        return GraphReplacement(removed: removed, added: added)
    }

    /// Empties the selected graphs. Returns how many quads were removed.
    @discardableResult
    public func clear(_ selection: GraphSelection) throws -> Int {
        var victims: [IDQuad] = []
        switch selection {
        case .graph(.defaultGraph):
            victims = try quadIDs(QuadPattern(graph: .defaultGraph))
        case .graph(.named(let name)):
            guard let id = try store.dictionary.id(of: name, in: transaction) else { return 0 }
            victims = try quadIDs(QuadPattern(graph: .named(id)))
        case .allNamed:
            victims = try quadIDs(QuadPattern(graph: .anyNamed))
        case .all:
            victims = try quadIDs(QuadPattern(graph: .defaultGraph)) + quadIDs(QuadPattern(graph: .anyNamed))
        }
        return try store.delete(ids: victims, in: transaction)
    }

    /// The quads of graph `source`, decoded and relabelled as quads of graph `target`
    /// (SPARQL `ADD`/`COPY`/`MOVE`). Empty when `source` is a name the store has never seen.
    public func quads(in source: GraphName, relabelledAs target: GraphName) throws -> [Quad] {
        let pattern: QuadPattern
        switch source {
        case .defaultGraph: pattern = QuadPattern(graph: .defaultGraph)
        case .named(let name):
            guard let id = try store.dictionary.id(of: name, in: transaction) else { return [] }
            pattern = QuadPattern(graph: .named(id))
        }
        let graph = target.term
        return try quadIDs(pattern).map { quad in
            Quad(try term(quad.subject), try term(quad.predicate), try term(quad.object), graph: graph)
        }
    }

    /// Quads in one graph, from the statistics; 0 for a name the store has never seen.
    public func size(of graph: GraphName) throws -> Int {
        switch graph {
        case .defaultGraph:
            return try store.size(ofGraph: 0, in: transaction)
        case .named(let name):
            guard let id = try store.dictionary.id(of: name, in: transaction) else { return 0 }
            return try store.size(ofGraph: id, in: transaction)
        }
    }

    /// The store's id of a term, or `nil` when the store has never seen it.
    public func id(of term: Term) throws -> TermID? {
        try store.dictionary.id(of: term, in: transaction)
    }

    /// Saves a prefix binding; without `overwrite`, an existing binding of `prefix` is kept.
    public func savePrefix(_ prefix: String, iri: String, overwrite: Bool = true) throws {
        try store.savePrefix(prefix, iri: iri, overwrite: overwrite, in: transaction)
    }

    /// Runs `body` with a snapshot that reads this write, changes so far included (a SPARQL
    /// update's `WHERE`). The snapshot is closed when `body` returns; write only after that.
    public func read<R>(_ body: (StoreSnapshot) throws -> R) throws -> R {
        let snapshot = StoreSnapshot(store: store, transaction: transaction.reference, cursorRelease: CursorRelease())
        defer { snapshot.close() }
        return try body(snapshot)
    }

    private func quadIDs(_ pattern: QuadPattern) throws -> [IDQuad] {
        var scan = try QuadScan(pattern, store: store, in: transaction)
        var result: [IDQuad] = []
        while let quad = try scan.next() { result.append(quad) }
        return result
    }

    private func term(_ id: TermID) throws -> Term {
        guard let term = try store.dictionary.term(id, in: transaction) else { throw StoreError.corrupt("term id \(id) is missing") }
        return term
    }
}

@available(*, unavailable)
extension StoreWriter: Sendable {}
