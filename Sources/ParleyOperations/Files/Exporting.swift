import ParleyRDF
import ParleyStore

/// What an export writes: everything, the unnamed default graph, or one named graph.
public enum ExportSelection: Hashable, Sendable {
    /// N-Quads: every quad with its graph. N-Triples and Turtle: the union of all graphs.
    case everything
    case defaultGraph
    /// One named graph, written as plain triples unless the syntax keeps graphs.
    case graph(String)
}

extension StoreSession {
    /// Streams the selection out in `syntax` to the sink `output` opens (only once the selection
    /// is known to exist, so a bad `--graph` creates no file) and returns how many statements were
    /// written. When a graph-less syntax writes the union of a store with named graphs, `note`
    /// is told so first (each triple is written once).
    @discardableResult
    public func export(_ selection: ExportSelection, as syntax: RDFSyntax, to output: () throws -> OutputSink,
                       note: (String) -> Void = { _ in }) throws -> Int {
        let scope: ExportScope
        switch selection {
        case .defaultGraph: scope = .defaultGraph
        case .graph(let iri):
            guard let id = try store.id(of: .iri(iri)) else { throw OperationError.noSuchGraph(iri) }
            scope = .graph(id)
        case .everything:
            if syntax.keepsGraphs {
                scope = .allQuads
            } else {
                let graphs = try store.graphs()
                if !graphs.isEmpty {
                    note("note: the store holds \(graphs.count) named graph\(graphs.count == 1 ? "" : "s"); \(syntax.displayName) has no graphs, "
                        + "so this is the union of all graphs, each triple once (use --format nq to keep graphs, or --graph IRI)")
                }
                scope = .union
            }
        }
        let out = try output()
        var count = 0
        switch syntax {
        case .nt, .nq:
            // N-Triples has no graphs: one named graph is written as plain triples.
            try store.export(scope) { quad in
                var statement = quad
                if !syntax.keepsGraphs { statement.graph = nil }
                count += 1
                out.append { NTriplesSerializer.appendQuad(statement, to: &$0) }
            }
        case .ttl:
            var serializer = TurtleSerializer(prefixes: try store.prefixes())
            try store.export(scope) { quad in
                count += 1
                out.append { serializer.append(quad, to: &$0) }
            }
            out.append { serializer.finish(to: &$0) }
        }
        out.flush()
        try out.checkWritten("the export")
        return count
    }
}
