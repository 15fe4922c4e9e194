/// A ``QuadReader`` over quads held in memory (data built by code, SPARQL `INSERT DATA`,
/// tests), so they load through the same path as parsed files.
public struct QuadArrayReader: QuadReader {
    private let quads: [Quad]

    public init(_ quads: [Quad]) { self.quads = quads }

    public mutating func read(_ body: (EncodedQuad) throws -> Void) throws {
        var buffer: [UInt8] = []
        for quad in quads {
            buffer.removeAll(keepingCapacity: true)
            TermEncoding.encode(quad.subject, into: &buffer)
            let p = buffer.count
            TermEncoding.encode(quad.predicate, into: &buffer)
            let o = buffer.count
            TermEncoding.encode(quad.object, into: &buffer)
            let g = buffer.count
            if let graph = quad.graph { TermEncoding.encode(graph, into: &buffer) }
            try buffer.withUnsafeBytes { raw in
                try body(EncodedQuad(
                    subject: UnsafeRawBufferPointer(rebasing: raw[0..<p]),
                    predicate: UnsafeRawBufferPointer(rebasing: raw[p..<o]),
                    object: UnsafeRawBufferPointer(rebasing: raw[o..<g]),
                    graph: quad.graph == nil ? nil : UnsafeRawBufferPointer(rebasing: raw[g...])))
            }
        }
    }
}
