import ArgumentParser
import ParleyOperations

/// `parley facts`: the extracted facts as subject label, predicate local name, object label and
/// evidence, in readout and sentence order.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "List the facts extracted from readouts, with their evidence.",
        discussion: """
            Columns: subject, predicate, object, evidence (the exact text that states the fact). \
            Subjects and objects are shown by their rdfs:label, predicates by their local name. \
            TSV has the header row subject<TAB>predicate<TAB>object<TAB>evidence.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only the facts of this readout (its file name without extension).", valueName: "slug"))
    var readout: String?

    @Option(help: "table, tsv or json (default: table on a terminal, tsv otherwise).")
    var format: FactsFormat?

    func run() throws {
        let session = StoreSession(store: try store.open(readOnly: false))
        let rows = try session.facts(readout: readout)
        let out = Terminal(fd: 1)
        try StoreSession.writeFacts(rows, as: format ?? (out.isTerminal ? .table : .tsv), to: out)
    }
}

/// `--format table|tsv|json`.
extension FactsFormat: ExpressibleByArgument {}
