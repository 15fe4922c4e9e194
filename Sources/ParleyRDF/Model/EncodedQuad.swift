/// A quad whose terms are in ``TermEncoding`` form, borrowed from a parser's buffer.
///
/// The pointers are valid only during the callback that receives the quad: copy what you keep.
/// `graph == nil` is the default graph.
public struct EncodedQuad {
    public var subject: UnsafeRawBufferPointer
    public var predicate: UnsafeRawBufferPointer
    public var object: UnsafeRawBufferPointer
    public var graph: UnsafeRawBufferPointer?

    public init(subject: UnsafeRawBufferPointer, predicate: UnsafeRawBufferPointer,
                object: UnsafeRawBufferPointer, graph: UnsafeRawBufferPointer?) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    /// Decodes the quad into owned terms. Returns `nil` if any term is not a valid encoding.
    public func decoded() -> Quad? {
        guard let s = TermEncoding.decode(subject), let p = TermEncoding.decode(predicate),
              let o = TermEncoding.decode(object) else { return nil }
        var g: Term? = nil
        if let graph {
            guard let decoded = TermEncoding.decode(graph) else { return nil }
            g = decoded
        }
        return Quad(s, p, o, graph: g)
    }
}

/// Something that reads RDF statements from a byte source and hands them out one quad at a
/// time, in document order. Every parser in ParleyRDF is one.
public protocol QuadReader {
    /// Reads the whole input, calling `body` once per quad. Stops at, and throws, the first
    /// syntax error (an ``RDFSyntaxError``), or any error `body` throws.
    mutating func read(_ body: (EncodedQuad) throws -> Void) throws
}

extension QuadReader {
    /// Reads every quad into memory as owned terms. Convenient for tests and small files.
    public mutating func readAll() throws -> [Quad] {
        var quads: [Quad] = []
        try read { quad in
            if let decoded = quad.decoded() { quads.append(decoded) }
        }
        return quads
    }
}
