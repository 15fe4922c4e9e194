import ArgumentParser
import ParleyQuery
import ParleySPARQL
import ParleyOperations
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
        let source = try RequestText.readArgument(text: text, file: file, what: "update")
        let session = StoreSession(store: try store.open())
        let update: Update
        do {
            update = try session.parseUpdate(source.text, base: request.base)
        } catch {
            throw CLIError(source.render(error))
        }
        let report = try session.apply(update, options: request.queryOptions)
        Terminal.standardError.write(StoreSession.summary(of: report) + "\n")
    }
}
