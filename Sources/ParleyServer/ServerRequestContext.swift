import Hummingbird
import NIOCore

/// The per-request context of `parley serve`: Hummingbird's core storage and the connection,
/// so that a query can be cancelled when its client goes away (``DisconnectWatcher``). The
/// endpoints read bodies up to `--max-body` themselves.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's connection.
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }
}
