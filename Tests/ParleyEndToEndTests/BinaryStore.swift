import Foundation
import ParleyRDF
import ParleyTestSupport

/// A store in a fresh temporary directory that is only ever touched through the `parley`
/// binary, one subprocess per command, as a user touches it.
struct BinaryStore {
    let directory = TemporaryDirectory("parley-e2e")

    /// The store directory (created by the first command).
    var db: String { directory.child("db") }

    /// Runs `parley SUBCOMMAND --db DB ARGUMENTS…`.
    func run(_ subcommand: String, _ arguments: [String] = [], input: String? = nil) throws -> ParleyProcess.Result {
        try ParleyProcess.run([subcommand, "--db", db] + arguments, input: input)
    }

    /// Runs a command that must succeed and returns its standard output.
    @discardableResult
    func succeed(_ subcommand: String, _ arguments: [String] = [], input: String? = nil) throws -> String {
        let result = try run(subcommand, arguments, input: input)
        guard result.status == 0 else { throw BinaryFailure(command: [subcommand] + arguments, result: result) }
        return result.stdout
    }

    /// Loads an RDF file of a W3C test with `parley load` (with `--graph` for a named graph and
    /// `--base` set to the file's IRI). RDF/XML, which `parley` does not read, is converted with
    /// `rapper` and piped in as N-Triples on standard input (`parley load --format nt -`).
    func load(_ file: SPARQLFile, graph: String? = nil) throws {
        let target = graph.map { ["--graph", $0] } ?? []
        guard file.path.hasSuffix(".rdf") else {
            try succeed("load", target + ["--base", file.iri, file.path])
            return
        }
        guard let rapper = ExternalTool.find("rapper") else {
            throw SPARQLResultsError.missingTool("rapper (raptor2-utils) is needed to convert RDF/XML \(file.path)")
        }
        let converted = try ExternalTool.run(rapper, ["-q", "-i", "rdfxml", "-o", "ntriples", file.path, file.iri])
        guard converted.status == 0 else {
            throw SPARQLResultsError.malformed(file.path, "rapper failed: \(converted.error.prefix(300))")
        }
        try succeed("load", target + ["--format", "nt", "-"], input: converted.output)
    }

    /// The whole store as quads, read back from `parley export --format nq`.
    func exportedQuads() throws -> [Quad] {
        var parser = NTriplesParser(text: try succeed("export", ["--format", "nq"]), format: .nQuads)
        return try parser.readAll()
    }
}

/// A `parley` command that exited with a non-zero status.
struct BinaryFailure: Error, CustomStringConvertible {
    var command: [String]
    var result: ParleyProcess.Result

    /// Whether the command failed the way a syntax error must: exit status 1 and a message
    /// that starts `[FILE:]LINE:COLUMN: error:`.
    var isSyntaxError: Bool { Self.isSyntaxError(result) }

    static func isSyntaxError(_ result: ParleyProcess.Result) -> Bool {
        result.status == 1 && result.stderr.prefixMatch(of: #/(?:[^\n]*:)?\d+:\d+: error: /#) != nil
    }

    var description: String {
        "parley \(command.joined(separator: " ")) exited with status \(result.status): \(result.stderr.prefix(600))"
    }
}
