import ArgumentParser
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyOperations
#if canImport(Glibc)
import Glibc
#endif

/// Everything `parley query` was asked, as plain values: what ``QueryCommand`` parses, and
/// what ``run()`` carries out.
///
/// The usual forms of the command are also read by ``parseQuickly(_:)`` (``QuickArguments``),
/// which gives exactly the request ArgumentParser would, or gives up.
struct QueryRequest: Equatable {
    var db: String?
    var text: String?
    var file: String?
    var format: QueryOutputFormat?
    var base: String?
    var noUnionDefaultGraph = false
    var time = false
    var explain = false
    var timeout: Double?
    var repeatCount = 1

    init() {}

    init(_ command: QueryCommand) {
        db = command.store.db
        text = command.text
        file = command.file
        format = command.format
        base = command.request.base
        noUnionDefaultGraph = command.request.noUnionDefaultGraph
        time = command.time
        explain = command.explain
        timeout = command.timeout
        repeatCount = command.repeatCount
    }

    /// The request for the arguments after `query` when ``QuickArguments`` can read them and
    /// they are valid; `nil` leaves them to ArgumentParser.
    static func parseQuickly(_ arguments: ArraySlice<String>) -> QueryRequest? {
        let spellings = ["--db": "--db", "-f": "--file", "--file": "--file", "--format": "--format",
                         "--base": "--base", "--timeout": "--timeout", "--repeat": "--repeat"]
        guard let parsed = QuickArguments(arguments, options: spellings,
                                          flags: ["--no-union-default-graph", "--time", "--explain"]),
              parsed.positionals.count <= 1 else { return nil }
        var request = QueryRequest()
        request.text = parsed.positionals.first
        request.db = parsed.values["--db"]
        request.file = parsed.values["--file"]
        request.base = parsed.values["--base"]
        if let v = parsed.values["--format"] {
            guard let format = QueryOutputFormat(rawValue: v) else { return nil }
            request.format = format
        }
        if let v = parsed.values["--timeout"] {
            guard let seconds = Double(v), isValidTimeout(seconds) else { return nil }
            request.timeout = seconds
        }
        if let v = parsed.values["--repeat"] {
            guard let n = Int(v), n >= 1 else { return nil }
            request.repeatCount = n
        }
        request.noUnionDefaultGraph = parsed.flags.contains("--no-union-default-graph")
        request.time = parsed.flags.contains("--time")
        request.explain = parsed.flags.contains("--explain")
        // Both a text and a file is a usage error, ArgumentParser's to word.
        if request.text != nil && request.file != nil { return nil }
        return request
    }

    /// The store's path: `--db`, else `$PARLEY_DB`, else `./parley.db`.
    var store: StoreOptions {
        var options = StoreOptions()
        options.db = db
        return options
    }

    /// Runs the query and prints its result (or its plan, or its time).
    func run() throws {
        let source = try RequestText.readArgument(text: text, file: file, what: "query")
        let session = StoreSession(store: try store.open())
        let query: Query
        do {
            query = try session.parseQuery(source.text, base: base)
        } catch {
            throw CLIError(source.render(error))
        }
        var options = QueryOptions()
        options.unionDefaultGraph = !noUnionDefaultGraph
        options.baseIRI = base
        options.timeout = timeout.map { timeoutDuration(seconds: $0) }
        let out = Terminal(fd: 1)
        if explain {
            out.write(try session.engine.explain(query, options: options))
            return
        }
        let writer = resultWriter(onTerminal: out.isTerminal, prefixes: try session.store.prefixes())
        let clock = ContinuousClock()
        var times: [Double] = []
        for run in 1...repeatCount {
            let start = clock.now
            do {
                // Earlier runs of --repeat are timed without printing: their rows go nowhere.
                try session.run(query, options: options, writer: writer, to: run == repeatCount ? out : Terminal.discard)
            } catch {
                out.flush()
                throw error
            }
            if run == repeatCount { out.flush() }
            times.append(milliseconds(clock.now - start))
        }
        if time {
            let median = times.sorted()[times.count / 2]
            let runs = times.count > 1 ? " (median of \(times.count) runs)" : ""
            Terminal.standardError.write("time: \(formatted(median, decimals: 2)) ms\(runs)\n")
        }
        try out.checkWritten("the result")
    }

    /// `--format`, or the default for where the output goes (a table or Turtle on a terminal,
    /// TSV or N-Triples otherwise), as the result writer takes it.
    func resultWriter(onTerminal: Bool, prefixes: [(prefix: String, iri: String)]) -> ResultWriter {
        let solutions: ResultFormat?
        let graphs: RDFSyntax?
        if let format {
            solutions = ResultFormat(rawValue: format.rawValue)
            graphs = RDFSyntax(rawValue: format.rawValue)
        } else {
            solutions = onTerminal ? .table : .tsv
            graphs = onTerminal ? .ttl : .nt
        }
        return ResultWriter(solutionFormat: solutions, graphSyntax: graphs, requestedFormat: format?.rawValue ?? "",
                            prefixes: prefixes)
    }
}
