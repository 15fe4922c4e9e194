import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore

/// One opened store as every front end uses it — the subcommands, the prompt and the server:
/// requests are parsed with the store's saved prefixes, queries run and their results are
/// written by one ``ResultWriter``, updates report what they changed.
///
/// It holds no transaction between calls: each query reads in its own snapshot, each update
/// writes in one transaction, so one session may serve many threads at once (the server's
/// requests); LMDB lets one write transaction in at a time.
public final class StoreSession: Sendable {
    public let store: Store
    public let engine: QueryEngine

    public init(store: Store) {
        self.store = store
        self.engine = QueryEngine(store: store)
    }

    /// The saved prefixes, as the parser takes them (the last binding of a name wins).
    public func prefixMap() throws -> [String: String] {
        Dictionary(try store.prefixes().map { ($0.prefix, $0.iri) }, uniquingKeysWith: { _, last in last })
    }

    /// A query (or bare triple patterns, meaning `SELECT * WHERE { … }`) with the saved prefixes
    /// known. Throws a ``SPARQLSyntaxError`` whose position counts in `text`.
    public func parseQuery(_ text: String, base: String? = nil) throws -> Query {
        try SPARQLParser.parseQueryOrPatterns(text, prefixes: try prefixMap(), baseIRI: base)
    }

    /// An update request with the saved prefixes known.
    public func parseUpdate(_ text: String, base: String? = nil) throws -> Update {
        try SPARQLParser.parseUpdate(text, baseIRI: base, prefixes: try prefixMap())
    }

    /// Runs `query` and writes its result with `writer` to `out`; returns what was written.
    @discardableResult
    public func run(_ query: Query, options: QueryOptions, writer: ResultWriter, to out: OutputSink) throws -> ResultWriter.Summary {
        try engine.query(query, options: options) { result in
            try writer.write(result, to: out, cancellation: options.cancellation)
        }
    }

    /// Applies `update` in one write transaction.
    public func apply(_ update: Update, options: QueryOptions) throws -> UpdateReport {
        try engine.update(update, options: options)
    }

    /// `inserted N, deleted M triples`: what an update did, as every front end says it.
    public static func summary(of report: UpdateReport) -> String {
        "inserted \(grouped(report.inserted)), deleted \(grouped(report.deleted)) triples"
    }
}
