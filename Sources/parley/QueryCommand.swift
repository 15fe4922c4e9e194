import ArgumentParser
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyShell
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// The output syntaxes of `parley query`.
enum QueryOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, tsv, json, xml, nt, ttl, nq
}

/// `parley query`: runs a SPARQL query (or bare triple patterns) and prints the result.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a SPARQL query and print its result.",
        discussion: """
            The query comes from the argument, from -f FILE, or from standard input. Text that is only \
            triple patterns (?who pv:advocates ?what) means SELECT * WHERE { … }. The store's saved \
            prefixes (parley export --format ttl shows them) are known without PREFIX lines. The default \
            graph is the union of all graphs unless --no-union-default-graph or FROM says otherwise. \
            Exit status: 0 success, 1 query error, 2 usage error.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The query text (omit to use -f or standard input).")
    var text: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Read the query from this file.", valueName: "file"))
    var file: String?

    @Option(help: "table, csv, tsv, json or xml for SELECT/ASK; nt, ttl or nq for CONSTRUCT/DESCRIBE (default: table or ttl on a terminal, tsv or nt otherwise).")
    var format: QueryOutputFormat?

    @OptionGroup var request: RequestOptions

    @Flag(help: "Print the query's own elapsed time on stderr.")
    var time = false

    @Flag(help: "Print the query's algebra and its plan (index, estimated and actual rows per operator, time) instead of its result.")
    var explain = false

    @Option(help: ArgumentHelp("Stop the query after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .customLong("repeat"), help: ArgumentHelp("Run the query this many times and print only the last result; with --time, report the median (for benchmarks).", valueName: "n"))
    var repeatCount: Int = 1

    func validate() throws {
        if text != nil && file != nil { throw ValidationError("Give the query as an argument or with -f, not both.") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout needs a positive number of seconds.") }
        if repeatCount < 1 { throw ValidationError("--repeat needs a positive count.") }
    }

    func run() throws {
        let source = try QueryText.read(text: text, file: file, what: "query")
        let store = try self.store.open()
        let prefixes = Dictionary(try store.prefixes().map { ($0.prefix, $0.iri) }, uniquingKeysWith: { _, last in last })
        let query: Query
        do {
            query = try SPARQLParser.parseQueryOrPatterns(source.text, prefixes: prefixes, baseIRI: request.base)
        } catch {
            throw CLIError(QueryText.render(error, source: source))
        }
        var options = request.queryOptions
        options.timeout = timeout.map { .milliseconds(Int($0 * 1000)) }
        let engine = QueryEngine(store: store)
        let out = Terminal(fd: 1)
        if explain {
            out.write(try engine.explain(query, options: options))
            return
        }
        let clock = ContinuousClock()
        let onTerminal = out.isTerminal
        let savedPrefixes = try store.prefixes()
        var times: [Double] = []
        for run in 1...repeatCount {
            let start = clock.now
            do {
                try engine.query(query, options: options) { result in
                    // Earlier runs of --repeat are timed without printing: their rows go nowhere.
                    try ResultPrinter(format: format, onTerminal: onTerminal, prefixes: savedPrefixes)
                        .print(result, to: run == repeatCount ? out : Terminal.discard)
                }
            } catch let error as QueryError {
                out.flush()
                throw CLIError("\(error)")
            }
            if run == repeatCount { out.flush() }
            times.append(seconds(clock.now - start) * 1000)
        }
        if time {
            let median = times.sorted()[times.count / 2]
            let runs = times.count > 1 ? " (median of \(times.count) runs)" : ""
            Terminal.standardError.write("time: \(formatted(median, decimals: 2)) ms\(runs)\n")
        }
        if out.failed { throw CLIError("error: writing the result failed (disk full or closed pipe)") }
    }
}

/// Where query or update text comes from, for error messages.
struct QueryText {
    var text: String
    var name: String?

    static func read(text: String?, file: String?, what: String) throws -> QueryText {
        if let text { return QueryText(text: text, name: nil) }
        let path = file ?? "-"
        if path == "-" && isatty(0) == 1 {
            throw ValidationError("Give the \(what) as an argument, with -f FILE, or on standard input.")
        }
        let name = path == "-" ? nil : path
        do {
            return QueryText(text: try TextFile.read(path), name: name)
        } catch let error as TextFileError {
            // Without this check the bytes would become U+FFFD and an update would store the
            // replacement silently.
            throw CLIError("\(error)")
        }
    }

    /// A syntax error with the offending line and a caret, prefixed by the file name if any.
    static func render(_ error: Error, source: QueryText) -> String {
        guard let syntax = error as? SPARQLSyntaxError else { return "\(error)" }
        // `FILE:LINE:COLUMN: error: …` (or `LINE:COLUMN: …`), then the line with a caret.
        let prefix = source.name.map { "\($0):" } ?? ""
        let head = "\(prefix)\(syntax.position.line):\(syntax.position.column): error: \(syntax.message)"
        let snippet = syntax.rendered(source: source.text)
        let caretLines = snippet.split(separator: "\n", omittingEmptySubsequences: false)
        guard caretLines.count == 2, let caret = caretLines[1].range(of: "^") else { return head }
        return head + "\n" + caretLines[0] + "\n" + caretLines[1][..<caret.upperBound]
    }
}

/// Writes a query result in the chosen format.
struct ResultPrinter {
    let format: QueryOutputFormat?
    let onTerminal: Bool
    let prefixes: [(prefix: String, iri: String)]

    func print(_ result: QueryResult, to out: Terminal) throws {
        switch result {
        case .boolean(let value):
            let format = try solutionFormat()
            out.append { SolutionsSerializer.boolean(value, format: format, to: &$0) }
        case .solutions(let rows):
            var serializer = SolutionsSerializer(format: try solutionFormat(), variables: rows.variables, prefixes: prefixes)
            out.append { serializer.begin(to: &$0) }
            while let row = try rows.next() {
                out.append { serializer.append(row, to: &$0) }
            }
            out.append { serializer.finish(to: &$0) }
        case .graph(let triples):
            let format = format ?? (onTerminal ? .ttl : .nt)
            switch format {
            case .nt, .nq:
                while let quad = try triples.next() { out.append { NTriplesSerializer.appendQuad(quad, to: &$0) } }
            case .ttl:
                var serializer = TurtleSerializer(prefixes: prefixes)
                while let quad = try triples.next() { out.append { serializer.append(quad, to: &$0) } }
                out.append { serializer.finish(to: &$0) }
            default:
                throw CLIError("error: --format \(format.rawValue) is for SELECT and ASK; CONSTRUCT and DESCRIBE write nt, ttl or nq")
            }
        }
    }

    private func solutionFormat() throws -> ResultFormat {
        guard let format else { return onTerminal ? .table : .tsv }
        guard let result = ResultFormat(rawValue: format.rawValue) else {
            throw CLIError("error: --format \(format.rawValue) is for CONSTRUCT and DESCRIBE; SELECT and ASK write table, csv, tsv, json or xml")
        }
        return result
    }
}
