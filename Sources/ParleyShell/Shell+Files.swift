import ParleyExtraction
import ParleyRDF
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

extension Shell {
    /// `.load FILE [GRAPH]`: one file in one transaction.
    func load(_ file: String, graph: String?) throws {
        guard let syntax = RDFSyntax(path: file) else { throw ShellError.cannotTellFormat(file) }
        _ = try FileByteSource(path: file)  // a missing file is reported before any work
        let start = clock.now
        let report = try store.load([syntax.loadSource(for: file)], options: LoadOptions(graph: graph.map(Term.iri)))
        storeChanged()
        let seconds = milliseconds(clock.now - start) / 1000
        let into = graph.map { " into <\($0)>" } ?? ""
        note("loaded \(grouped(report.quadsAdded)) new triples\(into) (\(grouped(report.quadsRead)) read) in \(formatDecimal(seconds, decimals: 2)) s")
    }

    /// `.export FILE [--format nt|nq|ttl]`.
    func export(_ arguments: [String]) throws {
        var file: String?
        var format: RDFSyntax?
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--format" || argument.hasPrefix("--format=") {
                let value: String
                if argument == "--format" {
                    guard i + 1 < arguments.count else { throw ShellError.usage(command: ".export", usage: "FILE [--format nt|nq|ttl]") }
                    value = arguments[i + 1]
                    i += 1
                } else {
                    value = String(argument.dropFirst("--format=".count))
                }
                guard let syntax = RDFSyntax(rawValue: value) else {
                    throw ShellError.invalidValue(command: ".export", value: value, expected: "nt, nq or ttl")
                }
                format = syntax
            } else if file == nil {
                file = argument
            } else {
                throw ShellError.usage(command: ".export", usage: "FILE [--format nt|nq|ttl]")
            }
            i += 1
        }
        guard let file else { throw ShellError.usage(command: ".export", usage: "FILE [--format nt|nq|ttl]") }
        let syntax = format ?? RDFSyntax(path: file) ?? .nt
        let out = try OutputSink.file(file)
        var count = 0
        switch syntax {
        case .nq, .nt:
            try store.export(syntax == .nq ? .allQuads : .union) { quad in
                count += 1
                out.append { NTriplesSerializer.appendQuad(quad, to: &$0) }
            }
        case .ttl:
            var serializer = TurtleSerializer(prefixes: try store.prefixes())
            try store.export(.union) { quad in
                count += 1
                out.append { serializer.append(quad, to: &$0) }
            }
            out.append { serializer.finish(to: &$0) }
        }
        out.flush()
        if out.failed { throw ShellError.cannotOpen(file, "writing failed (disk full?)") }
        note("wrote \(grouped(count)) \(syntax == .nq ? "quads" : "triples") to \(file)")
    }

    /// `.ingest FILE|FOLDER`: readouts to facts with their evidence, one named graph each.
    func ingest(_ path: String) throws {
        let ingester = ReadoutIngester(store: store, lexicon: try ReadoutIngester.defaultLexicon())
        let files = try ReadoutIngester.readoutFiles(in: path)
        guard !files.isEmpty else { throw ShellError.cannotOpen(path, "no readout .txt files there") }
        var facts = 0
        for file in files {
            if cancellation.isCancelled { break }
            let report = try ingester.ingest(path: file)
            storeChanged()
            facts += report.facts
            let replaced = report.replaced > 0 ? ", replacing \(grouped(report.replaced)) quads" : ""
            note("\(report.slug): \(grouped(report.facts)) facts, \(grouped(report.quads)) quads into <\(report.graph)>\(replaced)")
        }
        if files.count > 1 { note("ingested \(files.count) readouts, \(grouped(facts)) facts") }
    }

    /// Forgets what the shell knew about the store's contents (after a load or update).
    func storeChanged() {
        cachedVocabulary = nil
        storeGeneration += 1
    }
}
