import ParleyRDF

extension LoadSource {
    /// The source of one RDF file in `syntax` (gzip-compressed when its name ends in `.gz`).
    /// Errors name the file as `name` (default: the path; `<stdin>` for `-`). Turtle resolves
    /// relative IRIs against `base`, else the file's own `file:` IRI, and its declared prefixes
    /// are saved after the load. `readFrom` is where the bytes are read when that differs from
    /// `path` (standard input spooled to a temporary file, so a restarted load can read it again).
    public static func file(_ path: String, syntax: RDFSyntax, base: String? = nil, readFrom: String? = nil) -> LoadSource {
        let name = path == "-" ? "<stdin>" : path
        let location = readFrom ?? path
        let baseIRI = base ?? (path == "-" ? nil : FileIRI.make(for: path))
        let collector = PrefixCollector()
        return LoadSource(name: name, makeReader: {
            syntax.reader(try AnyByteSource.open(path: location), baseIRI: baseIRI, prefixes: collector)
        }, prefixes: { collector.prefixes })
    }
}
