import ArgumentParser
import ParleyRDF
import ParleyStore

/// `parley export`: streams the store out as N-Triples, N-Quads or Turtle.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store (or one graph) as N-Triples, N-Quads or Turtle.",
        discussion: """
            N-Quads keeps every graph. N-Triples and Turtle have no graphs: they write the union of all \
            graphs (each triple once) and say so on stderr when the store holds named graphs; use --graph \
            or --default-graph to write one graph.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "nt, nq or ttl (default: from -o's extension, else nt).")
    var format: RDFFormat?

    @Option(help: ArgumentHelp("Export only this named graph.", valueName: "iri"))
    var graph: String?

    @Flag(help: "Export only the default graph.")
    var defaultGraph = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if graph != nil && defaultGraph { throw ValidationError("Give --graph or --default-graph, not both.") }
    }

    func run() throws {
        let store = try self.store.open()
        let format = self.format ?? output.flatMap { RDFFormat(path: $0) } ?? .nt
        let scope = try exportScope(store, format: format)
        let out = try output.map { try Terminal.file($0) } ?? Terminal(fd: 1)
        switch format {
        case .nt, .nq:
            // N-Triples has no graphs: one named graph (--graph) is written as plain triples.
            let keepGraphs = format == .nq
            try store.export(scope) { quad in
                var statement = quad
                if !keepGraphs { statement.graph = nil }
                out.append { NTriplesSerializer.appendQuad(statement, to: &$0) }
            }
        case .ttl:
            var serializer = TurtleSerializer(prefixes: try store.prefixes())
            try store.export(scope) { quad in
                out.append { serializer.append(quad, to: &$0) }
            }
            out.append { serializer.finish(to: &$0) }
        }
        out.flush()
        if out.failed { throw CLIError("error: writing the export failed (disk full or closed pipe)") }
    }

    private func exportScope(_ store: Store, format: RDFFormat) throws -> ExportScope {
        if defaultGraph { return .defaultGraph }
        if let graph {
            guard let id = try store.id(of: .iri(graph)) else {
                throw CLIError("error: the store has no graph <\(graph)>; 'parley graphs' lists them")
            }
            return .graph(id)
        }
        if format == .nq { return .allQuads }
        let graphs = try store.graphs()
        if !graphs.isEmpty {
            Terminal.standardError.write(
                "note: the store holds \(graphs.count) named graph\(graphs.count == 1 ? "" : "s"); \(format.displayName) has no graphs, "
                + "so this is the union of all graphs, each triple once (use --format nq to keep graphs, or --graph IRI)\n")
        }
        return .union
    }
}
