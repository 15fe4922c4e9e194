internal import ParleyLMDB

/// Asks whether fully bound triples are in one graph scope, one index seek each, on a cursor
/// kept open between questions (so probes in key order stay on the same page).
///
/// Made by ``StoreSnapshot/makeProbe(_:)`` and valid while that snapshot is open: once it is
/// closed, ``contains(subject:predicate:object:)`` throws ``StoreError/snapshotClosed``.
public struct QuadProbe: ~Copyable {
    private var cursor: Cursor
    private let snapshot: StoreSnapshot?
    private let scope: GraphScope
    /// The value sought after the key: the ids after the first, and for `.anyNamed` a zero
    /// graph so the seek lands on the triple's first graph.
    private var value: [UInt8]

    /// The index the probe reads.
    public let index: QuadIndex

    init(_ scope: GraphScope, store: Store, in txn: borrowing some Transaction & ~Copyable,
         snapshot: StoreSnapshot? = nil) throws {
        let index: QuadIndex = switch scope {
        case .defaultGraph: .spo
        case .named, .anyNamed: .spog
        }
        self.index = index
        self.scope = scope
        self.snapshot = snapshot
        self.value = [UInt8](repeating: 0, count: index.valueSize)
        self.cursor = try txn.makeCursor(store.databases[index], release: snapshot?.cursorRelease)
    }

    /// Whether the triple is in the probe's scope (for `.anyNamed`: in at least one named
    /// graph).
    public mutating func contains(subject: TermID, predicate: TermID, object: TermID) throws -> Bool {
        if let snapshot, !snapshot.isOpen { throw StoreError.snapshotClosed }
        var key = subject.bigEndian
        // spog holds (p, o, g) after the subject: for a named graph one exact seek.
        var graph: TermID = 0
        if case .named(let g) = scope { graph = g }
        let index = self.index
        value.withUnsafeMutableBytes { index.storeValue(predicate, object, graph, to: $0.baseAddress!) }
        guard case .anyNamed = scope else {
            return try withUnsafeBytes(of: &key) { k in
                try value.withUnsafeBytes { try cursor.move(.keyAndValue, key: k, value: $0) }
            } != nil
        }
        // The first value at or after (p, o, 0): the triple is there when it starts with (p, o).
        let found = try withUnsafeBytes(of: &key) { k in
            try value.withUnsafeBytes { v -> Bool in
                guard let entry = try cursor.move(.keyAndValueRange, key: k, value: v), entry.value.count == index.valueSize else {
                    return false
                }
                let (p, o, _) = index.loadValue(entry.value)
                return p == predicate && o == object
            }
        }
        return found
    }
}
