/// Gathers one family of indexes' keys for a load (the default graph's three, or the named
/// graphs' three) in runs of at most `runLimit` quads. A full run is sorted in every index's
/// order and spilled to one ``RunFile`` per index; at the end each index gets a
/// ``KeyStream``: the last run straight from memory when nothing was spilled, else the merge
/// of the runs.
struct QuadSorter<Key: SortKey> {
    let indexes: [QuadIndex]
    let runLimit: Int
    private let directory: String
    /// The current run, in the first index's order.
    private var buffer: [Key] = []
    /// Spilled runs, one list per index.
    private var runs: [[RunFile]]
    /// Runs spilled so far.
    var spilledRuns: Int { runs.first?.count ?? 0 }
    /// Bytes a run takes per quad while it is sorted: the run, one reordered copy and the
    /// sort's scratch.
    static var bytesPerQuad: Int { MemoryLayout<Key>.stride * 5 / 2 }

    init(indexes: [QuadIndex], runLimit: Int, directory: String) {
        self.indexes = indexes
        self.runLimit = max(1, runLimit)
        self.directory = directory
        runs = indexes.map { _ in [] }
    }

    /// Quads in the current run.
    var count: Int { buffer.count }

    /// Adds one quad; spills the run when it is full.
    @inline(__always)
    mutating func add(_ quad: IDQuad) throws {
        if buffer.isEmpty { buffer.reserveCapacity(min(runLimit, 1 << 20)) }
        buffer.append(Key(quad, order: indexes[0]))
        if buffer.count >= runLimit { try spill() }
    }

    /// Sorts the current run in every index's order and writes it to disk.
    mutating func spill() throws {
        guard !buffer.isEmpty else { return }
        Self.sortUnique(&buffer)
        try write(buffer, to: 0)
        var other = [Key]()
        for i in indexes.indices.dropFirst() {
            fillReordered(&other, to: indexes[i])
            other.sort()
            try write(other, to: i)
        }
        buffer = []
    }

    /// Each index's keys in order, without duplicates, for `body`; the sorter is spent after.
    mutating func drain(bufferBytes: Int, _ body: (QuadIndex, inout KeyStream<Key>) throws -> Void) throws {
        if spilledRuns > 0 {
            try spill()
            for (i, index) in indexes.enumerated() {
                var stream = try KeyStream<Key>(runs: runs[i], bufferBytes: bufferBytes)
                try body(index, &stream)
                runs[i] = []
            }
            return
        }
        guard !buffer.isEmpty else { return }
        Self.sortUnique(&buffer)
        var stream = KeyStream(sorted: buffer)
        try body(indexes[0], &stream)
        var other = [Key]()
        for index in indexes.dropFirst() {
            stream = KeyStream(sorted: [])
            fillReordered(&other, to: index)
            other.sort()
            stream = KeyStream(sorted: other)
            try body(index, &stream)
        }
        buffer = []
    }

    /// Fills `keys` (its storage reused) with the run's keys in `index`'s order, unsorted.
    private func fillReordered(_ keys: inout [Key], to index: QuadIndex) {
        keys.removeAll(keepingCapacity: true)
        keys.reserveCapacity(buffer.count)
        let from = indexes[0]
        for key in buffer { keys.append(key.reordered(from: from, to: index)) }
    }

    private static func sortUnique(_ keys: inout [Key]) {
        keys.sort()
        var kept = 0
        for i in keys.indices where kept == 0 || keys[i] != keys[kept - 1] {
            keys[kept] = keys[i]
            kept += 1
        }
        keys.removeLast(keys.count - kept)
    }

    private mutating func write(_ keys: [Key], to i: Int) throws {
        let file = try RunFile(directory: directory)
        try keys.withUnsafeBytes { try file.append($0) }
        runs[i].append(file)
    }
}
