internal import ParleyLMDB

/// A scan of the union of all graphs, the default graph of Parley's queries: triples of the
/// default graph and of every named graph, each distinct triple once (RDF merge of graphs as
/// sets), with `graph` set to 0.
///
/// Made by ``StoreSnapshot/unionScan(subject:predicate:object:)``; valid while that snapshot
/// is open.
///
/// Merges a default-graph index scan with the named-graph index that has the same triple
/// order and the graph last, so equal triples arrive next to each other. When the default
/// graph is empty (a store of readouts, all in named graphs) only the named-graph index is
/// read: one range scan, not two, for the many small scans of a nested-loop join.
public struct UnionScan: ~Copyable {
    /// `nil` when the default graph holds nothing.
    private var defaultScan: QuadScan?
    private var namedScan: QuadScan
    private var nextDefault: IDQuad?
    private var nextNamed: IDQuad?
    private var primed = false
    private var last: IDQuad?
    private let order: QuadIndex
    /// Whether there is a default-graph half (`defaultScan` is not `nil`), read without
    /// touching the optional scan on every row.
    private let hasDefault: Bool

    /// Made by ``StoreSnapshot/unionScan(subject:predicate:object:)`` (or by ParleyStore inside
    /// a transaction it holds, with no snapshot).
    init(subject: TermID? = nil, predicate: TermID? = nil, object: TermID? = nil,
         store: Store, in txn: borrowing some Transaction & ~Copyable, snapshot: StoreSnapshot? = nil) throws {
        let (defaultPattern, namedPattern) = Self.patterns(subject, predicate, object)
        let order = defaultPattern.plan.index
        let namedPlan = Self.namedPlan(for: defaultPattern.plan)
        // mdb_stat of the index: the transaction's own count, no page read.
        let defaultIsEmpty = try txn.statistics(store.databases[order]).entries == 0
        let first = defaultIsEmpty ? nil : try QuadScan(defaultPattern, store: store, in: txn, snapshot: snapshot)
        let second = try QuadScan(namedPattern, plan: namedPlan, store: store, in: txn, snapshot: snapshot)
        self.order = order
        self.hasDefault = !defaultIsEmpty
        self.defaultScan = first
        self.namedScan = second
    }

    /// The pattern in the default graph, and in any named graph.
    private static func patterns(_ subject: TermID?, _ predicate: TermID?, _ object: TermID?) -> (QuadPattern, QuadPattern) {
        let defaultPattern = QuadPattern(subject: subject, predicate: predicate, object: object, graph: .defaultGraph)
        var namedPattern = defaultPattern
        namedPattern.graph = .anyNamed
        return (defaultPattern, namedPattern)
    }

    /// The named-graph half's plan: the default half's triple order, with the graph last.
    private static func namedPlan(for plan: ScanPlan) -> ScanPlan {
        ScanPlan(namedIndex(for: plan.index), plan.boundPrefix)
    }

    /// Starts over on another pattern, keeping both halves' cursors and buffers, when it is
    /// read the same way (the same positions bound: one row after another of a nested-loop
    /// join); `false`, changing nothing, when it is not.
    public mutating func restart(subject: TermID?, predicate: TermID?, object: TermID?) -> Bool {
        let (defaultPattern, namedPattern) = Self.patterns(subject, predicate, object)
        let plan = defaultPattern.plan
        let namedPlan = Self.namedPlan(for: plan)
        // Both halves were planned from the default half's plan: when it is the same, neither
        // refuses (checked first, so a refusal changes nothing).
        guard plan.index == order, namedScan.readPlan == namedPlan else { return false }
        guard namedScan.restart(namedPattern, as: namedPlan), defaultScan?.restart(defaultPattern) != false else {
            preconditionFailure("a union scan's half refused the plan it was made with")
        }
        nextDefault = nil
        nextNamed = nil
        primed = false
        last = nil
        return true
    }

    /// The named-graph index with `index`'s triple order and the graph last.
    static func namedIndex(for index: QuadIndex) -> QuadIndex {
        switch index {
        case .pos: .posg
        case .osp: .ospg
        default: .spog
        }
    }

    /// The next distinct triple, or `nil` at the end.
    public mutating func next() throws -> IDQuad? {
        guard hasDefault else {
            // Named graphs only: one index, a triple's graphs side by side.
            while var triple = try namedScan.next() {
                triple.graph = 0
                if triple == last { continue }
                last = triple
                return triple
            }
            return nil
        }
        if !primed {
            primed = true
            nextDefault = try defaultScan?.next()
            nextNamed = try namedScan.next()
        }
        while true {
            let candidate: IDQuad
            switch (nextDefault, nextNamed) {
            case (nil, nil):
                return nil
            case (let d?, nil):
                candidate = d
                nextDefault = try defaultScan?.next()
            case (nil, let n?):
                candidate = n
                nextNamed = try namedScan.next()
            case (let d?, let n?):
                if precedes(n, d) {
                    candidate = n
                    nextNamed = try namedScan.next()
                } else {
                    candidate = d
                    nextDefault = try defaultScan?.next()
                }
            }
            var triple = candidate
            triple.graph = 0
            if triple == last { continue }
            last = triple
            return triple
        }
    }

    @inline(__always)
    private func precedes(_ a: IDQuad, _ b: IDQuad) -> Bool {
        let x = order.permute(a), y = order.permute(b)
        if x.0 != y.0 { return x.0 < y.0 }
        if x.1 != y.1 { return x.1 < y.1 }
        return x.2 < y.2
    }
}
