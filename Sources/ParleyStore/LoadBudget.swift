/// How a load divides its memory budget (``LoadOptions/memoryBudget``) between the parts
/// that grow with the input, so that the process's anonymous memory stays under the budget
/// whatever the input's size.
///
/// LMDB keeps a write transaction's dirty pages in process memory, up to 2^17 pages (512 MiB)
/// before it spills them to the data file, and the program itself takes a few tens of MiB:
/// ``reserved`` is set aside for both. Of the rest, a share holds the terms met since the
/// last term batch was written, and the rest the current sorted run of quads.
struct LoadBudget {
    /// LMDB's dirty pages at most, and the process's own code, stacks and buffers.
    static let reserved = 560 << 20
    /// The least memory given to terms and runs together, however small the budget.
    static let minimumWork = 48 << 20

    /// Bytes the term interner may hold before its batch is written to the dictionary.
    let termBytes: Int
    /// Bytes the current run may hold before it is sorted and spilled.
    let runBytes: Int
    /// Bytes of read buffers shared by the runs being merged into one index.
    let mergeBytes: Int
    /// The budget is checked when the quads read so far, masked with this, are 0: every
    /// 4096 quads, or every quad when a test forces tiny batches.
    let checkMask: Int

    init(_ options: LoadOptions) {
        let work = max(options.memoryBudget - Self.reserved, Self.minimumWork)
        termBytes = options.termBatchBytes ?? work * 2 / 5
        runBytes = options.sortRunBytes ?? work - work * 2 / 5
        mergeBytes = min(64 << 20, max(1 << 20, work / 8))
        checkMask = min(termBytes, runBytes) < 16 << 20 ? 0 : 0xFFF
    }
}
