internal import ParleyLMDB

/// A read transaction open on a store, in this or another process.
public struct StoreReader: Hashable, Sendable {
    /// The process holding it.
    public var pid: Int32
    /// The snapshot (LMDB transaction id) it reads.
    public var snapshot: UInt64
}

extension Store {
    /// The read transactions open on the store right now, in every process: an idle process
    /// holds none, so a long-lived entry is what keeps freed pages from being reused.
    public func openReaders() -> [StoreReader] {
        environment.activeReaders().map { StoreReader(pid: $0.pid, snapshot: $0.transaction) }
    }

    /// Bytes the data file uses (last page used × page size); what a backup copies at most.
    public var usedBytes: Int { environment.usedBytes }
}
