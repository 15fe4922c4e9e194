import ParleyExtraction
import ParleyOperations
import ParleyRDF
import ParleyStore

extension Shell {
    /// `.load FILE [GRAPH]`: one file in one transaction.
    func load(_ file: String, graph: String?) throws {
        let outcome = try session.load(LoadRequest(files: [file], graph: graph))
        storeChanged()
        note(outcome.note)
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
        let count = try session.export(.everything, as: syntax, to: { try OutputSink.file(file) }, note: { note($0) })
        note("wrote \(grouped(count)) \(syntax.keepsGraphs ? "quads" : "triples") to \(file)")
    }

    /// `.ingest FILE|FOLDER`: readouts to facts with their evidence, one named graph each. A
    /// readout that fails is reported and skipped, as with `parley ingest`.
    func ingest(_ path: String) throws {
        let lexicon = try ReadoutIngester.defaultLexicon()
        let totals = session.ingest([path], lexicon: lexicon, isCancelled: { cancellation.isCancelled }) { event in
            storeChanged()
            switch event {
            case .ingested(let file, let report):
                note(report.line(naming: ReadoutIngester.slug(of: file)))
            case .failed(let file, let error):
                errors.write(palette.diagnostics.render(ReadoutIngester.diagnostic(error, file: file)) + "\n")
            }
        }
        if totals.readouts > 1 { note("ingested \(totals.readouts) readouts, \(grouped(totals.facts)) facts") }
        if totals.failures > 0 { throw OperationError.ingestFailed(count: totals.failures) }
    }

    /// Forgets what the shell knew about the store's contents (after a load or update).
    func storeChanged() {
        cachedVocabulary = nil
        storeGeneration += 1
    }
}
