import Foundation
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore
import ParleyTestSupport
import Synchronization
import Testing

/// The W3C SPARQL 1.0 and 1.1 evaluation suites (query, result formats, update), driven by their
/// manifests: each test gets a fresh store in a temporary directory, loads its data, runs its
/// query or update through ``QueryEngine`` and compares the answer with the expected file.
///
/// One parameterised test per manifest names each failing test; `summary` prints per manifest
/// `sparql10: N passed, N failed, N skipped` with a `FAIL folder/name: reason` line per failure
/// and the comparison with the reference engines of `oracle-results-sparql.tsv`, and writes the
/// same text to `$PARLEY_CONFORMANCE_REPORT` when that is set.
@Suite(.enabled(if: SPARQLManifest.isAvailable, "W3C suites not found at ../shared/conformance"))
struct SPARQLEvaluationTests {
    /// Every test of the manifests is run (a test is skipped, with a printed reason, only when it
    /// needs a tool that is not installed: `rapper` for RDF/XML).
    static let run = SPARQLConformanceRun { test in
        test.kind == .updateEvaluation ? try runUpdate(test) : try runQuery(test)
    }

    static let sparql10Tests = SPARQLManifest.evaluationTests(.sparql10)
    static let sparql11Tests = SPARQLManifest.evaluationTests(.sparql11)
    static let sparql11ResultsTests = SPARQLManifest.evaluationTests(.sparql11Results)
    static let sparql11UpdateTests = SPARQLManifest.evaluationTests(.sparql11Update)

    @Test("SPARQL 1.0 query evaluation (sparql10/manifest-evaluation.ttl)", arguments: sparql10Tests)
    func sparql10(_ test: SPARQLTest) { Self.check(test) }

    @Test("SPARQL 1.1 query evaluation (sparql11/manifest-sparql11-query.ttl)", arguments: sparql11Tests)
    func sparql11(_ test: SPARQLTest) { Self.check(test) }

    @Test("SPARQL 1.1 result formats (sparql11/manifest-sparql11-results.ttl)", arguments: sparql11ResultsTests)
    func sparql11Results(_ test: SPARQLTest) { Self.check(test) }

    @Test("SPARQL 1.1 update evaluation (sparql11/manifest-sparql11-update.ttl)", arguments: sparql11UpdateTests)
    func sparql11Update(_ test: SPARQLTest) { Self.check(test) }

    static func check(_ test: SPARQLTest) {
        if let failure = run.failure(of: test) { Issue.record(Comment(rawValue: failure)) }
    }

    @Test("every manifest yields the expected number of tests, and a summary is printed")
    func summary() throws {
        let (report, problems) = Self.run.summary()
        print(report, terminator: "")
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
        try SPARQLConformanceRun.writeReport(report, toFileIn: "PARLEY_CONFORMANCE_REPORT")
    }

    /// Checks the harness itself, without the engine: every expected file reads; each answer equals
    /// itself with blank nodes renamed and rows reversed (the bijection search); and each survives
    /// our JSON, XML, TSV and CSV writers and readers (the writers on 500 real result sets).
    @Test("every expected result reads, matches itself up to blank nodes, and survives our writers")
    func expectedResultsRoundTrip() throws {
        var problems: [String] = []
        for test in Self.sparql10Tests + Self.sparql11Tests + Self.sparql11ResultsTests {
            guard let file = test.result else { problems.append("\(test.id): no mf:result"); continue }
            let expected: SPARQLResults
            do {
                expected = try SPARQLResultsReader.read(file)
            } catch SPARQLResultsError.missingTool {
                continue
            } catch {
                problems.append("\(test.id): \(error)")
                continue
            }
            var renamed = expected
            if case .solutions(var solutions) = expected {
                solutions.rows = solutions.rows.reversed().map { row in
                    row.mapValues { if case .blank(let label) = $0 { .blank("renamed-" + label) } else { $0 } }
                }
                renamed = .solutions(solutions)
            }
            if let diff = SPARQLResultsComparison.difference(expected: expected, actual: renamed) {
                problems.append("\(test.id): differs from itself renamed: \(diff)")
            }
            if case .graph = expected { continue }
            for format in [ResultFormat.json, .xml, .tsv, .csv] {
                var reference = expected
                if format == .csv, case .solutions(let s) = expected { reference = .solutions(SPARQLResultsComparison.csvProjection(s)) }
                if format == .csv || format == .tsv, case .boolean = expected { continue }
                do {
                    let back = try Self.roundTrip(expected, through: format)
                    if let diff = SPARQLResultsComparison.difference(expected: reference, actual: back) {
                        problems.append("\(test.id): \(format) round trip: \(diff)")
                    }
                } catch {
                    problems.append("\(test.id): \(format) round trip: \(error)")
                }
            }
        }
        for test in Self.sparql11UpdateTests {
            for file in test.expectedData + test.expectedGraphData.map(\.file) {
                do { _ = try file.graph() } catch { problems.append("\(test.id): \(error)") }
            }
        }
        #expect(problems.isEmpty, Comment(rawValue: "\(problems.count) problems:\n" + problems.prefix(30).joined(separator: "\n")))
    }

    @Test("order is checked on the leading plain-variable, projected ORDER BY keys", arguments: [
        ("SELECT ?x ?y WHERE { ?x ?p ?y }", nil),
        ("SELECT ?x ?y WHERE { ?x ?p ?y } ORDER BY ?x DESC(?y)", ["x", "y"]),
        ("SELECT DISTINCT ?x WHERE { ?x ?p ?y } ORDER BY ?x LIMIT 2 OFFSET 1", ["x"]),
        ("SELECT ?x (?y + 1 AS ?z) WHERE { ?x ?p ?y } ORDER BY ?z ?x", ["z", "x"]),
        ("SELECT ?x ?y WHERE { ?x ?p ?y } ORDER BY str(?y) ?x", []),
        ("SELECT ?x WHERE { ?x ?p ?y } ORDER BY ?y ?x", []),
        ("ASK { ?x ?p ?y }", nil),
    ] as [(String, [String]?)])
    func orderKeys(query: String, keys: [String]?) throws {
        #expect(SPARQLResultsComparison.orderKeys(try SPARQLParser.parse(query)) == keys)
    }

    // MARK: Running one test

    /// A fresh store in its own temporary directory (kept alive by the returned directory).
    private static func makeStore() throws -> (TemporaryDirectory, Store) {
        let directory = TemporaryDirectory("parley-sparql")
        var options = Store.Options()
        options.noSync = true
        options.initialMapSize = 1 << 28
        return (directory, try Store(path: directory.child("store"), options: options))
    }

    /// Loads `files` into the default graph (`graph == nil`) or into the named graph `graph`.
    private static func load(_ files: [SPARQLFile], into graph: String?, _ store: Store) throws {
        guard !files.isEmpty else { return }
        let sources = try files.map { file in
            let quads = try file.graph()
            return LoadSource(name: file.path, makeReader: { QuadArrayReader(quads) })
        }
        try store.load(sources, options: LoadOptions(graph: graph.map { .iri($0) }))
    }

    private static var engineOptions: QueryOptions {
        var options = QueryOptions()
        options.unionDefaultGraph = false
        options.timeout = .seconds(20)
        return options
    }

    /// Runs a query-evaluation or CSV-format test; `nil` when it passes.
    static func runQuery(_ test: SPARQLTest) throws -> String? {
        guard let queryFile = test.query else { return "no qt:query" }
        guard let resultFile = test.result else { return "no mf:result" }
        let (directory, store) = try makeStore()
        defer { withExtendedLifetime(directory) {} }
        try load(test.data, into: nil, store)
        for graph in test.graphData { try load([graph.file], into: graph.name, store) }

        let query: Query
        do {
            query = try SPARQLParser.parse(try queryFile.text(), baseIRI: queryFile.iri)
        } catch {
            return "query does not parse: \(error)"
        }
        for graph in test.datasetFiles(of: query) { try load([graph.file], into: graph.name, store) }

        let expected = try SPARQLResultsReader.read(resultFile)
        var actual = try QueryEngine(store: store).query(query, options: engineOptions) { result in
            try collect(result)
        }
        // Answers compared with a CSV, TSV or JSON file go through our writer of that format and
        // back, so the result-format tests test the writers too.
        let format: ResultFormat? = switch (resultFile.path as NSString).pathExtension {
        case "csv": .csv
        case "tsv": .tsv
        case "srj": .json
        default: nil
        }
        if let format { actual = try roundTrip(actual, through: format) }
        return SPARQLResultsComparison.difference(expected: expected, actual: actual,
                                                  orderedBy: SPARQLResultsComparison.orderKeys(query), laxCardinality: test.laxCardinality)
    }

    /// Runs an update-evaluation test; `nil` when it passes.
    static func runUpdate(_ test: SPARQLTest) throws -> String? {
        guard let requestFile = test.query else { return "no ut:request" }
        let (directory, store) = try makeStore()
        defer { withExtendedLifetime(directory) {} }
        try load(test.data, into: nil, store)
        for graph in test.graphData { try load([graph.file], into: graph.name, store) }

        let update: Update
        do {
            update = try SPARQLParser.parseUpdate(try requestFile.text(), baseIRI: requestFile.iri)
        } catch {
            return "update does not parse: \(error)"
        }
        _ = try QueryEngine(store: store).update(update, options: engineOptions)

        let expected = try test.expectedDataset()
        var actual: [Quad] = []
        try store.export(.defaultGraph) { quad in
            if let decoded = quad.decoded() { actual.append(Quad(decoded.subject, decoded.predicate, decoded.object)) }
        }
        for summary in try store.graphs() {
            try store.export(.graph(summary.id)) { quad in
                if let decoded = quad.decoded() {
                    actual.append(Quad(decoded.subject, decoded.predicate, decoded.object, graph: summary.name))
                }
            }
        }
        if GraphIsomorphism.areIsomorphic(expected, actual) { return nil }
        return "dataset differs: " + GraphIsomorphism.difference(expected, actual)
    }

    /// Reads the engine's streamed answer into memory.
    static func collect(_ result: QueryResult) throws -> SPARQLResults {
        switch result {
        case .boolean(let value):
            return .boolean(value)
        case .solutions(let sequence):
            var rows: [[Term?]] = []
            while let row = try sequence.next() { rows.append(row) }
            return .solutions(SPARQLSolutions(variables: sequence.variables, positional: rows))
        case .graph(let triples):
            var quads: [Quad] = []
            while let quad = try triples.next() { quads.append(Quad(quad.subject, quad.predicate, quad.object)) }
            return .graph(quads)
        }
    }

    /// The answer written by ``SolutionsSerializer`` in `format` and read back.
    static func roundTrip(_ results: SPARQLResults, through format: ResultFormat) throws -> SPARQLResults {
        var out: [UInt8] = []
        switch results {
        case .graph:
            return results
        case .boolean(let value):
            SolutionsSerializer.boolean(value, format: format, to: &out)
        case .solutions(let solutions):
            var writer = SolutionsSerializer(format: format, variables: solutions.variables)
            writer.begin(to: &out)
            for row in solutions.rows { writer.append(solutions.variables.map { row[$0] }, to: &out) }
            writer.finish(to: &out)
        }
        if format == .table { return results }
        return try SPARQLResultsReader.read(Data(out), format: format.rawValue, file: "<our \(format.rawValue)>")
    }
}
