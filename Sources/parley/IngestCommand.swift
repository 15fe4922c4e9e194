import ArgumentParser
import ParleyExtraction
import ParleyOperations
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// `parley ingest FILE|FOLDER…`: extracts the facts of diplomatic readouts into the store, one
/// named graph and one transaction per readout.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract the facts of readout text files into the store.",
        discussion: """
            Each readout (a .txt file; a folder means its *.txt files) becomes the named graph \
            <https://parley.dev/id/readout/SLUG>, SLUG being the file name without extension. \
            Ingesting a readout again replaces its graph. Each readout is one transaction; a file \
            that cannot be read is reported as FILE: error: … and skipped, and the exit status is 1. \
            The lexicon comes from --schema, $PARLEY_SCHEMA, or the package's schema/ directory.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The schema directory holding lexicon/ (default: $PARLEY_SCHEMA, else the package's schema/).", valueName: "dir"))
    var schema: String?

    @Argument(help: ArgumentHelp("Readout files or folders of them.", valueName: "file"))
    var paths: [String]

    func run() throws {
        let lexicon = try schema.map { try Lexicon(directory: $0 + "/lexicon") } ?? ReadoutIngester.defaultLexicon()
        let session = StoreSession(store: try store.open())
        let totals = session.ingest(paths, lexicon: lexicon) { event in
            switch event {
            case .ingested(let file, let report):
                Terminal.standardError.write(report.line(naming: file) + "\n")
            case .failed(let file, let error):
                Terminal.standardError.write(ReadoutIngester.diagnostic(error, file: file).headline + "\n")
            }
        }
        Terminal.standardError.write(totals.summary + "\n")
        if totals.failures > 0 { throw OperationError.ingestFailed(count: totals.failures) }
    }
}
