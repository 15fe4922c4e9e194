/// Reads RDF 1.1 Turtle from a byte source and hands out each triple as an ``EncodedQuad``
/// in the default graph.
///
/// The whole of Turtle 1.1: `@prefix`/`@base` and SPARQL-style `PREFIX`/`BASE`, prefixed names
/// with every escape, `a`, predicate and object lists, blank node property lists, collections
/// (as `rdf:first`/`rdf:rest`/`rdf:nil`), numbers and booleans (lexical form kept exactly as
/// written), the four string forms, language tags and datatypes.
///
/// Guarantees:
/// - Relative IRIs are resolved (RFC 3986) against the current base; a relative IRI with no
///   base is an error naming it.
/// - Labelled blank nodes keep their label (`_:b1` is `b1`). Anonymous ones (`[]`, property
///   lists, collection nodes) get labels `genid` + a random 64-bit hex number per parser + a
///   counter: valid N-Triples labels that cannot collide with the document's own.
/// - Nesting of `[` and `(` is limited (``maximumNesting``, 1,000 by default); deeper input is
///   an ``RDFSyntaxError``, never a stack overflow (the parser keeps its own stack).
/// - Errors are ``RDFSyntaxError``s with line, column (Unicode scalars) and a message saying what
///   was expected and what was found.
///
/// The source is read whole into memory, then parsed as bytes.
public struct TurtleParser<Source: ByteSource>: QuadReader {
    private var source: Source
    private let baseIRI: String?
    /// How deeply `[…]` and `(…)` may nest.
    public var maximumNesting = 1000
    /// The prefixes the document declared, in declaration order; a redeclared prefix keeps its
    /// first place and takes its last IRI. Filled by ``read(_:)``, even when it throws.
    public private(set) var prefixes: [(prefix: String, iri: String)] = []

    /// A parser reading `source`, resolving relative IRIs against `baseIRI` until the document
    /// sets its own base.
    public init(source: Source, baseIRI: String? = nil) {
        self.source = source
        self.baseIRI = baseIRI
    }

    /// Reads the whole document, calling `body` once per triple. Throws the first syntax error
    /// (an ``RDFSyntaxError``), a read error from the source, or an error `body` throws.
    public mutating func read(_ body: (EncodedQuad) throws -> Void) throws {
        let storage = ByteStorage(capacity: 1 << 16)
        var count = 0
        while true {
            if count == storage.capacity { storage.reserve(storage.capacity * 2, preserving: count) }
            let room = UnsafeMutableRawBufferPointer(start: storage.pointer + count, count: storage.capacity - count)
            let n = try source.read(into: room)
            if n == 0 { break }
            count += min(n, room.count)
        }
        var parser = TurtleStatementParser(
            lexer: TurtleLexer(storage: storage, count: count),
            baseIRI: baseIRI, maximumNesting: maximumNesting)
        defer { prefixes = parser.declaredPrefixes }
        try parser.parse(body)
    }
}

extension TurtleParser where Source == MemoryByteSource {
    /// A parser over text held in memory.
    public init(text: String, baseIRI: String? = nil) {
        self.init(source: MemoryByteSource(text), baseIRI: baseIRI)
    }

    /// A parser over bytes held in memory.
    public init(bytes: [UInt8], baseIRI: String? = nil) {
        self.init(source: MemoryByteSource(bytes), baseIRI: baseIRI)
    }
}
