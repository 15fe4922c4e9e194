import Foundation
import ParleyRDF
import ParleySPARQL
import ParleyTestSupport
import Testing

/// The W3C SPARQL 1.0 and 1.1 evaluation suites (query, result formats, update) through the
/// binary. Each test gets a fresh store that `parley load` fills (`--graph` for named graphs,
/// `--base` the file's IRI); a query runs with `parley query --no-union-default-graph --base
/// IRI -f FILE --format F`, where F is the format of the expected answer (`xml` for `.srx`,
/// `json` for `.srj` and for result sets written as RDF, `csv`, `tsv`, and `nt` for CONSTRUCT
/// and DESCRIBE), so every writer is checked against the W3C files; an update runs with `parley
/// update --no-union-default-graph` and the store is compared as `parley export --format nq`.
///
/// The test reads the query itself only to plan: the files `FROM` names are loaded as graphs of
/// those names (as the in-process target does), and ORDER BY says which order to check.
@Suite(.enabled(if: SPARQLManifest.isAvailable, "W3C suites not found at ../shared/conformance"))
struct SPARQLEvaluationThroughBinaryTests {
    /// Every test of the manifests is run (a test is skipped, with a printed reason, only when it
    /// needs a tool that is not installed: `rapper` for RDF/XML).
    static let run = SPARQLConformanceRun { test in
        test.kind == .updateEvaluation ? try runUpdate(test) : try runQuery(test)
    }

    @Test("SPARQL 1.0 query evaluation through parley query", arguments: SPARQLManifest.evaluationTests(.sparql10))
    func sparql10(_ test: SPARQLTest) { Self.check(test) }

    @Test("SPARQL 1.1 query evaluation through parley query", arguments: SPARQLManifest.evaluationTests(.sparql11))
    func sparql11(_ test: SPARQLTest) { Self.check(test) }

    @Test("SPARQL 1.1 result formats through parley query", arguments: SPARQLManifest.evaluationTests(.sparql11Results))
    func sparql11Results(_ test: SPARQLTest) { Self.check(test) }

    @Test("SPARQL 1.1 update evaluation through parley update", arguments: SPARQLManifest.evaluationTests(.sparql11Update))
    func sparql11Update(_ test: SPARQLTest) { Self.check(test) }

    static func check(_ test: SPARQLTest) {
        if let failure = run.failure(of: test) { Issue.record(Comment(rawValue: failure)) }
    }

    @Test("every manifest yields the expected number of tests, and a summary is printed")
    func summary() throws {
        let (report, problems) = Self.run.summary(width: EndToEnd.width)
        print("through the binary:\n" + report, terminator: "")
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
        try SPARQLConformanceRun.writeReport(report, toFileIn: "PARLEY_END_TO_END_REPORT")
    }

    /// The `--format` to ask for: the format of the expected file when we write it, JSON for
    /// solutions given as an RDF result set, N-Triples for a graph.
    static func outputFormat(for result: SPARQLFile, of query: Query) -> String {
        switch (result.path as NSString).pathExtension {
        case "srx": return "xml"
        case "srj": return "json"
        case "csv": return "csv"
        case "tsv": return "tsv"
        default:
            switch query.form {
            case .construct, .describe: return "nt"
            case .select, .ask: return "json"
            }
        }
    }

    /// Runs a query-evaluation or CSV-format test; `nil` when it passes.
    static func runQuery(_ test: SPARQLTest) throws -> String? {
        guard let queryFile = test.query else { return "no qt:query" }
        guard let resultFile = test.result else { return "no mf:result" }
        let store = BinaryStore()
        for file in test.data { try store.load(file) }
        for graph in test.graphData { try store.load(graph.file, graph: graph.name) }
        let query: Query
        do {
            query = try SPARQLParser.parse(try queryFile.text(), baseIRI: queryFile.iri)
        } catch {
            return "query does not parse in the test: \(error)"
        }
        for graph in test.datasetFiles(of: query) { try store.load(graph.file, graph: graph.name) }

        let expected = try SPARQLResultsReader.read(resultFile)
        let format = outputFormat(for: resultFile, of: query)
        let output = try store.succeed("query", ["--no-union-default-graph", "--base", queryFile.iri, "--timeout", "20",
                                                 "--format", format, "-f", queryFile.path])
        let actual = try SPARQLResultsReader.read(Data(output.utf8), format: format, file: "parley query --format \(format)")
        return SPARQLResultsComparison.difference(expected: expected, actual: actual,
                                                  orderedBy: SPARQLResultsComparison.orderKeys(query),
                                                  laxCardinality: test.laxCardinality)
    }

    /// Runs an update-evaluation test; `nil` when it passes.
    static func runUpdate(_ test: SPARQLTest) throws -> String? {
        guard let requestFile = test.query else { return "no ut:request" }
        let store = BinaryStore()
        for file in test.data { try store.load(file) }
        for graph in test.graphData { try store.load(graph.file, graph: graph.name) }
        try store.succeed("update", ["--no-union-default-graph", "--base", requestFile.iri, "-f", requestFile.path])
        let expected = try test.expectedDataset()
        let actual = try store.exportedQuads()
        if GraphIsomorphism.areIsomorphic(expected, actual) { return nil }
        return "dataset differs: " + GraphIsomorphism.difference(expected, actual)
    }
}
