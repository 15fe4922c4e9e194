#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of bytes that parsers pull from: a file, a gzip-compressed file, or memory.
///
/// `read(into:)` fills up to `buffer.count` bytes and returns how many it wrote; `0` means
/// the end of the input. Sources are single-pass and not thread-safe.
public protocol ByteSource {
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// An error reading input, naming the file and the operation that failed.
public struct InputError: DiagnosticError, Hashable, Sendable {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var diagnostic: Diagnostic { Diagnostic(message, source: path) }

    static func errno(path: String, _ what: String, code: Int32) -> InputError {
        InputError(path: path, message: "\(what): \(String(cString: strerror(code)))")
    }
}

/// Bytes held in memory.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + count)]))
        }
        position += count
        return count
    }
}

/// A file read with `read(2)`. The descriptor is closed when the last copy goes away.
///
/// Opening a directory, a missing file or an unreadable one throws an ``InputError`` that
/// names the path and says why.
public struct FileByteSource: ByteSource {
    private final class Handle {
        let fd: Int32
        init(fd: Int32) { self.fd = fd }
        deinit { _ = close(fd) }
    }

    private let handle: Handle
    public let path: String

    /// Opens `path` for reading; `"-"` reads standard input.
    public init(path: String) throws {
        self.path = path
        if path == "-" {
            handle = Handle(fd: dup(0))
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError.errno(path: path, "cannot open", code: errno) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            _ = close(fd)
            throw InputError(path: path, message: "is a directory, not a file")
        }
        handle = Handle(fd: fd)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(handle.fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw InputError.errno(path: path, "cannot read", code: errno)
        }
    }
}
