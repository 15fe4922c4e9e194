import ParleyRDF
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// A load as a user asks for it: files (`-` is standard input) in one syntax or each in the one
/// its name implies, optionally into a named graph, Turtle resolved against a base.
public struct LoadRequest {
    public var files: [String]
    /// The syntax of every file; `nil` takes each file's from its name.
    public var syntax: RDFSyntax?
    /// Put the default-graph triples into this named graph.
    public var graph: String?
    /// The base IRI for relative IRIs in Turtle (default: each file's own `file:` IRI).
    public var base: String?
    /// Called now and then with the number of quads read so far.
    public var progress: (@Sendable (Int) -> Void)?
    /// The anonymous memory the load may use, in bytes (see ``LoadOptions/memoryBudget``).
    public var memoryBudget = LoadOptions.defaultMemoryBudget
    /// Bytes of one sorted run and of one term batch, overriding the budget's split: tests
    /// make a load spill many tiny runs with it.
    public var forcedBatchBytes: Int?

    public init(files: [String], syntax: RDFSyntax? = nil, graph: String? = nil, base: String? = nil) {
        self.files = files
        self.syntax = syntax
        self.graph = graph
        self.base = base
    }

    /// Checks, before any work (or any store is opened), that every file's syntax is known and
    /// every named file can be opened; returns the syntaxes.
    @discardableResult
    public func check() throws -> [RDFSyntax] {
        let syntaxes = try files.map { try syntax(of: $0) }
        for file in files where file != "-" { _ = try FileByteSource(path: file) }
        return syntaxes
    }

    /// The syntax `file` is read in, or ``OperationError/cannotTellSyntax(_:)``.
    public func syntax(of file: String) throws -> RDFSyntax {
        guard let syntax = syntax ?? RDFSyntax(path: file) else { throw OperationError.cannotTellSyntax(file) }
        return syntax
    }
}

/// What a load did and how long it took.
public struct LoadOutcome: Sendable {
    public var report: LoadReport
    public var files: Int
    public var graph: String?
    /// Wall-clock seconds.
    public var seconds: Double

    /// The summary `parley load` prints: counts, duplicates, new terms, time and rate.
    public var summary: String {
        let rate = seconds > 0 ? Int(Double(report.quadsRead) / seconds) : report.quadsRead
        let duplicates = report.quadsRead - report.quadsAdded
        return "loaded \(grouped(report.quadsAdded)) new triples from \(files) file\(files == 1 ? "" : "s")"
            + " (\(grouped(report.quadsRead)) read, \(grouped(duplicates)) already present; \(grouped(report.termsAdded)) new terms)"
            + " in \(formatDecimal(seconds, decimals: 2)) s, \(grouped(rate)) triples/s"
            + (report.sortedRuns > 0 ? "; sorted in \(report.sortedRuns) runs spilled beside the store" : "")
    }

    /// The shorter note the prompt prints after `.load`.
    public var note: String {
        let into = graph.map { " into <\($0)>" } ?? ""
        return "loaded \(grouped(report.quadsAdded)) new triples\(into) (\(grouped(report.quadsRead)) read) in \(formatDecimal(seconds, decimals: 2)) s"
    }
}

extension StoreSession {
    /// Loads every file of `request` in ONE write transaction: a syntax error anywhere loads
    /// nothing and names `FILE:LINE:COLUMN`. Every file's syntax and existence is checked before
    /// any work; standard input is copied aside first (a load restarts when the map grows).
    public func load(_ request: LoadRequest) throws -> LoadOutcome {
        let syntaxes = try request.check()
        let spool = request.files.contains("-") ? try StandardInputSpool() : nil
        let sources = zip(request.files, syntaxes).map { file, syntax in
            LoadSource.file(file, syntax: syntax, base: request.base, readFrom: file == "-" ? spool?.path : nil)
        }
        let clock = ContinuousClock()
        let start = clock.now
        var options = LoadOptions(graph: request.graph.map(Term.iri), progress: request.progress,
                                  expectedInputBytes: Self.expectedBytes(request.files), memoryBudget: request.memoryBudget)
        options.sortRunBytes = request.forcedBatchBytes
        options.termBatchBytes = request.forcedBatchBytes
        let report = try withExtendedLifetime(spool) { try store.load(sources, options: options) }
        return LoadOutcome(report: report, files: request.files.count, graph: request.graph, seconds: seconds(clock.now - start))
    }

    /// The inputs' size, gzip'd files counted ten times (N-Triples compresses about that well).
    static func expectedBytes(_ files: [String]) -> Int {
        files.reduce(0) { total, file in
            var info = stat()
            guard file != "-", stat(file, &info) == 0 else { return total }
            return total + Int(info.st_size) * (InputFile.isGzip(file) ? 10 : 1)
        }
    }
}

/// Standard input copied to a temporary file, removed when the value goes.
final class StandardInputSpool {
    let path: String

    init() throws {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(directory)/parley-stdin-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw OperationError.cannotSpool(directory, String(cString: strerror(errno))) }
        path = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { String(cString: $0) } ?? "" }
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
                throw OperationError.cannotSpool(path, reason)
            }
        }
    }

    deinit { unlink(path) }
}
