#if canImport(Glibc)
import Glibc
#endif

/// A sorted run of keys spilled by a load: a temporary file in the store's directory (same
/// file system, no surprise quota elsewhere) that is unlinked as soon as it is created, so it
/// vanishes when the load ends however it ends: success, error, Ctrl-C or `kill -9`.
final class RunFile {
    private let descriptor: Int32
    private let directory: String
    /// Bytes written so far.
    private(set) var size = 0

    /// Creates the file in `directory`: nameless from the start where the file system allows
    /// (`O_TMPFILE`), else created and unlinked at once.
    init(directory: String) throws {
        self.directory = directory
        let nameless = open(directory, Self.temporaryFileFlags | O_RDWR | O_CLOEXEC, 0o600)
        if nameless >= 0 {
            descriptor = nameless
            return
        }
        var template = Array("\(directory)/.parley-load-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw StoreError.cannotSpill(path: directory, reason: String(cString: strerror(errno))) }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        descriptor = fd
    }

    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Glibc's Swift overlay does not
    /// import because it is a compound macro.
    private static let temporaryFileFlags: Int32 = 0o20_000_000 | O_DIRECTORY

    deinit { close(descriptor) }

    /// Appends `bytes` at the end.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(size + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure() }
            done += n
        }
        size += bytes.count
    }

    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        var done = 0
        while done < buffer.count && offset + done < size {
            let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure() }
            done += n
        }
        return done
    }

    private func failure() -> StoreError {
        StoreError.cannotSpill(path: directory, reason: errno == 0 ? "file ended early" : String(cString: strerror(errno)))
    }
}

/// Reads one run's keys back in order through a fixed buffer.
struct RunReader<Key: SortKey> {
    private let file: RunFile
    private var buffer: [Key]
    private var filled = 0
    private var position = 0
    private var offset = 0

    init(_ file: RunFile, bufferKeys: Int) {
        self.file = file
        buffer = [Key](unsafeUninitializedCapacity: bufferKeys) { _, count in count = bufferKeys }
    }

    /// The next key, or `nil` at the end of the run.
    @inline(__always)
    mutating func next() throws -> Key? {
        if position == filled {
            try refill()
            if filled == 0 { return nil }
        }
        defer { position += 1 }
        return buffer[position]
    }

    private mutating func refill() throws {
        let stride = MemoryLayout<Key>.stride
        let (file, start) = (file, offset)
        let bytes = try buffer.withUnsafeMutableBytes { try file.read(into: $0, at: start) }
        guard bytes % stride == 0 else { throw StoreError.cannotSpill(path: "", reason: "a run file ended inside a key") }
        offset += bytes
        filled = bytes / stride
        position = 0
    }
}
