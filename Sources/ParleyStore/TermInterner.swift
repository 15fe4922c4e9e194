/// An in-memory set of encoded terms for one batch of a bulk load: each distinct term is
/// stored once in an arena and mapped to its store id. Open addressing over a power-of-two
/// table; no allocation per term. ``byteSize`` tells the loader when to write the batch out
/// and ``removeAll()`` the interner.
struct TermInterner {
    /// Arena of all term bytes, back to back.
    private(set) var arena: [UInt8] = []
    private var offsets: [Int] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt64] = []
    private(set) var ids: [TermID] = []
    /// Whether the entry's id was assigned by this load (the term is new to the store).
    private(set) var isNew: [Bool] = []
    private var table: [Int32]
    private var mask: Int

    init(capacity: Int = 1 << 16) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        table = [Int32](repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 48)
    }

    var count: Int { ids.count }
    /// Entries whose id this load assigned.
    private(set) var newCount = 0

    /// About how many bytes the interner holds: the arena, five arrays and the table.
    var byteSize: Int { arena.count + ids.count * 29 + table.count * 4 }

    /// Forgets every entry and gives back the memory.
    mutating func removeAll() { self = TermInterner() }

    /// The id of `bytes`, calling `resolve` (with the term's hash) to get one the first time
    /// the term is seen; `resolve` returns the id and whether it is new to the store.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeRawBufferPointer,
                         resolve: (UnsafeRawBufferPointer, UInt64) throws -> (TermID, Bool)) rethrows -> TermID {
        let hash = TermHash.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(table[slot])
            if entry == 0 { break }
            let e = entry - 1
            if hashes[e] == hash && Int(lengths[e]) == bytes.count && equal(e, bytes) { return ids[e] }
            slot = (slot + 1) & mask
        }
        let (id, new) = try resolve(bytes, hash)
        offsets.append(arena.count)
        lengths.append(Int32(bytes.count))
        hashes.append(hash)
        ids.append(id)
        isNew.append(new)
        if new { newCount += 1 }
        arena.append(contentsOf: bytes)
        table[slot] = Int32(ids.count)
        if ids.count * 2 > table.count { grow() }
        return id
    }

    @inline(__always)
    private func equal(_ entry: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return lengths[entry] == 0 }
        return arena.withUnsafeBytes { raw in
            memcmp(raw.baseAddress! + offsets[entry], base, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let size = table.count * 2
        table = [Int32](repeating: 0, count: size)
        mask = size - 1
        for e in 0..<ids.count {
            var slot = Int(truncatingIfNeeded: hashes[e]) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(e + 1)
        }
    }

    /// Calls `body` with each entry's bytes, hash and id, in the order they were added.
    func forEachNew(_ body: (UnsafeRawBufferPointer, UInt64, TermID) throws -> Void) rethrows {
        try arena.withUnsafeBytes { raw in
            for e in 0..<ids.count where isNew[e] {
                try body(UnsafeRawBufferPointer(rebasing: raw[offsets[e]..<(offsets[e] + Int(lengths[e]))]), hashes[e], ids[e])
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
