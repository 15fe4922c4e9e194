import ArgumentParser
import ParleyExtraction
import ParleyShell
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
        let lexicon: Lexicon
        do {
            lexicon = try schema.map { try Lexicon(directory: $0 + "/lexicon") } ?? ReadoutIngester.defaultLexicon()
        } catch {
            throw CLIError("\(error)")
        }
        let ingester = ReadoutIngester(store: try self.store.open(), lexicon: lexicon)
        let clock = ContinuousClock()
        let start = clock.now
        var failed = 0
        var done = 0
        var facts = 0
        for path in paths {
            let files: [String]
            do {
                files = try ReadoutIngester.readoutFiles(in: path)
            } catch {
                Terminal.standardError.write(Self.message(error, file: path) + "\n")
                failed += 1
                continue
            }
            if files.isEmpty {
                Terminal.standardError.write("\(path): error: a folder without readouts (*.txt files)\n")
                failed += 1
            }
            for file in files {
                do {
                    let report = try ingester.ingest(path: file)
                    done += 1
                    facts += report.facts
                    let replaced = report.replaced > 0 ? ", replacing \(grouped(report.replaced))" : ""
                    Terminal.standardError.write("\(file): \(grouped(report.facts)) facts, \(grouped(report.quads)) quads into <\(report.graph)>\(replaced)\n")
                } catch {
                    Terminal.standardError.write(Self.message(error, file: file) + "\n")
                    failed += 1
                }
            }
        }
        let elapsed = seconds(clock.now - start)
        Terminal.standardError.write("ingested \(done) readout\(done == 1 ? "" : "s"), \(grouped(facts)) facts, in \(formatted(elapsed, decimals: 3)) s\n")
        if failed > 0 {
            throw CLIError("error: \(failed) file\(failed == 1 ? "" : "s") could not be ingested")
        }
    }

    /// `FILE: error: …`, without repeating the file name when the error already starts with it.
    static func message(_ error: Error, file: String) -> String {
        let text = "\(error)"
        // A store error (read-only, full disk) is about the store, which it names already.
        if error is StoreError { return text }
        return text.hasPrefix(file + ":") ? text : "\(file): error: \(text)"
    }
}
