import CZlib

/// Decompresses a gzip stream (RFC 1952, also several concatenated members, as `cat a.gz b.gz`
/// makes) read from another source. A truncated or corrupt stream throws an ``InputError``;
/// it never ends early in silence.
public struct GzipByteSource<Compressed: ByteSource>: ByteSource {
    /// Owns the zlib stream and its input buffer, whose address zlib keeps between calls.
    private final class Inflater {
        var stream = z_stream()
        let capacity = 1 << 16
        let input: UnsafeMutableRawPointer
        var initialised = false

        init() { input = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16) }

        deinit {
            if initialised { inflateEnd(&stream) }
            input.deallocate()
        }
    }

    private var compressed: Compressed
    private let inflater = Inflater()
    private let path: String
    private var finished = false
    private var inputEnded = false
    private var memberEnded = false

    public init(_ compressed: Compressed, path: String) throws {
        self.compressed = compressed
        self.path = path
        // 15 + 16: a 32 KiB window and a gzip header.
        let code = inflateInit2_(&inflater.stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else {
            throw InputError(path: path, message: "cannot start gzip decompression (zlib error \(code))")
        }
        inflater.initialised = true
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let z = inflater
        z.stream.next_out = out.assumingMemoryBound(to: Bytef.self)
        z.stream.avail_out = UInt32(clamping: buffer.count)
        while z.stream.avail_out > 0 {
            if z.stream.avail_in == 0 && !inputEnded {
                let n = try compressed.read(into: UnsafeMutableRawBufferPointer(start: z.input, count: z.capacity))
                if n == 0 {
                    inputEnded = true
                } else {
                    z.stream.next_in = z.input.assumingMemoryBound(to: Bytef.self)
                    z.stream.avail_in = UInt32(n)
                }
            }
            if z.stream.avail_in == 0 && inputEnded {
                // No more compressed bytes: fine only right after a complete member.
                if memberEnded { finished = true; break }
                throw InputError(path: path, message: "gzip stream is truncated")
            }
            if memberEnded {
                // More bytes after a complete member: another member follows.
                guard inflateReset(&z.stream) == Z_OK else {
                    throw InputError(path: path, message: "cannot restart gzip decompression")
                }
                memberEnded = false
            }
            let code = inflate(&z.stream, Z_NO_FLUSH)
            switch code {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                memberEnded = true
            default:
                let reason = z.stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"
                throw InputError(path: path, message: "corrupt gzip data: \(reason)")
            }
        }
        return buffer.count - Int(z.stream.avail_out)
    }
}

/// Opens a file as a byte source, decompressing it when its name ends in `.gz`.
public enum InputFile {
    /// Whether `path` names a gzip-compressed file, by its extension.
    public static func isGzip(_ path: String) -> Bool { path.hasSuffix(".gz") }

    /// The file's name without a trailing `.gz`, for choosing a syntax by extension.
    public static func uncompressedName(_ path: String) -> String {
        isGzip(path) ? String(path.dropLast(3)) : path
    }
}
