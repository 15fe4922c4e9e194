import ArgumentParser
import ParleyRDF
import ParleyOperations
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
    var format: RDFSyntax?

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
        let session = StoreSession(store: try store.open())
        let format = self.format ?? output.flatMap { RDFSyntax(path: $0) } ?? .nt
        let selection: ExportSelection = defaultGraph ? .defaultGraph : graph.map { .graph($0) } ?? .everything
        try session.export(selection, as: format, to: { try output.map { try Terminal.file($0) } ?? Terminal(fd: 1) },
                           note: { Terminal.standardError.write($0 + "\n") })
    }
}
