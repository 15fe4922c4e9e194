import ParleyRDF
internal import ParleyLMDB

extension Store {
    /// Runs `body` with a read snapshot of the store: a consistent view that writers (also
    /// in other processes) never block and never change. The snapshot is closed when `body`
    /// returns (see ``StoreSnapshot``); nothing of the transaction outlives the call.
    public func read<R>(_ body: (StoreSnapshot) throws -> R) throws -> R {
        try readTransaction { txn in
            let snapshot = StoreSnapshot(store: self, transaction: txn.reference, cursorRelease: nil)
            defer { snapshot.close() }
            return try body(snapshot)
        }
    }

    /// Runs `body` in the store's one write transaction (one writer at a time, also across
    /// processes): commits when it returns, rolls everything back when it throws. May run
    /// `body` again from the start if the map had to grow, so `body` should only read its
    /// inputs and write through the writer.
    public func write<R>(_ body: (inout StoreWriter) throws -> R) throws -> R {
        try writeTransaction { txn in
            var writer = StoreWriter(store: self, transaction: txn)
            let outcome: Result<R, any Error>
            do {
                outcome = .success(try body(&writer))
            } catch {
                outcome = .failure(error)
            }
            txn = writer.finish()
            return try outcome.get()
        }
    }
}
