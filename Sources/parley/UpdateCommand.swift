import ArgumentParser
import ParleyQuery
import ParleySPARQL
import ParleyShell
import ParleyStore

/// `parley update`: applies a SPARQL 1.1 Update request in one transaction.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Apply a SPARQL update (INSERT DATA, DELETE/INSERT … WHERE, LOAD, CLEAR, …) in one transaction.",
        discussion: """
            The request comes from the argument, from -f FILE, or from standard input; all its operations \
            land together or not at all. Triples without GRAPH go to (and are deleted from) the unnamed \
            default graph; use GRAPH to change a readout's graph. WHERE patterns without GRAPH match the \
            union of all graphs unless --no-union-default-graph or USING says otherwise, as in 'parley query'.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The update text (omit to use -f or standard input).")
    var text: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Read the update from this file.", valueName: "file"))
    var file: String?

    @OptionGroup var request: RequestOptions

    func run() throws {
        let source = try QueryText.read(text: text, file: file, what: "update")
        let store = try self.store.open()
        let prefixes = Dictionary(try store.prefixes().map { ($0.prefix, $0.iri) }, uniquingKeysWith: { _, last in last })
        let update: Update
        do {
            update = try SPARQLParser.parseUpdate(source.text, baseIRI: request.base, prefixes: prefixes)
        } catch {
            throw CLIError(QueryText.render(error, source: source))
        }
        let options = request.queryOptions
        let report: UpdateReport
        do {
            report = try QueryEngine(store: store).update(update, options: options)
        } catch let error as QueryError {
            throw CLIError("\(error)")
        }
        Terminal.standardError.write("inserted \(grouped(report.inserted)), deleted \(grouped(report.deleted)) triples\n")
    }
}
