import ParleyQuery
import ParleyRDF

/// The media types the server writes, each tied to the one serializer behind it: the SPARQL
/// result formats of ``ResultFormat`` for SELECT and ASK, the ``RDFSyntax`` writers for graphs.
enum ResultMediaTypes {
    /// SELECT and ASK, the default (JSON) first; `application/json` and `application/xml` are
    /// accepted as the plain names some clients send.
    static let solutions: [(mediaType: String, format: ResultFormat)] = [
        ("application/sparql-results+json", .json),
        ("application/sparql-results+xml", .xml),
        ("text/csv", .csv),
        ("text/tab-separated-values", .tsv),
        ("application/json", .json),
        ("application/xml", .xml),
        ("text/xml", .xml),
    ]

    /// CONSTRUCT, DESCRIBE and Graph Store reads, the default (Turtle) first; the aliases
    /// ``RDFSyntax/init(mediaType:)`` knows come after the registered names.
    static let graphs: [(mediaType: String, syntax: RDFSyntax)] = [
        ("text/turtle", .ttl),
        ("application/n-triples", .nt),
        ("application/n-quads", .nq),
        ("application/x-turtle", .ttl),
        ("text/plain", .nt),
    ]

    /// The solution format `accept` chooses, with the media type to answer with.
    static func solutionFormat(_ negotiation: ContentNegotiation) -> (mediaType: String, format: ResultFormat)? {
        negotiation.choose(solutions.map(\.mediaType)).flatMap { chosen in solutions.first { $0.mediaType == chosen } }
    }

    /// The graph syntax `accept` chooses, preferring `first` (N-Quads for the whole store).
    static func graphSyntax(_ negotiation: ContentNegotiation, preferring first: RDFSyntax? = nil) -> (mediaType: String, syntax: RDFSyntax)? {
        var offers = graphs
        if let first, let index = offers.firstIndex(where: { $0.syntax == first }) {
            offers.insert(offers.remove(at: index), at: 0)
        }
        return negotiation.choose(offers.map(\.mediaType)).flatMap { chosen in offers.first { $0.mediaType == chosen } }
    }

    /// The `Content-Type` header value for a chosen media type (text is UTF-8).
    static func contentType(_ mediaType: String) -> String {
        mediaType + "; charset=utf-8"
    }
}
