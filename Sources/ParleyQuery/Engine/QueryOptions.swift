import Synchronization

/// How a query or update runs.
public struct QueryOptions: Sendable {
    /// Whether the default graph is the union of all graphs (Parley's default) or only the
    /// unnamed graph (the standard dataset the W3C tests assume). `FROM` overrides both.
    public var unionDefaultGraph = true
    /// The base IRI for relative IRIs that `IRI()` calls produce when the request has none of
    /// its own: a `BASE` in the text wins, since the base embedded in a document comes before
    /// the one from its context (RFC 3986 §5.1.1), and the parser resolves the text's IRIs.
    public var baseIRI: String?
    /// Checked in every evaluation loop; cancelling it stops the query with `QueryError.cancelled`.
    public var cancellation: CancellationToken?
    /// Stops the query with `QueryError.timeout` once it has run this long.
    public var timeout: Duration?

    public init() {}
}

/// A flag another thread (a Ctrl-C handler, a timer) sets to stop a running query.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the query to stop at its next check.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    /// Clears the flag for the next query.
    public func reset() { flag.store(false, ordering: .relaxed) }
}
