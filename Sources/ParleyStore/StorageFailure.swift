internal import ParleyLMDB

/// A failed call into the storage engine, as ``StoreError/storage(_:path:)`` carries it.
///
/// It names the operation and, where known, the part of the store, in its description; the
/// engine's own error type stays inside ParleyStore.
public struct StorageFailure: Error, CustomStringConvertible, Sendable {
    let error: LMDBError

    init(_ error: LMDBError) { self.error = error }

    /// The engine's message: the operation, the database and the reason.
    public var description: String { "\(error)" }

    /// Whether the failure means damaged pages rather than, say, a full disk.
    public var isDamage: Bool { error.isDamage }
}
