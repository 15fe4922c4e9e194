import ArgumentParser
import ParleyRDF

/// The RDF syntaxes `parley` reads and writes.
enum RDFFormat: String, ExpressibleByArgument, CaseIterable {
    case nt, nq, ttl

    /// The syntax a file name implies (`.nt`, `.nq`, `.ttl`, also with `.gz`), if any.
    init?(path: String) {
        let name = InputFile.uncompressedName(path).lowercased()
        if name.hasSuffix(".nt") || name.hasSuffix(".ntriples") { self = .nt }
        else if name.hasSuffix(".nq") || name.hasSuffix(".nquads") { self = .nq }
        else if name.hasSuffix(".ttl") || name.hasSuffix(".turtle") { self = .ttl }
        else { return nil }
    }

    var displayName: String {
        switch self {
        case .nt: "N-Triples"
        case .nq: "N-Quads"
        case .ttl: "Turtle"
        }
    }
}
