/// A term's id in the store's dictionary. `0` is never a term: it stands for the default
/// graph in a quad and for "unbound" in a pattern.
public typealias TermID = UInt64

/// A quad of term ids. `graph == 0` is the default graph.
public struct IDQuad: Hashable, Sendable {
    public var subject: TermID
    public var predicate: TermID
    public var object: TermID
    public var graph: TermID

    @inline(__always)
    public init(_ subject: TermID, _ predicate: TermID, _ object: TermID, graph: TermID = 0) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// Big-endian id bytes, so that `memcmp` order (LMDB's key order) is numeric order.
enum IDBytes {
    @inline(__always)
    static func store(_ id: TermID, to pointer: UnsafeMutableRawPointer, at offset: Int) {
        pointer.storeBytes(of: id.bigEndian, toByteOffset: offset, as: UInt64.self)
    }

    @inline(__always)
    static func load(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> TermID {
        TermID(bigEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    static func array(_ ids: TermID...) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: ids.count * 8)
        out.withUnsafeMutableBytes { raw in
            for (i, id) in ids.enumerated() { store(id, to: raw.baseAddress!, at: i * 8) }
        }
        return out
    }
}
