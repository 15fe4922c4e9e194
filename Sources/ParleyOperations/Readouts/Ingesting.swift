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

    /// `NAME: N facts, Q quads into <GRAPH>[, replacing R quads]`: the line each front end prints.
    public func line(naming name: String) -> String {
        let replacing = replaced > 0 ? ", replacing \(grouped(replaced)) quads" : ""
        return "\(name): \(grouped(facts)) facts, \(grouped(quads)) quads into <\(graph)>\(replacing)"
    }
}

/// How one readout of an ingest ended.
public enum IngestEvent {
    case ingested(file: String, IngestReport)
    case failed(file: String, Error)
}

/// What a whole ingest did.
public struct IngestTotals: Sendable {
    public var readouts = 0
    public var facts = 0
    public var failures = 0
    public var seconds = 0.0

    /// `ingested N readouts, F facts, in S s`.
    public var summary: String {
        "ingested \(readouts) readout\(readouts == 1 ? "" : "s"), \(grouped(facts)) facts, in \(formatDecimal(seconds, decimals: 3)) s"
    }
}

extension StoreSession {
    /// Ingests readout files and folders of them (their `*.txt`, sorted), one transaction per
    /// readout. A file that fails is reported through `each` and skipped; a folder without
    /// readouts counts as a failure. Stops early when `isCancelled` says so.
    public func ingest(_ paths: [String], lexicon: Lexicon, isCancelled: () -> Bool = { false },
                       each: (IngestEvent) -> Void) -> IngestTotals {
        let ingester = ReadoutIngester(store: store, lexicon: lexicon)
        let clock = ContinuousClock()
        let start = clock.now
        var totals = IngestTotals()
        for path in paths {
            let files: [String]
            do {
                files = try ReadoutIngester.readoutFiles(in: path)
                if files.isEmpty { throw OperationError.noReadouts(path) }
            } catch {
                totals.failures += 1
                each(.failed(file: path, error))
                continue
            }
            for file in files {
                if isCancelled() { break }
                do {
                    let report = try ingester.ingest(path: file)
                    totals.readouts += 1
                    totals.facts += report.facts
                    each(.ingested(file: file, report))
                } catch {
                    totals.failures += 1
                    each(.failed(file: file, error))
                }
            }
        }
        totals.seconds = seconds(clock.now - start)
        return totals
    }
}

/// The store side of readout ingestion, shared by `parley ingest`, the prompt's `.ingest` and the server:
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
    public static func slug(of path: String) -> String {
        var name = Substring(path)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        return String(name)
    }
}

extension ReadoutIngester {
    /// A failure of one readout as a diagnostic naming the file, unless it is about the store
    /// (read-only, disk full), which names the store itself.
    public static func diagnostic(_ error: Error, file: String) -> Diagnostic {
        let diagnostic = error.asDiagnostic
        return error is StoreError ? diagnostic : diagnostic.naming(file)
    }
}
