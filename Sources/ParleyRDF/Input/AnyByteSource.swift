/// A byte source of any kind, for callers that choose the source at run time
/// (plain or gzip file, standard input, memory).
public struct AnyByteSource: ByteSource {
    private var readBody: (UnsafeMutableRawBufferPointer) throws -> Int

    public init<Source: ByteSource>(_ source: Source) {
        var source = source
        readBody = { try source.read(into: $0) }
    }

    /// Opens `path` (`-` for standard input), decompressing when it ends in `.gz`.
    public static func open(path: String) throws -> AnyByteSource {
        let file = try FileByteSource(path: path)
        if InputFile.isGzip(path) { return AnyByteSource(try GzipByteSource(file, path: path)) }
        return AnyByteSource(file)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try readBody(buffer)
    }
}
