/// The first byte of a text that is not UTF-8: where it is (line and column from 1, columns in
/// characters) and its value. `description` reads `FILE:LINE:COLUMN: error: invalid UTF-8 byte
/// 0xFF`, the wording the RDF parsers use.
public struct TextFileError: DiagnosticError, Hashable, Sendable {
    /// The file, or `nil` for standard input.
    public var path: String?
    public var line: Int
    public var column: Int
    public var byte: UInt8

    public init(path: String?, line: Int, column: Int, byte: UInt8) {
        self.path = path
        self.line = line
        self.column = column
        self.byte = byte
    }

    public var diagnostic: Diagnostic {
        Diagnostic("invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true))", source: path,
                   position: TextPosition(line: line, column: column, offset: 0))
    }
}

/// Reads a whole UTF-8 text file (queries, scripts, readouts, the lexicon), rejecting invalid
/// UTF-8 with its position instead of repairing it. A file that cannot be opened or read throws
/// an ``InputError`` naming it.
public enum TextFile {
    /// The text of `path` (`-` is standard input), without a leading byte-order mark.
    public static func read(_ path: String) throws -> String {
        var source = try FileByteSource(path: path)
        return try decode(try source.readAll(), path: path == "-" ? nil : path)
    }

    /// Decodes UTF-8 (dropping a byte-order mark), or throws with the position of the first bad byte.
    public static func decode(_ bytes: [UInt8], path: String?) throws -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var decoder = UTF8()
        var iterator = body.makeIterator()
        var offset = body.startIndex
        var line = 1, column = 1
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                offset += String(scalar).utf8.count
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: break loop
            case .error:
                throw TextFileError(path: path, line: line, column: column, byte: bytes[offset])
            }
        }
        return String(scalars)
    }
}

extension ByteSource {
    /// Every remaining byte of the source.
    public mutating func readAll() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
        }
    }
}
