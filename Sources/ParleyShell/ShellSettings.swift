import ParleyOperations
import ParleyQuery

/// How results are written: `.mode`.
public enum OutputMode: String, CaseIterable, Sendable {
    /// An aligned table with prefixed names (SELECT); Turtle for CONSTRUCT and DESCRIBE.
    case table
    case csv, tsv, json, xml
    /// N-Triples for CONSTRUCT and DESCRIBE (SELECT falls back to TSV).
    case nt
    /// Turtle for CONSTRUCT and DESCRIBE (SELECT falls back to the table).
    case ttl

    /// The result format for the rows of a SELECT.
    var solutionFormat: ResultFormat {
        switch self {
        case .table, .ttl: .table
        case .csv: .csv
        case .tsv, .nt: .tsv
        case .json: .json
        case .xml: .xml
        }
    }

    /// Whether CONSTRUCT and DESCRIBE results are written as Turtle (else N-Triples).
    var graphAsTurtle: Bool { self == .table || self == .ttl }
}

/// The settings dot-commands change: `.mode`, `.headers`, `.timer`, `.limit`.
public struct ShellSettings: Sendable {
    public var mode: OutputMode
    public var headers = true
    /// Print each statement's elapsed time (`N rows (T ms)`).
    public var timer: Bool
    /// Show at most this many rows of a result; `nil` shows all.
    public var limit: Int?
    /// Cells wider than this are cut with `…`.
    public var maxCellWidth = 60

    public init(mode: OutputMode, timer: Bool, limit: Int?) {
        self.mode = mode
        self.timer = timer
        self.limit = limit
    }

    /// At the prompt: a table, the timer on, at most 1,000 rows.
    public static let interactive = ShellSettings(mode: .table, timer: true, limit: 1000)
    /// In scripts and pipes: TSV, no timer, every row.
    public static let script = ShellSettings(mode: .tsv, timer: false, limit: nil)
}

extension ShellSettings {
    /// The result writer these settings ask for: `.mode`'s formats, `.headers`, `.limit`, the
    /// cell width, and `footer` in place of the table's own `N rows` line (after ASK and graph
    /// results only in table mode).
    public func resultWriter(prefixes: [(prefix: String, iri: String)],
                             footer: @escaping (ResultWriter.Summary) -> String?) -> ResultWriter {
        let mode = self.mode
        var writer = ResultWriter(solutionFormat: mode.solutionFormat, graphSyntax: mode.graphAsTurtle ? .ttl : .nt,
                                  requestedFormat: mode.rawValue, prefixes: prefixes)
        writer.limit = limit
        writer.headers = headers
        writer.maxCellWidth = maxCellWidth
        writer.footer = { summary in summary.kind == .rows || mode == .table ? footer(summary) : nil }
        return writer
    }
}
