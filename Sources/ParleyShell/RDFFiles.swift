import ParleyRDF
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// The RDF syntaxes the shell loads and exports, and how to read a file of each into a store.
/// Shared by `.load` here and by `parley load`.
public enum RDFSyntax: String, CaseIterable, Sendable {
    case nt, nq, ttl

    /// The syntax a file name implies (`.nt`, `.nq`, `.ttl`, also with `.gz`), if any.
    public init?(path: String) {
        let name = InputFile.uncompressedName(path).lowercased()
        if name.hasSuffix(".nt") || name.hasSuffix(".ntriples") { self = .nt }
        else if name.hasSuffix(".nq") || name.hasSuffix(".nquads") { self = .nq }
        else if name.hasSuffix(".ttl") || name.hasSuffix(".turtle") { self = .ttl }
        else { return nil }
    }

    /// A load source for `file` in this syntax (`-` is standard input). Turtle files resolve
    /// relative IRIs against `base`, else the file's own `file:` IRI, and save their prefixes.
    public func loadSource(for file: String, base: String? = nil) -> LoadSource {
        let name = file == "-" ? "<stdin>" : file
        switch self {
        case .nt, .nq:
            let format: NTriplesParser<AnyByteSource>.Format = self == .nq ? .nQuads : .nTriples
            return LoadSource(name: name) {
                NTriplesParser(source: try AnyByteSource.open(path: file), format: format)
            }
        case .ttl:
            let box = PrefixBox()
            let baseIRI = base ?? (file == "-" ? nil : FileIRI.make(for: file))
            return LoadSource(name: name, makeReader: {
                PrefixRecordingTurtleReader(parser: TurtleParser(source: try AnyByteSource.open(path: file), baseIRI: baseIRI), box: box)
            }, prefixes: { box.prefixes })
        }
    }
}

/// Keeps the prefixes a Turtle document declared, for saving after the load.
public final class PrefixBox {
    public var prefixes: [(prefix: String, iri: String)] = []
    public init() {}
}

/// A Turtle reader that hands its prefixes to a box when it has read the document.
public struct PrefixRecordingTurtleReader: QuadReader {
    public var parser: TurtleParser<AnyByteSource>
    public let box: PrefixBox

    public init(parser: TurtleParser<AnyByteSource>, box: PrefixBox) {
        self.parser = parser
        self.box = box
    }

    public mutating func read(_ body: (EncodedQuad) throws -> Void) throws {
        try parser.read(body)
        box.prefixes = parser.prefixes
    }
}

/// `file:` IRIs for local paths, the default base of a Turtle file.
public enum FileIRI {
    public static func make(for path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            func text(_ buffer: [CChar]) -> String {
                String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            if realpath(path, &buffer) != nil {
                absolute = text(buffer)
            } else if getcwd(&buffer, buffer.count) != nil {
                absolute = text(buffer) + "/" + path
            }
        }
        var iri = Array("file://".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in absolute.utf8 {
            // Keep what an IRI path allows (non-ASCII included); percent-encode the rest.
            let allowed = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || "/-._~!$&'()*+,;=:@".utf8.contains(byte)
            if allowed {
                iri.append(byte)
            } else {
                iri += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: iri, as: UTF8.self)
    }
}
