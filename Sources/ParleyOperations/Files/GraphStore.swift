import ParleyRDF
import ParleyStore

/// What writing one graph from a document did (the Graph Store Protocol's PUT and POST).
public struct GraphWriteReport: Hashable, Sendable {
    /// Quads the graph held before that a replacement removed (0 when adding).
    public var removed: Int
    /// Quads of the document that were new to the graph.
    public var added: Int
    /// Whether the graph held nothing before (a named graph the write created).
    public var created: Bool
}

extension StoreSession {
    /// Whether `graph` exists: the default graph always does; a named graph while it holds a quad.
    public func graphExists(_ graph: GraphName) throws -> Bool {
        guard case .named(let name) = graph else { return true }
        return try store.graphs().contains { $0.name == name }
    }

    /// Parses `bytes` in `syntax` (N-Triples or Turtle; relative IRIs against `base`) and writes
    /// its triples into `graph` in ONE write transaction, first emptying the graph when `replace`.
    /// A syntax error anywhere changes nothing and throws an ``RDFSyntaxError`` without a file
    /// name (`LINE:COLUMN: error: …`). N-Quads names its own graphs, so it is refused
    /// (``OperationError/quadsIntoGraph``).
    public func write(bytes: [UInt8], syntax: RDFSyntax, base: String?, into graph: GraphName,
                      replace: Bool) throws -> GraphWriteReport {
        guard !syntax.keepsGraphs else { throw OperationError.quadsIntoGraph }
        return try store.write { writer in
            // The closure may run again when the map grows: the reader is made afresh each time.
            let before = try writer.size(of: graph)
            let removed = replace ? try writer.clear(.graph(graph)) : 0
            var reader = syntax.reader(MemoryByteSource(bytes), baseIRI: base)
            let added = try writer.insert(from: &reader, graph: graph.term)
            return GraphWriteReport(removed: removed, added: added, created: before == 0)
        }
    }

    /// Removes every quad of `graph` in one write transaction and returns how many; a named graph
    /// that holds nothing throws ``OperationError/noSuchGraph(_:)``.
    @discardableResult
    public func drop(_ graph: GraphName) throws -> Int {
        try store.write { writer in
            if case .named(let name) = graph, try writer.size(of: graph) == 0 {
                throw OperationError.noSuchGraph(Self.text(of: name))
            }
            return try writer.clear(.graph(graph))
        }
    }

    /// An IRI's text, for messages that put it in angle brackets.
    static func text(of name: Term) -> String {
        if case .iri(let iri) = name { return iri }
        return "\(name)"
    }
}
