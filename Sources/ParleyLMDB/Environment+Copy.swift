import CLMDB

extension Environment {
    /// Writes a consistent copy of the environment into `directory` (which must exist and be
    /// empty) with `mdb_env_copy2`: the copy holds the state of one committed transaction,
    /// taken in a read snapshot, while other readers and a writer go on. `compact`
    /// (`MDB_CP_COMPACT`) leaves out free pages and renumbers the rest.
    public func copy(to directory: String, compact: Bool) throws(LMDBError) {
        try check(mdb_env_copy2(handle, directory, compact ? UInt32(MDB_CP_COMPACT) : 0), .copy)
    }
}
