#if canImport(Glibc)
import Glibc
#endif

/// A buffered writer on a file descriptor: standard output, standard error or a file opened
/// by `.output`/`.once`. Standard error is written through at once; the others flush at 1 MiB
/// and when ``flush()`` is called (after every statement).
public final class OutputSink {
    public let fd: Int32
    private var buffer: [UInt8] = []
    private let ownsDescriptor: Bool
    /// Set when a write failed (disk full, closed pipe); later writes are dropped.
    public private(set) var failed = false

    /// Whether every write goes out at once (standard error, and error files in tests).
    private let unbuffered: Bool

    public init(fd: Int32, ownsDescriptor: Bool = false, unbuffered: Bool? = nil) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
        self.unbuffered = unbuffered ?? (fd == 2)
    }

    /// Opens (creating or truncating) a file for writing.
    public static func file(_ path: String, unbuffered: Bool = false) throws -> OutputSink {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ShellError.cannotOpen(path, String(cString: strerror(errno))) }
        return OutputSink(fd: fd, ownsDescriptor: true, unbuffered: unbuffered)
    }

    /// Whether the descriptor is a terminal.
    public var isTerminal: Bool { isatty(fd) == 1 }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if unbuffered || buffer.count >= 1 << 20 { flush() }
    }

    /// Appends bytes through `body`, flushing when the buffer is large.
    public func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if unbuffered || buffer.count >= 1 << 20 { flush() }
    }

    public func flush() {
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

    deinit {
        flush()
        if ownsDescriptor { close(fd) }
    }
}

/// ANSI colours for a terminal; every field is empty when colours are off (not a terminal, or
/// `NO_COLOR` is set), so text can always be written as `palette.red + message + palette.reset`.
public struct Palette: Sendable {
    public var red = ""
    public var yellow = ""
    public var dim = ""
    public var bold = ""
    public var reset = ""

    public init(enabled: Bool) {
        guard enabled else { return }
        red = "\u{1B}[31m"
        yellow = "\u{1B}[33m"
        dim = "\u{1B}[2m"
        bold = "\u{1B}[1m"
        reset = "\u{1B}[0m"
    }

    /// Colours are on when `fd` is a terminal and `NO_COLOR` is unset or empty
    /// (<https://no-color.org>).
    public static func allowed(on fd: Int32) -> Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return isatty(fd) == 1
    }
}
