/// A growable, manually managed byte buffer for parser hot paths: no uniqueness or bounds
/// checks per byte, one allocation reused for a whole document. Freed when the last reference
/// goes away. Not thread-safe; owned by one parser call.
final class ByteStorage {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { pointer.deallocate() }

    /// Makes room for at least `needed` bytes, keeping the first `count` bytes.
    func reserve(_ needed: Int, preserving count: Int) {
        guard needed > capacity else { return }
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let newPointer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newPointer.update(from: pointer, count: count)
        pointer.deallocate()
        pointer = newPointer
        capacity = newCapacity
    }
}

@available(*, unavailable)
extension ByteStorage: Sendable {}
