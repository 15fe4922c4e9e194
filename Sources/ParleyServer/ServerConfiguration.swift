/// How `parley serve` serves a store: where it listens and what it lets clients do.
///
/// The defaults are the safe ones: loopback only, read-only, the CLI's union default graph.
public struct ServerConfiguration: Sendable {
    /// The address to listen on (`127.0.0.1`; `0.0.0.0` opens the store to the network).
    public var host = "127.0.0.1"
    /// The TCP port; 0 lets the system choose a free one (the banner says which).
    public var port = 7878
    /// Whether SPARQL updates and Graph Store writes (PUT, POST, DELETE) are accepted.
    public var allowUpdate = false
    /// Queries and updates running longer than this stop with 503; `nil` lets them run.
    public var timeout: Duration?
    /// Request bodies larger than this many bytes get 413.
    public var maxBody = 16 << 20
    /// Whether the default graph is the union of all graphs, as in `parley query`.
    public var unionDefaultGraph = true
    /// Threads that run queries (LMDB reads), apart from the event loop's.
    public var queryThreads = 8

    public init() {}

    /// `http://HOST:PORT`, the address people type.
    public func url(port actualPort: Int) -> String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(actualPort)"
    }
}
