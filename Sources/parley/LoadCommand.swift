import ArgumentParser
import ParleyRDF
import ParleyOperations
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
    var format: RDFSyntax?

    @Option(help: ArgumentHelp("Put the triples of the default graph into this named graph.", valueName: "iri"))
    var graph: String?

    @Option(help: ArgumentHelp("Base IRI for relative IRIs in Turtle (default: each file's own file: IRI).", valueName: "iri"))
    var base: String?

    @Option(help: ArgumentHelp("""
        The memory the load may use, whatever the input's size (e.g. 700M, 2G; at least 608M, as \
        the store's write transaction itself holds up to 512M of it). Beyond it, sorted runs are \
        spilled to temporary files in the store's directory.
        """, valueName: "size"))
    var memory = ByteSize(bytes: LoadOptions.defaultMemoryBudget)

    @Argument(help: ArgumentHelp("The files to load.", valueName: "file"))
    var files: [String]

    /// The load as the flags ask for it. `PARLEY_LOAD_BATCH` (a size), hidden, forces sorted
    /// runs and term batches of that size: the reliability tests kill loads that spill.
    var request: LoadRequest {
        var request = LoadRequest(files: files, syntax: format, graph: graph, base: base)
        request.memoryBudget = memory.bytes
        request.forcedBatchBytes = getenv("PARLEY_LOAD_BATCH").flatMap { ByteSize(String(cString: $0))?.bytes }
        return request
    }

    func validate() throws {
        for file in files where format == nil && RDFSyntax(path: file) == nil {
            throw ValidationError("Cannot tell the syntax of '\(file)' from its name; give --format nt, nq or ttl.")
        }
        if let graph, !IRIResolver.isAbsolute(graph) {
            throw ValidationError("--graph needs an absolute IRI, got '\(graph)'.")
        }
        if let base, !IRIResolver.isAbsolute(base) {
            throw ValidationError("--base needs an absolute IRI, got '\(base)'.")
        }
        let least = LoadOptions.minimumMemoryBudget
        if memory.bytes < least {
            throw ValidationError("--memory \(memory.bytes >> 20)M is less than a load can keep to: at least \(least >> 20)M, "
                + "because the store's write transaction alone may hold 512M of changed pages.")
        }
    }

    func run() throws {
        var request = self.request
        // Every file is checked before the store is opened, so a typo creates no store.
        try request.check()
        let progress = ProgressLine(enabled: Terminal.standardError.isTerminal)
        request.progress = { progress.update(quads: $0) }
        let outcome = try StoreSession(store: try store.open()).load(request)
        progress.finish()
        Terminal.standardError.write(outcome.summary + "\n")
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
