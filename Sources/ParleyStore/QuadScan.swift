internal import ParleyLMDB

/// A pull-based scan of the quads matching a ``QuadPattern``: one prefix range scan of one
/// index, read a page of values at a time, values of other graphs skipped when the graph is
/// bound but not in the prefix (see ``QuadPattern/plan``); or, for a graph with only its graph
/// (or graph and a predicate) bound, one such scan per subject of the graph. Quads come in
/// the chosen index's order.
///
/// Made by ``StoreSnapshot/scan(_:)`` and valid while that snapshot is open: once it is
/// closed, ``next()`` throws ``StoreError/snapshotClosed`` and reads nothing.
public struct QuadScan: ~Copyable {
    private var cursor: Cursor
    /// The snapshot the scan was opened from; `nil` for ParleyStore's own scans inside a
    /// borrowed transaction, which cannot outlive it.
    private let snapshot: StoreSnapshot?
    /// The same snapshot, asked whether it is open on every row without retaining it (the
    /// scan's `snapshot` keeps it alive).
    private let openCheck: Unmanaged<StoreSnapshot>?
    private let index: QuadIndex
    /// Bound ids in index order (the prefix); with ``subjects``, the first is the subject.
    private var prefix: [TermID]
    /// How the scan reads (the same for every pattern ``restart(_:)`` accepts).
    private let plan: ScanPlan
    /// The graph every value must have, or 0 for any.
    private var graphFilter: TermID
    /// The graph's subjects, when the scan walks them (`gs`).
    private var subjects: GraphSubjectList?
    private let valueSize: Int
    private var key: TermID = 0
    private var batch = UnsafeRawBufferPointer(start: nil, count: 0)
    private var position = 0
    private var started = false
    private var finished = false

    /// How the scan reads.
    var readPlan: ScanPlan { plan }

    /// The index the scan reads.
    public var indexName: String { index.rawValue }

    /// A scan inside a transaction ParleyStore holds, planned by ``QuadPattern/plan`` (a graph
    /// with only a predicate bound read through its subjects when it is much smaller than the
    /// predicate, by the statistics).
    init(_ pattern: QuadPattern, store: Store, in txn: borrowing some Transaction & ~Copyable,
         snapshot: StoreSnapshot? = nil) throws {
        var plan = pattern.plan
        if case .named(let g) = pattern.graph, pattern.subject == nil, pattern.object == nil, let p = pattern.predicate,
           try store.prefersGraphSubjects(graph: g, predicate: p, in: txn) {
            plan = pattern.planThroughGraphSubjects
        }
        try self.init(pattern, plan: plan, store: store, in: txn, snapshot: snapshot)
    }

    /// A scan inside a transaction ParleyStore holds, read as `plan` says.
    init(_ pattern: QuadPattern, plan: ScanPlan, store: Store, in txn: borrowing some Transaction & ~Copyable,
         snapshot: StoreSnapshot? = nil) throws {
        let index = plan.index
        self.index = index
        self.plan = plan
        self.valueSize = index.valueSize
        var graph: TermID = 0
        if case .named(let g) = pattern.graph { graph = g }
        graphFilter = plan.filtersGraph ? graph : 0
        subjects = plan.viaGraphSubjects
            ? GraphSubjectList(graph: graph, database: store.databases.graphSubjects, transaction: txn.reference) : nil
        // Walking subjects starts as if the scan of a subject before the first had ended.
        finished = plan.viaGraphSubjects
        self.prefix = []
        self.snapshot = snapshot
        self.openCheck = snapshot.map { Unmanaged.passUnretained($0) }
        self.cursor = try txn.makeCursor(store.databases[index], release: snapshot?.cursorRelease)
        Self.boundIDs(of: pattern, in: index, count: plan.boundPrefix, into: &prefix)
    }

    /// The pattern's ids in `index`'s order, the first `count` of them.
    private static func boundIDs(of pattern: QuadPattern, in index: QuadIndex, count: Int, into ids: inout [TermID]) {
        ids.removeAll(keepingCapacity: true)
        for component in index.order.prefix(count) {
            switch component {
            case .subject: ids.append(pattern.subject ?? 0)
            case .predicate: ids.append(pattern.predicate ?? 0)
            case .object: ids.append(pattern.object ?? 0)
            case .graph:
                if case .named(let g) = pattern.graph { ids.append(g) }
            }
        }
    }

    /// Starts over on `pattern`, keeping the cursor and buffers, when `pattern` is read by the
    /// same plan as this scan's (the same positions bound; one row after another of a nested-
    /// loop join); `false`, changing nothing, when it is not: open a new scan then. Scans that
    /// walk a graph's subjects never restart.
    public mutating func restart(_ pattern: QuadPattern) -> Bool {
        // A named graph with only a predicate bound may be read through its subjects instead,
        // by the statistics: that choice is the initialiser's.
        if case .named = pattern.graph, pattern.subject == nil, pattern.object == nil, pattern.predicate != nil {
            return false
        }
        return restart(pattern, as: pattern.plan)
    }

    /// Starts over on `pattern` read as `plan` says, when that is this scan's plan (the
    /// union's named-graph half reads by a plan of its own, not the pattern's).
    mutating func restart(_ pattern: QuadPattern, as plan: ScanPlan) -> Bool {
        guard !plan.viaGraphSubjects, plan == self.plan else { return false }
        if case .named(let g) = pattern.graph { graphFilter = plan.filtersGraph ? g : 0 } else { graphFilter = 0 }
        Self.boundIDs(of: pattern, in: index, count: plan.boundPrefix, into: &prefix)
        key = 0
        batch = UnsafeRawBufferPointer(start: nil, count: 0)
        position = 0
        started = false
        finished = false
        return true
    }

    /// The next matching quad, or `nil` at the end.
    public mutating func next() throws -> IDQuad? {
        // One load and a branch per row: the page below is not read once the snapshot ended.
        if let openCheck, !openCheck._withUnsafeGuaranteedRef({ $0.isOpen }) { throw StoreError.snapshotClosed }
        while true {
            if finished {
                guard subjects != nil, try nextSubject() else { return nil }
            }
            if position < batch.count {
                let value = UnsafeRawBufferPointer(rebasing: batch[position..<(position + valueSize)])
                position += valueSize
                let (b, c, d) = index.loadValue(value)
                if prefix.count > 1 {
                    // Values are sorted, and a page may start before the prefix: skip values
                    // below it; the first one above it ends the scan.
                    let order = comparePrefix(b, c, d)
                    if order < 0 { continue }
                    if order > 0 { finished = true; continue }
                }
                if graphFilter != 0 && d != graphFilter { continue }
                return index.unpermute(key, b, c, d)
            }
            try fetch()
        }
    }

    /// Starts the range scan of the graph's next subject; `false` when there is none.
    private mutating func nextSubject() throws -> Bool {
        guard let subject = try subjects?.next() else {
            finished = true
            subjects = nil
            return false
        }
        prefix[0] = subject
        started = false
        finished = false
        batch = UnsafeRawBufferPointer(start: nil, count: 0)
        position = 0
        return true
    }

    /// The order of a value's leading ids against the bound prefix after the key: -1, 0, 1.
    @inline(__always)
    private func comparePrefix(_ b: TermID, _ c: TermID, _ d: TermID) -> Int {
        let values = (b, c, d)
        for i in 1..<prefix.count {
            let v = i == 1 ? values.0 : (i == 2 ? values.1 : values.2)
            if v < prefix[i] { return -1 }
            if v > prefix[i] { return 1 }
        }
        return 0
    }

    /// Loads the next page of values, moving to the next key when a key is exhausted.
    private mutating func fetch() throws {
        var entry: Cursor.Entry?
        if !started {
            started = true
            if prefix.isEmpty {
                entry = try cursor.move(.first)
            } else {
                var k = prefix[0].bigEndian
                if prefix.count > 1 {
                    // Straight to the first value at or after the prefix (one descent of the
                    // tree, not a key search and then a value search), then read per page.
                    let b = prefix[1], c = prefix.count > 2 ? prefix[2] : 0, d = prefix.count > 3 ? prefix[3] : 0
                    entry = try withUnsafeBytes(of: &k) { kb in
                        try index.withValueBytes(b, c, d) { try cursor.move(.keyAndValueRange, key: kb, value: $0) }
                    }
                } else {
                    entry = try withUnsafeBytes(of: &k) { try cursor.move(.setKey, key: $0) }
                    if let first = entry { try checkKey(first.key) }
                }
                // MDB_GET_BOTH_RANGE leaves the key argument as it was: the key is the prefix's.
                key = prefix[0]
            }
            guard let first = entry else { finished = true; return }
            if prefix.isEmpty {
                try checkKey(first.key)
                key = IDBytes.load(first.key, at: 0)
            }
            try loadPage(after: first)
            return
        }
        if let page = try cursor.move(.nextMultiple) {
            batch = page.value
            position = 0
            try checkBatch()
            return
        }
        // This key has no more values.
        guard prefix.isEmpty, let nextKey = try cursor.move(.nextKey) else { finished = true; return }
        try checkKey(nextKey.key)
        key = IDBytes.load(nextKey.key, at: 0)
        try loadPage(after: nextKey)
    }

    /// The page holding the cursor's current value. For a key with a single value LMDB keeps
    /// no duplicate page and leaves the value as it was, so it is passed in.
    private mutating func loadPage(after entry: Cursor.Entry) throws {
        let page = try cursor.move(.multiple, value: entry.value)
        batch = page?.value ?? entry.value
        position = 0
        try checkBatch()
        if prefix.count > 1 { position = offsetOfValue(entry.value) ?? firstAtOrAfterPrefix() * valueSize }
    }

    /// Where in the page the cursor's value lies, when LMDB handed it out as a pointer into
    /// the page (fixed-size duplicates are stored side by side, and a positioned cursor's
    /// value points at its slot): no search then. `nil` when it does not point into the page.
    private func offsetOfValue(_ value: UnsafeRawBufferPointer) -> Int? {
        guard let start = batch.baseAddress, let at = value.baseAddress, value.count == valueSize else { return nil }
        let offset = at - start
        guard offset >= 0, offset < batch.count, offset % valueSize == 0 else { return nil }
        return offset
    }

    /// The first value of the page at or after the bound prefix, by binary search: the page
    /// holds the cursor's value but starts at the page's first, often far below it.
    private func firstAtOrAfterPrefix() -> Int {
        var low = 0, high = batch.count / valueSize
        while low < high {
            let mid = (low + high) / 2
            let value = UnsafeRawBufferPointer(rebasing: batch[(mid * valueSize)..<((mid + 1) * valueSize)])
            let (b, c, d) = index.loadValue(value)
            let order = comparePrefix(b, c, d)
            if order < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// A damaged page can hand out keys and values of any size: never read past them.
    private func checkKey(_ key: UnsafeRawBufferPointer) throws {
        guard key.count == 8 else { throw StoreError.corrupt("index '\(index.rawValue)' holds a \(key.count)-byte key") }
    }

    private func checkBatch() throws {
        guard batch.count % valueSize == 0 else {
            throw StoreError.corrupt("index '\(index.rawValue)' holds values of \(batch.count) bytes, not of \(valueSize)")
        }
    }
}
