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
        // A load runs again from the start when the map must grow, and standard input can be
        // read only once: read it from a copy.
        let spool = files.contains("-") ? try StandardInputSpool() : nil
        defer { withExtendedLifetime(spool) {} }
        let sources = files.map { file in
            source(for: file, path: file == "-" ? spool!.path : file, format: format ?? RDFFormat(path: file) ?? .nt)
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

    /// The source of `file` (as named in messages) read from `path`.
    private func source(for file: String, path: String, format: RDFFormat) -> LoadSource {
        let name = file == "-" ? "<stdin>" : file
        switch format {
        case .nt, .nq:
            return LoadSource(name: name) {
                NTriplesParser(source: try AnyByteSource.open(path: path), format: format == .nq ? .nQuads : .nTriples)
            }
        case .ttl:
            let box = PrefixBox()
            let baseIRI = base ?? (file == "-" ? nil : FileIRI.make(for: file))
            return LoadSource(name: name, makeReader: {
                PrefixRecordingTurtleReader(parser: TurtleParser(source: try AnyByteSource.open(path: path), baseIRI: baseIRI), box: box)
            }, prefixes: { box.prefixes })
        }
    }
}

/// Standard input copied to a temporary file, removed when the value goes.
final class StandardInputSpool {
    let path: String

    init() throws {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(directory)/parley-stdin-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw CLIError("error: cannot copy standard input to \(directory): \(String(cString: strerror(errno)))")
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n == 0 { break }
            let written = n > 0 ? buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, n) } : -1
            guard n > 0, written == n else {
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw CLIError("error: cannot copy standard input to \(path): \(reason)")
            }
        }
    }

    deinit { unlink(path) }
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
