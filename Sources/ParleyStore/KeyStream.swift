/// One index's keys for a load, ascending and without duplicates: either the one in-memory
/// run (nothing was spilled) or a k-way merge of the runs spilled to disk.
struct KeyStream<Key: SortKey> {
    private var keys: [Key]
    private var position = 0
    private var merger: RunMerger<Key>?
    private var previous: Key?

    /// Keys already sorted in memory (duplicates are skipped).
    init(sorted keys: [Key]) { self.keys = keys }

    /// The merge of sorted runs.
    init(runs: [RunFile], bufferBytes: Int) throws {
        keys = []
        merger = try RunMerger(runs, bufferBytes: bufferBytes)
    }

    /// The next distinct key, or `nil` at the end.
    @inline(__always)
    mutating func next() throws -> Key? {
        while true {
            let key: Key
            if merger != nil {
                guard let merged = try merger?.next() else { return nil }
                key = merged
            } else {
                guard position < keys.count else { return nil }
                key = keys[position]
                position += 1
            }
            if key == previous { continue }
            previous = key
            return key
        }
    }
}

/// A k-way merge of sorted runs through a binary min-heap of their next keys.
struct RunMerger<Key: SortKey> {
    private var readers: [RunReader<Key>]
    /// (key, reader) pairs; the smallest key on top.
    private var heap: [(key: Key, reader: Int)] = []

    init(_ runs: [RunFile], bufferBytes: Int) throws {
        let keys = max(1024, bufferBytes / max(1, runs.count) / MemoryLayout<Key>.stride)
        readers = runs.map { RunReader($0, bufferKeys: keys) }
        heap.reserveCapacity(runs.count)
        for i in readers.indices {
            if let key = try readers[i].next() { push((key, i)) }
        }
    }

    /// The smallest remaining key of all runs, or `nil` when all are done.
    mutating func next() throws -> Key? {
        guard let top = heap.first else { return nil }
        if let key = try readers[top.reader].next() {
            heap[0] = (key, top.reader)
            siftDown(0)
        } else {
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                siftDown(0)
            }
        }
        return top.key
    }

    private mutating func push(_ entry: (key: Key, reader: Int)) {
        heap.append(entry)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].key < heap[parent].key else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    @inline(__always)
    private mutating func siftDown(_ start: Int) {
        var i = start
        let n = heap.count
        while true {
            let left = 2 * i + 1
            if left >= n { return }
            var smallest = left
            if left + 1 < n && heap[left + 1].key < heap[left].key { smallest = left + 1 }
            guard heap[smallest].key < heap[i].key else { return }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }
}
