#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads RDF 1.1 N-Triples or N-Quads from a byte source and hands out each statement as an
/// ``EncodedQuad``, in document order.
///
/// This is the bulk-load path. It reads the source in large chunks, parses bytes (never
/// `Character`s), decodes escapes while writing each term in ``TermEncoding`` form into one
/// reusable buffer, and allocates nothing per triple. Lines of any length are fine (the
/// buffer grows to hold the longest line); a file may end without a newline and may use LF,
/// CRLF or CR line ends.
///
/// It validates the whole grammar: IRIs must be absolute and use only `IRIREF` characters
/// (escaped characters included), blank node labels and language tags must be well formed,
/// the text must be valid UTF-8, and escapes must name Unicode scalars. The first violation
/// throws an ``RDFSyntaxError`` whose position (1-based line, column in Unicode scalars) points
/// at the offending token and whose message says what was expected and what was found:
///
/// ```
/// 3:27: error: expected '.' after object, found '<http://ex/b>'
/// ```
///
/// The quads passed to `body` point into the parser's buffer and are valid only during the call.
public struct NTriplesParser<Source: ByteSource>: QuadReader {
    /// Which of the two line-based syntaxes to read.
    public enum Format: Hashable, Sendable {
        /// N-Triples: every statement is in the default graph.
        case nTriples
        /// N-Quads: each statement may end with a graph label (an IRI or a blank node).
        case nQuads
    }

    private var source: Source
    /// The syntax being read.
    public let format: Format
    /// How many bytes to ask the source for at a time.
    public var chunkSize: Int = 1 << 20

    /// A parser reading `source` as `format`.
    public init(source: Source, format: Format = .nTriples) {
        self.source = source
        self.format = format
    }

    /// Reads the whole source, calling `body` once per statement. Throws the first syntax error
    /// (an ``RDFSyntaxError``), a read error from the source, or an error `body` throws.
    public mutating func read(_ body: (EncodedQuad) throws -> Void) throws {
        let input = ByteStorage(capacity: chunkSize)
        let scratch = ByteStorage(capacity: 1 << 16)
        var start = 0           // first byte not yet parsed
        var filled = 0          // bytes held in `input`
        var searchFrom = 0      // where to look for the next line feed
        var bufferOffset = 0    // offset in the document of `input.pointer[0]`
        var lineNumber = 1
        var atEnd = false
        while true {
            let base = input.pointer
            if searchFrom < filled, let hit = memchr(base + searchFrom, 0x0A, filled - searchFrom) {
                let newline = hit.assumingMemoryBound(to: UInt8.self) - base
                try parseSegment(base, from: start, to: newline, lineNumber: &lineNumber,
                                 bufferOffset: bufferOffset, scratch: scratch, body)
                lineNumber += 1
                start = newline + 1
                searchFrom = start
                continue
            }
            searchFrom = filled
            if atEnd {
                if start < filled {
                    try parseSegment(base, from: start, to: filled, lineNumber: &lineNumber,
                                     bufferOffset: bufferOffset, scratch: scratch, body)
                }
                return
            }
            // No complete line left: keep the partial one, make room and read more.
            if start > 0 {
                memmove(base, base + start, filled - start)
                filled -= start
                searchFrom -= start
                bufferOffset += start
                start = 0
            }
            if filled == input.capacity {
                input.reserve(input.capacity * 2, preserving: filled)
            }
            let room = UnsafeMutableRawBufferPointer(start: input.pointer + filled, count: input.capacity - filled)
            let count = try source.read(into: room)
            if count == 0 { atEnd = true } else { filled += min(count, room.count) }
        }
    }

    /// Parses the bytes of one LF-terminated segment (which may hold several CR-separated lines).
    private func parseSegment(_ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int,
                              lineNumber: inout Int, bufferOffset: Int, scratch: ByteStorage,
                              _ body: (EncodedQuad) throws -> Void) throws {
        // Decoded terms never outgrow their source text; a literal needs room for one extra copy.
        scratch.reserve(2 * (end - start) + 64, preserving: 0)
        var line = NTriplesLineParser(
            bytes: UnsafePointer(base), position: start, end: end, lineNumber: lineNumber,
            bufferOffset: bufferOffset, out: scratch.pointer, allowsGraph: format == .nQuads)
        defer { lineNumber = line.lineNumber }
        while true {
            try line.parseLine(body)
            // `parseLine` stops at the end of the segment or at a carriage return.
            guard line.position < end else { return }
            line.position += 1
            guard line.position < end else { return }  // CRLF: the LF counts the line.
            line.lineNumber += 1
            line.lineStart = line.position
        }
    }
}

extension NTriplesParser where Source == MemoryByteSource {
    /// A parser over text held in memory.
    public init(text: String, format: Format = .nTriples) {
        self.init(source: MemoryByteSource(text), format: format)
    }

    /// A parser over bytes held in memory.
    public init(bytes: [UInt8], format: Format = .nTriples) {
        self.init(source: MemoryByteSource(bytes), format: format)
    }
}
