import ArgumentParser
import ParleyRDF
import ParleyShell
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// `parley load FILE…`: N-Triples, N-Quads and Turtle (also gzip-compressed) into the store,
/// all files in one transaction.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load RDF files into the store, all in one transaction.",
        discussion: """
            The syntax comes from each file's extension (.nt, .nq, .ttl, optionally followed by .gz) \
            unless --format is given. A syntax error anywhere loads nothing and names FILE:LINE:COLUMN. \
            '-' reads standard input (give --format).
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The syntax of every file: nt, nq or ttl (default: from each file's extension).")
    var format: RDFFormat?

    @Option(help: ArgumentHelp("Put the triples of the default graph into this named graph.", valueName: "iri"))
    var graph: String?

    @Option(help: ArgumentHelp("Base IRI for relative IRIs in Turtle (default: each file's own file: IRI).", valueName: "iri"))
    var base: String?

    @Argument(help: ArgumentHelp("The files to load.", valueName: "file"))
    var files: [String]

    func validate() throws {
        for file in files where format == nil && RDFFormat(path: file) == nil {
            throw ValidationError("Cannot tell the syntax of '\(file)' from its name; give --format nt, nq or ttl.")
        }
        if let graph, !IRIResolver.isAbsolute(graph) {
            throw ValidationError("--graph needs an absolute IRI, got '\(graph)'.")
        }
        if let base, !IRIResolver.isAbsolute(base) {
            throw ValidationError("--base needs an absolute IRI, got '\(base)'.")
        }
    }

    func run() throws {
        // Check every file up front, so a missing one is reported before any work.
        for file in files where file != "-" { _ = try FileByteSource(path: file) }
        let store = try self.store.open()
        let progress = ProgressLine(enabled: Terminal.standardError.isTerminal)
        let sources = files.map { file in
            source(for: file, format: format ?? RDFFormat(path: file) ?? .nt)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let inputBytes = files.reduce(0) { total, file in
            var info = stat()
            guard file != "-", stat(file, &info) == 0 else { return total }
            // gzip'd N-Triples is typically a tenth of its size or less.
            return total + Int(info.st_size) * (InputFile.isGzip(file) ? 10 : 1)
        }
        let options = LoadOptions(graph: graph.map(Term.iri), progress: { progress.update(quads: $0) },
                                  expectedInputBytes: inputBytes)
        let report = try store.load(sources, options: options)
        progress.finish()
        let elapsed = seconds(clock.now - start)
        let rate = elapsed > 0 ? Int(Double(report.quadsRead) / elapsed) : report.quadsRead
        let duplicates = report.quadsRead - report.quadsAdded
        Terminal.standardError.write(
            "loaded \(grouped(report.quadsAdded)) new triples from \(files.count) file\(files.count == 1 ? "" : "s")"
            + " (\(grouped(report.quadsRead)) read, \(grouped(duplicates)) already present; \(grouped(report.termsAdded)) new terms)"
            + " in \(formatted(elapsed)) s, \(grouped(rate)) triples/s\n")
    }

    private func source(for file: String, format: RDFFormat) -> LoadSource {
        let name = file == "-" ? "<stdin>" : file
        switch format {
        case .nt, .nq:
            return LoadSource(name: name) {
                NTriplesParser(source: try AnyByteSource.open(path: file), format: format == .nq ? .nQuads : .nTriples)
            }
        case .ttl:
            let box = PrefixBox()
            let baseIRI = base ?? (file == "-" ? nil : FileIRI.make(for: file))
            return LoadSource(name: name, makeReader: {
                PrefixRecordingTurtleReader(parser: TurtleParser(source: try AnyByteSource.open(path: file), baseIRI: baseIRI), box: box)
            }, prefixes: { box.prefixes })
        }
    }
}

/// The progress line on a terminal: triples, triples/s, elapsed; shown only for loads that
/// take over a second, redrawn at most five times a second.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
        start = clock.now
        lastDraw = start
    }

    func update(quads: Int) {
        guard enabled else { return }
        let now = clock.now
        let elapsed = seconds(now - start)
        guard elapsed >= 1, seconds(now - lastDraw) >= 0.2 || !drawn else { return }
        lastDraw = now
        drawn = true
        let rate = Int(Double(quads) / elapsed)
        Terminal.standardError.write("\r\u{1B}[K  \(grouped(quads)) triples  \(grouped(rate)) triples/s  \(formatted(elapsed, decimals: 1)) s")
    }

    func finish() {
        if drawn { Terminal.standardError.write("\r\u{1B}[K") }
    }
}
