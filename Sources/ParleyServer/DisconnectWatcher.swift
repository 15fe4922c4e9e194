import NIOCore
import ParleyQuery

/// Cancels a request's query when its client goes away: put first in the connection's pipeline
/// for the time of one request, it sees the client close its side (the server allows half
/// closure, so that arrives as `inputClosed`) or the connection drop, and cancels the token the
/// engine checks in every loop.
final class DisconnectWatcher: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    let token: CancellationToken

    init(token: CancellationToken) { self.token = token }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, case .inputClosed = event { token.cancel() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        token.cancel()
        context.fireChannelInactive()
    }

    /// Watches `channel` while `body` runs; the watcher is removed afterwards.
    static func watching<R>(_ channel: (any Channel)?, _ body: (CancellationToken) async throws -> R) async throws -> R {
        let token = CancellationToken()
        guard let channel else { return try await body(token) }
        let watcher = DisconnectWatcher(token: token)
        if !channel.isActive { token.cancel() }
        try? await channel.pipeline.addHandler(watcher, position: .first).get()
        defer { channel.pipeline.removeHandler(watcher, promise: nil) }
        return try await body(token)
    }
}
