/// The RDF syntaxes Parley reads and writes, and everything that depends only on the choice of
/// one: which file names and media types imply it, what it is called, and a reader over bytes.
///
/// This is the one place a syntax is chosen from a name: `parley load`, `.load`, SPARQL `LOAD`,
/// `parley export`, `.export` and the server all ask here.
public enum RDFSyntax: String, CaseIterable, Sendable {
    case nt, nq, ttl

    /// The syntax a file name implies (`.nt`/`.ntriples`, `.nq`/`.nquads`, `.ttl`/`.turtle`,
    /// each also followed by `.gz`), if any. Case does not matter.
    public init?(path: String) {
        let name = InputFile.uncompressedName(path).lowercased()
        if name.hasSuffix(".nt") || name.hasSuffix(".ntriples") { self = .nt }
        else if name.hasSuffix(".nq") || name.hasSuffix(".nquads") { self = .nq }
        else if name.hasSuffix(".ttl") || name.hasSuffix(".turtle") { self = .ttl }
        else { return nil }
    }

    /// The syntax a media type names (parameters such as `; charset=utf-8` are ignored), if any.
    public init?(mediaType: String) {
        let essence = mediaType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces().lowercased() } ?? ""
        switch essence {
        case "application/n-triples", "text/plain": self = .nt
        case "application/n-quads", "text/x-nquads": self = .nq
        case "text/turtle", "application/x-turtle": self = .ttl
        default: return nil
        }
    }

    /// The registered media type.
    public var mediaType: String {
        switch self {
        case .nt: "application/n-triples"
        case .nq: "application/n-quads"
        case .ttl: "text/turtle"
        }
    }

    /// The name people know it by.
    public var displayName: String {
        switch self {
        case .nt: "N-Triples"
        case .nq: "N-Quads"
        case .ttl: "Turtle"
        }
    }

    /// Whether the syntax can say which graph a triple is in.
    public var keepsGraphs: Bool { self == .nq }

    /// A reader of `source` in this syntax. Turtle resolves relative IRIs against `baseIRI`
    /// and, once it has read the document, hands its `@prefix` declarations to `prefixes`.
    public func reader<Source: ByteSource>(_ source: Source, baseIRI: String?,
                                           prefixes: PrefixCollector? = nil) -> any QuadReader {
        switch self {
        case .nt: NTriplesParser(source: source, format: .nTriples)
        case .nq: NTriplesParser(source: source, format: .nQuads)
        case .ttl: PrefixRecordingTurtleReader(parser: TurtleParser(source: source, baseIRI: baseIRI), collector: prefixes)
        }
    }
}

/// Keeps the prefixes a Turtle document declared, so they can be saved after a load.
public final class PrefixCollector {
    public var prefixes: [(prefix: String, iri: String)] = []
    public init() {}
}

/// A Turtle reader that hands its prefixes to a collector when it has read the document.
struct PrefixRecordingTurtleReader<Source: ByteSource>: QuadReader {
    var parser: TurtleParser<Source>
    let collector: PrefixCollector?

    mutating func read(_ body: (EncodedQuad) throws -> Void) throws {
        try parser.read(body)
        collector?.prefixes = parser.prefixes
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
