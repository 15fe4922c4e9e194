import ParleyQuery
import ParleyRDF
import ParleyStore

/// Writes one query result in the format a front end chose — the table, CSV, TSV, JSON or XML for
/// SELECT and ASK; N-Triples or Turtle for CONSTRUCT and DESCRIBE — streaming rows as they come.
/// `parley query`, the prompt and the server all write results through it.
///
/// A front end may cap the rows written (the rest are counted, not buffered) and replace the
/// table's own `N rows` line with a footer of its own (the prompt's `N rows (T ms)`).
public struct ResultWriter {
    /// The format for SELECT and ASK results, or `nil` when the front end's choice has none
    /// (then such a result throws ``OperationError/formatDoesNotFit(format:graphResult:)``).
    public var solutionFormat: ResultFormat?
    /// The syntax for CONSTRUCT and DESCRIBE results (N-Quads writes as N-Triples: a constructed
    /// graph has no graph names), or `nil` when the front end's choice has none.
    public var graphSyntax: RDFSyntax?
    /// The name of the format asked for, for the error when it does not fit the result.
    public var requestedFormat: String
    /// The prefixes the table and Turtle abbreviate with.
    public var prefixes: [(prefix: String, iri: String)]
    /// Write at most this many rows or triples; `nil` writes all.
    public var limit: Int?
    /// Whether the table, CSV and TSV start with the variable names.
    public var headers = true
    /// Table cells wider than this are cut with `…`.
    public var maxCellWidth = 60
    /// Replaces the table's `N rows` line (and is written after a table's ASK or graph result);
    /// gets the summary once every row has been read. `nil` keeps the table's own line.
    public var footer: ((Summary) -> String?)?

    /// What was written, for footers and notes.
    public struct Summary: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case rows, boolean, triples }
        public var kind: Kind
        /// Rows or triples in the result.
        public var total: Int
        /// Rows or triples written.
        public var shown: Int

        public init(kind: Kind, total: Int, shown: Int) {
            self.kind = kind
            self.total = total
            self.shown = shown
        }
    }

    public init(solutionFormat: ResultFormat?, graphSyntax: RDFSyntax?, requestedFormat: String = "",
                prefixes: [(prefix: String, iri: String)]) {
        self.solutionFormat = solutionFormat
        self.graphSyntax = graphSyntax
        self.requestedFormat = requestedFormat
        self.prefixes = prefixes
    }

    /// Writes `result` to `out`, checking `cancellation` per row.
    public func write(_ result: QueryResult, to out: OutputSink, cancellation: CancellationToken? = nil) throws -> Summary {
        func checkCancelled() throws {
            if let cancellation, cancellation.isCancelled { throw QueryError.cancelled }
        }
        switch result {
        case .boolean(let value):
            let format = try solutions()
            out.append { SolutionsSerializer.boolean(value, format: format, to: &$0) }
            let summary = Summary(kind: .boolean, total: 1, shown: 1)
            if format == .table, let line = footer?(summary), !line.isEmpty { out.write(line + "\n") }
            return summary
        case .solutions(let rows):
            let format = try solutions()
            var style = TableStyle()
            style.maxCellWidth = maxCellWidth
            style.maxRows = limit
            style.headers = headers
            var serializer = SolutionsSerializer(format: format, variables: rows.variables, prefixes: prefixes, table: style)
            // Without headers, CSV and TSV start with the first row.
            if headers || !(format == .csv || format == .tsv) {
                out.append { serializer.begin(to: &$0) }
            }
            var total = 0
            var shown = 0
            while let row = try rows.next() {
                try checkCancelled()
                total += 1
                // The table caps its own rows (and says how many it left out).
                let withinLimit = limit.map { total <= $0 } ?? true
                if format == .table || withinLimit { out.append { serializer.append(row, to: &$0) } }
                if withinLimit { shown += 1 }
            }
            let summary = Summary(kind: .rows, total: total, shown: shown)
            var tail: [UInt8] = []
            serializer.finish(to: &tail)
            if format == .table, let footer {
                // The table ends with its own `N rows` line; the front end's footer replaces it.
                if tail.last == 0x0A { tail.removeLast() }
                if let newline = tail.lastIndex(of: 0x0A) { tail.removeSubrange((newline + 1)...) } else { tail.removeAll() }
                out.append { $0 += tail }
                if let line = footer(summary) { out.write(line + "\n") }
            } else {
                out.append { $0 += tail }
            }
            return summary
        case .graph(let triples):
            guard let syntax = graphSyntax else {
                throw OperationError.formatDoesNotFit(format: requestedFormat, graphResult: true)
            }
            var total = 0
            var shown = 0
            var turtle = syntax == .ttl ? TurtleSerializer(prefixes: prefixes) : nil
            while let quad = try triples.next() {
                try checkCancelled()
                total += 1
                guard limit.map({ shown < $0 }) ?? true else { continue }
                shown += 1
                if turtle != nil {
                    out.append { turtle?.append(quad, to: &$0) }
                } else {
                    var triple = quad
                    triple.graph = nil
                    out.append { NTriplesSerializer.appendQuad(triple, to: &$0) }
                }
            }
            if turtle != nil { out.append { turtle?.finish(to: &$0) } }
            let summary = Summary(kind: .triples, total: total, shown: shown)
            if solutionFormat == .table, let line = footer?(summary) { out.write(line + "\n") }
            return summary
        }
    }

    private func solutions() throws -> ResultFormat {
        guard let solutionFormat else { throw OperationError.formatDoesNotFit(format: requestedFormat, graphResult: false) }
        return solutionFormat
    }

    /// `3 rows (1.2 ms)`, `1 triple`, with the time only when one is given.
    public static func footer(_ summary: Summary, milliseconds: Double?) -> String {
        let noun: String
        switch summary.kind {
        case .rows: noun = summary.total == 1 ? "row" : "rows"
        case .triples: noun = summary.total == 1 ? "triple" : "triples"
        case .boolean:
            return milliseconds.map { "(\(formatMilliseconds($0)))" } ?? ""
        }
        var text = "\(grouped(summary.total)) \(noun)"
        if let milliseconds { text += " (\(formatMilliseconds(milliseconds)))" }
        return text
    }

    /// The note for a capped result, or `nil` when everything was shown.
    public static func capNote(_ summary: Summary) -> String? {
        guard summary.shown < summary.total else { return nil }
        let hidden = summary.total - summary.shown
        let noun = summary.kind == .triples ? (hidden == 1 ? "triple" : "triples") : (hidden == 1 ? "row" : "rows")
        return "showing the first \(grouped(summary.shown)); \(grouped(hidden)) more \(noun) not shown (.limit N to change, .limit 0 for all)"
    }
}
