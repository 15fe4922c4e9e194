import ArgumentParser
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyOperations
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
        if let timeout, !isValidTimeout(timeout) { throw ValidationError("--timeout needs a positive number of seconds.") }
        if repeatCount < 1 { throw ValidationError("--repeat needs a positive count.") }
    }

    func run() throws {
        try QueryRequest(self).run()
    }
}

extension RequestText {
    /// The request text from the argument, from `-f FILE`, or from standard input (which must
    /// not be a terminal).
    static func readArgument(text: String?, file: String?, what: String) throws -> RequestText {
        if let text { return RequestText(text: text) }
        let path = file ?? "-"
        if path == "-" && isatty(0) == 1 {
            throw ValidationError("Give the \(what) as an argument, with -f FILE, or on standard input.")
        }
        // Invalid UTF-8 is an error, not U+FFFD: an update would store the replacement silently.
        return try RequestText.read(path)
    }
}
