import ParleyExtraction
import ParleyRDF
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// What ingesting one readout did.
public struct IngestReport: Sendable {
    /// The file name without its extension.
    public var slug: String
    /// The readout's named graph, `https://parley.dev/id/readout/<slug>`.
    public var graph: String
    /// Facts extracted (each is a triple and a `pv:Statement`).
    public var facts: Int
    /// Quads written to the graph.
    public var quads: Int
    /// Quads the graph held before and that were removed.
    public var replaced: Int
}

/// The store side of readout ingestion, shared by `parley ingest` and the REPL's `.ingest`:
/// reads a readout file, extracts its facts and replaces the readout's named graph with them in
/// one write transaction, so a re-ingested readout is never duplicated and a failure writes nothing.
public struct ReadoutIngester {
    public let store: Store
    public let lexicon: Lexicon

    public init(store: Store, lexicon: Lexicon) {
        self.store = store
        self.lexicon = lexicon
    }

    /// Loads the lexicon from a schema directory: `$PARLEY_SCHEMA` if set, else the `schema/`
    /// of the package the executable was built in (found by walking up from it), else `./schema`.
    /// The directory may be `schema/` or `schema/lexicon/` itself.
    public static func defaultLexicon() throws -> Lexicon {
        if let value = getenv("PARLEY_SCHEMA"), value.pointee != 0 {
            return try Lexicon(directory: lexiconDirectory(in: String(cString: value)) ?? String(cString: value))
        }
        var candidates: [String] = []
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 {
            var directory = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            while let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
                directory = String(directory[..<slash])
                candidates.append(directory + "/schema")
            }
        }
        candidates.append("schema")
        for candidate in candidates {
            if let directory = lexiconDirectory(in: candidate) { return try Lexicon(directory: directory) }
        }
        throw InputError(path: "schema/lexicon", message: "cannot find the extraction lexicon; set PARLEY_SCHEMA to the schema directory")
    }

    private static func lexiconDirectory(in path: String) -> String? {
        if access(path + "/lexicon/entities.tsv", R_OK) == 0 { return path + "/lexicon" }
        if access(path + "/entities.tsv", R_OK) == 0 { return path }
        return nil
    }

    /// Ingests one readout file in ONE write transaction: replaces its graph (never duplicates),
    /// writes its quads. A file that cannot be read or is not UTF-8 throws before anything is written.
    public func ingest(path: String) throws -> IngestReport {
        let text = try TextFile.read(path)
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw InputError(path: path, message: "is empty: a readout needs at least a title line")
        }
        let slug = Self.slug(of: path)
        let extraction = ReadoutExtractor.extract(text: text, slug: slug, lexicon: lexicon)
        let graph = extraction.graph
        let replacement = try store.write { writer in
            try writer.replaceGraph(.named(.iri(graph)), with: extraction.quads)
        }
        return IngestReport(slug: slug, graph: graph, facts: extraction.facts.count, quads: replacement.added,
                            replaced: replacement.removed)
    }

    /// Files of a folder (sorted, *.txt) or the file itself.
    public static func readoutFiles(in path: String) throws -> [String] {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
        guard let directory = opendir(path) else {
            throw InputError(path: path, message: "cannot list: \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        var files: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(".txt"), !name.hasPrefix(".") else { continue }
            files.append(path.hasSuffix("/") ? path + name : path + "/" + name)
        }
        return files.sorted()
    }

    /// The file name without directory and extension.
    static func slug(of path: String) -> String {
        var name = Substring(path)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        return String(name)
    }
}
