import ParleyRDF

/// Why a user-facing operation (load, export, query output, ingest, facts, describing or drawing
/// an entity) could not be done, as data; ``diagnostic`` words it once for every front end.
public enum OperationError: DiagnosticError, Hashable, Sendable {
    /// A file could not be opened for writing (or reading), with the system's reason.
    case cannotOpen(String, String)
    /// A file's name implies no RDF syntax and none was given.
    case cannotTellSyntax(String)
    /// `--graph IRI` names a graph the store does not hold.
    case noSuchGraph(String)
    /// `--readout SLUG` names a readout that was never ingested.
    case noSuchReadout(String)
    /// Writing output failed part-way (disk full, closed pipe); `what` is "the result", "the export"…
    case writeFailed(String)
    /// The output format asked for does not fit the result: `format` for a SELECT/ASK result
    /// (`graphResult == false`) or for a CONSTRUCT/DESCRIBE one.
    case formatDoesNotFit(format: String, graphResult: Bool)
    /// Standard input could not be copied aside for a load.
    case cannotSpool(String, String)
    /// A folder given to ingest holds no readouts.
    case noReadouts(String)
    /// Some readouts could not be ingested (each was reported as it failed).
    case ingestFailed(count: Int)
    /// A name (`pe:Wang_Y`, `<IRI>`, `"Wang Yi"`, `prefix 'pf:'`) the store does not hold, with
    /// the closest one it does, written the same way.
    case unknownTerm(String, suggestion: String?)
    /// The graph layout tool is not installed: `tool` and the Debian package that brings it.
    case layoutToolMissing(tool: String, package: String)
    /// The graph layout tool failed: its exit status and what it wrote on standard error.
    case layoutFailed(tool: String, status: Int32, message: String)
    /// The graph layout tool ran longer than it was allowed and was stopped.
    case layoutTimedOut(tool: String, seconds: Int)
    /// An N-Quads document was sent to be written into one graph; its quads name their own.
    case quadsIntoGraph

    public var diagnostic: Diagnostic {
        switch self {
        case .cannotOpen(let path, let reason):
            Diagnostic("cannot open '\(path)': \(reason)")
        case .cannotTellSyntax(let path):
            Diagnostic("cannot tell the syntax of '\(path)' from its name (.nt, .nq, .ttl, optionally .gz); give --format nt, nq or ttl")
        case .noSuchGraph(let iri):
            Diagnostic("the store has no graph <\(iri)>; 'parley graphs' lists them")
        case .noSuchReadout(let slug):
            Diagnostic("no readout '\(slug)' in the store (parley ingest adds one)")
        case .writeFailed(let what):
            Diagnostic("writing \(what) failed (disk full or closed pipe)")
        case .formatDoesNotFit(let format, let graphResult):
            graphResult
                ? Diagnostic("--format \(format) is for SELECT and ASK; CONSTRUCT and DESCRIBE write nt, ttl or nq")
                : Diagnostic("--format \(format) is for CONSTRUCT and DESCRIBE; SELECT and ASK write table, csv, tsv, json or xml")
        case .cannotSpool(let path, let reason):
            Diagnostic("cannot copy standard input to \(path): \(reason)")
        case .noReadouts(let path):
            Diagnostic("a folder without readouts (*.txt files)", source: path)
        case .ingestFailed(let count):
            Diagnostic("\(count) file\(count == 1 ? "" : "s") could not be ingested")
        case .unknownTerm(let term, let suggestion):
            Diagnostic("\(term) is not in the store" + (suggestion.map { "; did you mean \($0)?" } ?? ""))
        case .layoutToolMissing(let tool, let package):
            Diagnostic("cannot draw the graph: '\(tool)' is not installed (apt-get install \(package))")
        case .layoutFailed(let tool, let status, let message):
            Diagnostic("'\(tool)' failed with status \(status)" + (message.isEmpty ? "" : ": " + message))
        case .layoutTimedOut(let tool, let seconds):
            Diagnostic("'\(tool)' took longer than \(seconds) s and was stopped")
        case .quadsIntoGraph:
            Diagnostic("N-Quads names each quad's graph, so it cannot be written into one graph; send N-Triples or Turtle")
        }
    }
}
