import Synchronization

/// Tells the cursors of a write transaction that the transaction has ended, so LMDB (which
/// frees a write transaction's cursors at commit or abort) is not asked to free them again
/// when they are dropped later. One per write-side snapshot; ended before the transaction ends.
package final class CursorRelease: Sendable {
    private let ended = Atomic<Bool>(false)

    package init() {}

    /// Whether the transaction the cursors belong to has ended (or is about to).
    package var transactionEnded: Bool { ended.load(ordering: .relaxed) }

    /// Marks the transaction as ended: cursors dropped from now on are left to LMDB.
    package func end() { ended.store(true, ordering: .relaxed) }
}
