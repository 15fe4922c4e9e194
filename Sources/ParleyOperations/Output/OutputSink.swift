#if canImport(Glibc)
import Glibc
#endif

/// A buffered writer on a file descriptor: standard output, standard error, a file opened by
/// `.output`/`.once`/`-o`, or (fd -1) nowhere; or, for the server, a consumer closure that is
/// handed each chunk. Every front end writes through it. Standard error is written through at
/// once; the others flush at ``flushThreshold`` (1 MiB unless set) and when ``flush()`` is
/// called (after every statement).
public final class OutputSink {
    /// The descriptor written to; -1 for a sink that discards or hands chunks to a consumer.
    public let fd: Int32
    private var buffer: [UInt8] = []
    private let ownsDescriptor: Bool
    /// Takes each flushed chunk instead of a descriptor; returns `false` when it can take no
    /// more (the reader went away), which sets ``failed``.
    private let consumer: (([UInt8]) -> Bool)?
    /// Buffered bytes are written out once there are this many.
    public var flushThreshold = 1 << 20
    /// Set when a write failed (disk full, closed pipe); later writes are dropped.
    public private(set) var failed = false

    /// Whether every write goes out at once (standard error, and error files in tests).
    private let unbuffered: Bool

    public init(fd: Int32, ownsDescriptor: Bool = false, unbuffered: Bool? = nil) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
        self.unbuffered = unbuffered ?? (fd == 2)
        self.consumer = nil
    }

    /// A sink that hands what is written, in chunks of about `chunkSize` bytes, to `consumer`
    /// (the server's response body). `consumer` returns `false` once it can take no more.
    public init(chunkSize: Int = 64 << 10, consumer: @escaping ([UInt8]) -> Bool) {
        self.fd = -1
        self.ownsDescriptor = false
        self.unbuffered = false
        self.consumer = consumer
        self.flushThreshold = chunkSize
    }

    /// Opens (creating or truncating) a file for writing.
    public static func file(_ path: String, unbuffered: Bool = false) throws -> OutputSink {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OperationError.cannotOpen(path, String(cString: strerror(errno))) }
        return OutputSink(fd: fd, ownsDescriptor: true, unbuffered: unbuffered)
    }

    /// Whether the descriptor is a terminal.
    public var isTerminal: Bool { isatty(fd) == 1 }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if unbuffered || buffer.count >= flushThreshold { flush() }
    }

    /// Appends bytes through `body`, flushing when the buffer is large.
    public func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if unbuffered || buffer.count >= flushThreshold { flush() }
    }

    /// Writes out what is buffered; a failed write sets ``failed``.
    public func flush() {
        if let consumer {
            if !buffer.isEmpty && !failed && !consumer(buffer) { failed = true }
            buffer.removeAll(keepingCapacity: true)
            return
        }
        // A negative descriptor discards what is written (timing runs nobody reads).
        if fd < 0 { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        while offset < buffer.count && !failed {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Drops what is buffered without writing it (the work failed; its partial output must not
    /// reach a consumer that would take it for a result).
    public func discardBuffered() {
        buffer.removeAll(keepingCapacity: false)
    }

    deinit {
        flush()
        if ownsDescriptor { close(fd) }
    }
}

extension OutputSink {
    /// Standard error, written through at once.
    nonisolated(unsafe) public static let standardError = OutputSink(fd: 2)

    /// Discards what is written (for timing runs whose output nobody reads).
    nonisolated(unsafe) public static let discard = OutputSink(fd: -1)

    /// Throws ``OperationError/writeFailed(_:)`` if a write failed (disk full, closed pipe).
    public func checkWritten(_ what: String) throws {
        if failed { throw OperationError.writeFailed(what) }
    }
}
