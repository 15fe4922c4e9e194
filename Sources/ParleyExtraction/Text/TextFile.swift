import ParleyRDF

/// Why a text file could not be read.
/// (A file that cannot be opened or read throws ParleyRDF's `InputError`, which names the path.)
public enum TextFileError: Error, Sendable, CustomStringConvertible {
    /// The first byte that is not UTF-8: its line and column (from 1, columns in characters)
    /// and its value.
    case invalidUTF8(path: String, line: Int, column: Int, byte: UInt8)

    public var description: String {
        switch self {
        case .invalidUTF8(let path, let line, let column, let byte):
            "\(path):\(line):\(column): error: not UTF-8 text: invalid byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}

/// Reads a whole UTF-8 text file, rejecting invalid UTF-8 instead of repairing it.
public enum TextFile {
    public static func read(_ path: String) throws -> String {
        var source = try FileByteSource(path: path)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return try decode(bytes, path: path)
    }

    /// Decodes UTF-8 (dropping a byte-order mark), or throws with the position of the first bad byte.
    public static func decode(_ bytes: [UInt8], path: String) throws -> String {
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
                throw TextFileError.invalidUTF8(path: path, line: line, column: column, byte: bytes[offset])
            }
        }
        return String(scalars)
    }
}
