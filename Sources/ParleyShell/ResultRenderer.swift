import ParleyStore
import ParleyQuery
import ParleyRDF

/// Writes one query result the way the shell's settings say: the table (with the footer
/// `N rows (T ms)`), CSV, TSV, JSON or XML for SELECT; Turtle or N-Triples for CONSTRUCT and
/// DESCRIBE. At most `settings.limit` rows are written; the rest are counted and a note says so.
public struct ResultRenderer {
    public var settings: ShellSettings
    public var prefixes: [(prefix: String, iri: String)]

    /// What was written, for the footer and the notes.
    public struct Summary: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case rows, boolean, triples }
        public var kind: Kind
        /// Rows or triples in the result.
        public var total: Int
        /// Rows or triples written.
        public var shown: Int
    }

    public init(settings: ShellSettings, prefixes: [(prefix: String, iri: String)]) {
        self.settings = settings
        self.prefixes = prefixes
    }

    /// Writes `result` to `out`. `footer` gets the summary and the elapsed time once every row
    /// has been read, and returns the footer line (or `nil`). `cancellation` is checked per row.
    public func write(_ result: QueryResult, to out: OutputSink, cancellation: CancellationToken? = nil,
                      footer: (Summary) -> String?) throws -> Summary {
        func checkCancelled() throws {
            if let cancellation, cancellation.isCancelled { throw QueryError.cancelled }
        }
        switch result {
        case .boolean(let value):
            out.append { SolutionsSerializer.boolean(value, format: settings.mode.solutionFormat, to: &$0) }
            let summary = Summary(kind: .boolean, total: 1, shown: 1)
            if let line = footer(summary), !line.isEmpty, settings.mode == .table { out.write(line + "\n") }
            return summary
        case .solutions(let rows):
            var style = TableStyle()
            style.maxCellWidth = settings.maxCellWidth
            style.maxRows = settings.limit
            style.headers = settings.headers
            let format = settings.mode.solutionFormat
            var serializer = SolutionsSerializer(format: format, variables: rows.variables, prefixes: prefixes, table: style)
            // Without headers, CSV and TSV start with the first row.
            if settings.headers || !(format == .csv || format == .tsv) {
                out.append { serializer.begin(to: &$0) }
            }
            var total = 0
            var shown = 0
            while let row = try rows.next() {
                try checkCancelled()
                total += 1
                // The table caps its own rows (and says how many it left out).
                let withinLimit = settings.limit.map { total <= $0 } ?? true
                if format == .table || withinLimit { out.append { serializer.append(row, to: &$0) } }
                if withinLimit { shown += 1 }
            }
            let summary = Summary(kind: .rows, total: total, shown: shown)
            var tail: [UInt8] = []
            serializer.finish(to: &tail)
            if format == .table {
                // The table ends with its own `N rows` line; the shell's footer replaces it.
                if tail.last == 0x0A { tail.removeLast() }
                if let newline = tail.lastIndex(of: 0x0A) { tail.removeSubrange((newline + 1)...) } else { tail.removeAll() }
                out.append { $0 += tail }
                if let line = footer(summary) { out.write(line + "\n") }
            } else {
                out.append { $0 += tail }
            }
            return summary
        case .graph(let triples):
            var total = 0
            var shown = 0
            if settings.mode.graphAsTurtle {
                var serializer = TurtleSerializer(prefixes: prefixes)
                while let quad = try triples.next() {
                    try checkCancelled()
                    total += 1
                    guard settings.limit.map({ shown < $0 }) ?? true else { continue }
                    shown += 1
                    out.append { serializer.append(quad, to: &$0) }
                }
                out.append { serializer.finish(to: &$0) }
            } else {
                while let quad = try triples.next() {
                    try checkCancelled()
                    total += 1
                    guard settings.limit.map({ shown < $0 }) ?? true else { continue }
                    shown += 1
                    out.append { out in
                        NTriplesSerializer.appendTerm(quad.subject, to: &out)
                        out.append(0x20)
                        NTriplesSerializer.appendTerm(quad.predicate, to: &out)
                        out.append(0x20)
                        NTriplesSerializer.appendTerm(quad.object, to: &out)
                        out.append(contentsOf: " .\n".utf8)
                    }
                }
            }
            let summary = Summary(kind: .triples, total: total, shown: shown)
            if let line = footer(summary), settings.mode == .table { out.write(line + "\n") }
            return summary
        }
    }

    /// `3 rows (1.2 ms)`, `1 triple`, with the time only when the timer is on.
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

    static func formatMilliseconds(_ ms: Double) -> String {
        if ms >= 10_000 { return "\(formatDecimal(ms / 1000, decimals: 1)) s" }
        if ms >= 100 { return "\(Int(ms.rounded())) ms" }
        return "\(formatDecimal(ms, decimals: ms >= 10 ? 1 : 2)) ms"
    }
}


func milliseconds(_ duration: Duration) -> Double {
    let c = duration.components
    return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
}
