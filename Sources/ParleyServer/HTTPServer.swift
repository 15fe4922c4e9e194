import Dispatch
import Hummingbird
import Logging
import NIOCore
import ParleyOperations

/// `parley serve`: the store behind an HTTP server (Hummingbird 2 on SwiftNIO) until SIGINT
/// or SIGTERM, which stop new connections, let the requests in flight finish, and return.
public enum HTTPServer {
    /// Serves `session` as `configuration` says. `announce` gets the URL once the server
    /// listens (the real port when `configuration.port` is 0). Blocks until shut down.
    public static func run(_ session: StoreSession, configuration: ServerConfiguration,
                           announce: @escaping @Sendable (String) -> Void) async throws {
        let store = ServedStore(session: session, configuration: configuration)
        var logger = Logger(label: "parley-serve")
        logger.logLevel = .error
        let app = Application(
            router: Routes.router(for: store),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "parley"),
            onServerRunning: { channel in
                announce(configuration.url(port: channel.localAddress?.port ?? configuration.port))
            },
            logger: logger)
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }

    /// ``run(_:configuration:announce:)`` for a synchronous caller (the command line): runs it
    /// on the concurrency pool and waits.
    public static func runBlocking(_ session: StoreSession, configuration: ServerConfiguration,
                                   announce: @escaping @Sendable (String) -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task {
            do {
                try await run(session, configuration: configuration, announce: announce)
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// Carries the server's error to the waiting thread; written once before `done.signal()`.
    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}
