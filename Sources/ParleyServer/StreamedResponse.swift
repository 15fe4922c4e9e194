import Dispatch
import Hummingbird
import NIOCore
import ParleyOperations
import ParleyQuery

/// Turns blocking work that writes to an ``OutputSink`` (a query through `ResultWriter`, an
/// export) into a response, without a second serializer.
///
/// The work runs on a query thread; the sink hands 64 KiB chunks across. While the work has
/// written less than one chunk the response waits, so a result that fits (most) is sent with
/// the status its outcome deserves — 200, or the error's 400/404/503. A larger result is
/// streamed as it is written, at most a few chunks ahead of the client; an error after that can
/// only cut the response short (the connection is closed), as with every streaming endpoint.
enum StreamedResponse {
    /// Chunks written but not yet sent before the work waits for the client.
    static let chunksAhead = 4

    /// `channel` is the client's connection: once it is closed the work stops waiting for room
    /// and is cancelled, even when the response never got as far as its body.
    static func make(store: ServedStore, token: CancellationToken, channel: (any Channel)?, headers: HTTPFields,
                     work: @escaping @Sendable (OutputSink) throws -> Void) async throws -> Response {
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        let room = DispatchSemaphore(value: chunksAhead)
        let producer = Task {
            do {
                try await store.read {
                    let sink = OutputSink { bytes in
                        // Wait for the client to take earlier chunks, unless the request is over.
                        while room.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
                            if token.isCancelled || channel.map({ !$0.isActive }) == true {
                                token.cancel()
                                return false
                            }
                        }
                        continuation.yield(ByteBuffer(bytes: bytes))
                        return true
                    }
                    do {
                        try work(sink)
                    } catch {
                        sink.discardBuffered()
                        throw error
                    }
                    sink.flush()
                    if sink.failed { throw QueryError.cancelled }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        var chunks = stream.makeAsyncIterator()
        // Errors before the first chunk become the error's own response (thrown from here).
        guard let first = try await chunks.next() else {
            _ = await producer.result
            return Response(status: .ok, headers: headers, body: ResponseBody())
        }
        room.signal()
        let rest = ChunkIterator(iterator: chunks)
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            do {
                try await writer.write(first)
                while let chunk = try await rest.next() {
                    try await writer.write(chunk)
                    room.signal()
                }
                try await writer.finish(nil)
            } catch {
                // The client went away or the work failed part-way: stop the work, drop the connection.
                token.cancel()
                throw error
            }
        })
    }
}

/// Hands the stream's iterator to the response body closure, which runs once.
private final class ChunkIterator: @unchecked Sendable {
    private var iterator: AsyncThrowingStream<ByteBuffer, any Error>.AsyncIterator

    init(iterator: AsyncThrowingStream<ByteBuffer, any Error>.AsyncIterator) { self.iterator = iterator }

    func next() async throws -> ByteBuffer? { try await iterator.next() }
}
