import NIOPosix
import ParleyOperations
import ParleyQuery

/// The store as the server's handlers reach it: the one ``StoreSession`` (every request reads
/// in its own snapshot through it) and the threads the blocking engine runs on, apart from the
/// event loops. Reads run on a pool of ``ServerConfiguration/queryThreads`` threads; writes
/// (updates and Graph Store writes) on one thread of their own, so they go one at a time, in
/// the order they came, and never hold up a read.
///
/// The page's routes (`WebPages.register`) take this too.
public final class ServedStore: Sendable {
    public let session: StoreSession
    public let configuration: ServerConfiguration
    private let readers: NIOThreadPool
    private let writer: NIOThreadPool

    public init(session: StoreSession, configuration: ServerConfiguration) {
        self.session = session
        self.configuration = configuration
        readers = NIOThreadPool(numberOfThreads: max(1, configuration.queryThreads))
        writer = NIOThreadPool(numberOfThreads: 1)
        readers.start()
        writer.start()
    }

    /// Runs blocking read work (a query, an export) on a query thread.
    public func read<R: Sendable>(_ body: @escaping @Sendable () throws -> R) async throws -> R {
        try await readers.runIfActive(body)
    }

    /// Runs blocking write work on the one writing thread, after the writes queued before it.
    public func write<R: Sendable>(_ body: @escaping @Sendable () throws -> R) async throws -> R {
        try await writer.runIfActive(body)
    }

    /// Engine options for a request: the server's union-default-graph choice and timeout, and
    /// `cancellation` for the client going away.
    public func queryOptions(cancellation: CancellationToken?) -> QueryOptions {
        var options = QueryOptions()
        options.unionDefaultGraph = configuration.unionDefaultGraph
        options.timeout = configuration.timeout
        options.cancellation = cancellation
        return options
    }

    /// Stops the threads once the server has finished its requests.
    func shutdown() async {
        try? await readers.shutdownGracefully()
        try? await writer.shutdownGracefully()
    }
}
