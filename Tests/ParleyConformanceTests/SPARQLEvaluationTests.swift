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
    /// Tests we do not run, with the reason. This is the ONLY list: every test of the manifests is
    /// run unless it is here (a test is also skipped, with a printed reason, when it needs a tool
    /// that is not installed: `rapper` for RDF/XML).
    static let skipped: [String: String] = [:]

    /// How many evaluation tests each manifest must yield (conformance README).
    static let expectedCounts: [SPARQLManifest.Suite: Int] = [
        .sparql10: 283, .sparql11: 225, .sparql11Results: 10, .sparql11Update: 94,
    ]

    static let sparql10Tests = evaluationTests(.sparql10)
    static let sparql11Tests = evaluationTests(.sparql11)
    static let sparql11ResultsTests = evaluationTests(.sparql11Results)
    static let sparql11UpdateTests = evaluationTests(.sparql11Update)

    static func evaluationTests(_ suite: SPARQLManifest.Suite) -> [SPARQLTest] {
        ((try? SPARQLManifest.tests(suite)) ?? []).filter(\.kind.isEvaluation)
    }

    static func tests(_ suite: SPARQLManifest.Suite) -> [SPARQLTest] {
        switch suite {
        case .sparql10: sparql10Tests
        case .sparql11: sparql11Tests
        case .sparql11Results: sparql11ResultsTests
        case .sparql11Update: sparql11UpdateTests
        }
    }

    @Test("SPARQL 1.0 query evaluation (sparql10/manifest-evaluation.ttl)", arguments: sparql10Tests)
    func sparql10(_ test: SPARQLTest) { Self.check(test) }

    @Test("SPARQL 1.1 query evaluation (sparql11/manifest-sparql11-query.ttl)", arguments: sparql11Tests)
    func sparql11(_ test: SPARQLTest) { Self.check(test) }

    @Test("SPARQL 1.1 result formats (sparql11/manifest-sparql11-results.ttl)", arguments: sparql11ResultsTests)
    func sparql11Results(_ test: SPARQLTest) { Self.check(test) }

    @Test("SPARQL 1.1 update evaluation (sparql11/manifest-sparql11-update.ttl)", arguments: sparql11UpdateTests)
    func sparql11Update(_ test: SPARQLTest) { Self.check(test) }

    @Test("every manifest yields the expected number of tests, and a summary is printed")
    func summary() throws {
        var report = ""
        for suite in SPARQLManifest.Suite.allCases {
            let tests = Self.tests(suite)
            let outcomes = tests.map { ($0, Self.outcome(of: $0)) }
            let failed = outcomes.filter { if case .fail = $0.1 { true } else { false } }
            let skippedTests = outcomes.filter { if case .skip = $0.1 { true } else { false } }
            report += "\(suite.rawValue): \(tests.count - failed.count - skippedTests.count) passed, "
                + "\(failed.count) failed, \(skippedTests.count) skipped (of \(tests.count))\n"
            for (test, outcome) in failed { report += "FAIL \(test.id): \(outcome.reason)\n" }
            for (test, outcome) in skippedTests { report += "SKIP \(test.id): \(outcome.reason)\n" }
            #expect(tests.count == Self.expectedCounts[suite], "\(suite.rawValue) evaluation tests")
            #expect(Set(tests.map(\.id)).count == tests.count, "\(suite.rawValue): test ids must be unique")
        }
        report += Self.oracleComparison()
        print(report, terminator: "")
        if let path = ProcessInfo.processInfo.environment["PARLEY_CONFORMANCE_REPORT"], !path.isEmpty {
            try report.write(toFile: path, atomically: true, encoding: .utf8)
        }
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
        #expect(Self.orderKeys(try SPARQLParser.parse(query)) == keys)
    }

    /// How we compare with the engines of `oracle-results-sparql.tsv` on the query tests it lists.
    static func oracleComparison() -> String {
        guard let root = SPARQLManifest.root,
              let table = try? String(contentsOf: root.deletingLastPathComponent().appendingPathComponent("oracle-results-sparql.tsv"),
                                      encoding: .utf8) else {
            return "oracle: oracle-results-sparql.tsv not found\n"
        }
        let lines = table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, header.count > 2 else { return "oracle: empty table\n" }
        let engines = Array(header.dropFirst(2))
        let ours = Dictionary((sparql10Tests + sparql11Tests + sparql11ResultsTests).map { ($0.id, outcome(of: $0).passed) },
                              uniquingKeysWith: { a, _ in a })
        var text = "oracle comparison (\(lines.count - 1) query-eval tests of oracle-results-sparql.tsv):\n"
        var known = 0, oursPassed = 0
        var theyOnly = Array(repeating: 0, count: engines.count), weOnly = theyOnly, theirPasses = theyOnly
        for row in lines.dropFirst() where row.count == header.count {
            guard let we = ours["\(row[0])/\(row[1])"] else { continue }
            known += 1
            if we { oursPassed += 1 }
            for (i, result) in row.dropFirst(2).enumerated() {
                let they = result == "pass"
                if they { theirPasses[i] += 1 }
                if they && !we { theyOnly[i] += 1 }
                if we && !they { weOnly[i] += 1 }
            }
        }
        text += "  parley: \(oursPassed) of \(known) passed (\(lines.count - 1 - known) oracle tests not found in our manifests)\n"
        for (i, engine) in engines.enumerated() {
            text += "  \(engine): passes \(theirPasses[i]); passes \(theyOnly[i]) that we fail; fails \(weOnly[i]) that we pass\n"
        }
        return text
    }

    // MARK: Running one test

    enum Outcome: Sendable {
        case pass
        case fail(String)
        case skip(String)

        var passed: Bool { if case .pass = self { true } else { false } }

        var reason: String {
            switch self {
            case .pass: "passed"
            case .fail(let why), .skip(let why): why
            }
        }
    }

    /// Outcomes by test id, so `summary` does not run again what the parameterised tests ran.
    private static let outcomes = Mutex<[String: Outcome]>([:])

    static func check(_ test: SPARQLTest) {
        switch outcome(of: test) {
        case .pass: break
        case .skip: break
        case .fail(let why): Issue.record("\(test.id): \(why)")
        }
    }

    static func outcome(of test: SPARQLTest) -> Outcome {
        if let known = outcomes.withLock({ $0[test.id] }) { return known }
        let outcome: Outcome
        if let reason = skipped[test.id] {
            outcome = .skip(reason)
        } else {
            do {
                let failure = test.kind == .updateEvaluation ? try runUpdate(test) : try runQuery(test)
                outcome = failure.map { .fail(oneLine($0)) } ?? .pass
            } catch SPARQLResultsError.missingTool(let why) {
                outcome = .skip(why)
            } catch {
                outcome = .fail(oneLine("\(error)"))
            }
        }
        outcomes.withLock { $0[test.id] = outcome }
        return outcome
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ⏎ ")
        return flat.count > 600 ? String(flat.prefix(600)) + "…" : flat
    }

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
        var named: Set<String> = []
        for graph in test.graphData {
            try load([graph.file], into: graph.name, store)
            named.insert(graph.name)
        }

        let query: Query
        do {
            query = try SPARQLParser.parse(try queryFile.text(), baseIRI: queryFile.iri)
        } catch {
            return "query does not parse: \(error)"
        }
        // FROM <file> and FROM NAMED <file> name files of the suite: load each as the graph of that name.
        for iri in (query.dataset?.defaultGraphs ?? []) + (query.dataset?.namedGraphs ?? []) where !named.contains(iri) {
            if let file = localFile(iri, near: queryFile) {
                try load([file], into: iri, store)
                named.insert(iri)
            }
        }

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
                                                  orderedBy: orderKeys(query), laxCardinality: test.laxCardinality)
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

        // The expected dataset: blank nodes of different files are different nodes.
        var expected: [Quad] = []
        for (index, file) in test.expectedData.enumerated() {
            expected += try file.graph().map { relabel($0, "d\(index)", graph: nil) }
        }
        for (index, graph) in test.expectedGraphData.enumerated() {
            expected += try graph.file.graph().map { relabel($0, "g\(index)", graph: .iri(graph.name)) }
        }
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

    private static func relabel(_ quad: Quad, _ prefix: String, graph: Term?) -> Quad {
        func map(_ term: Term) -> Term {
            if case .blank(let label) = term { return .blank("\(prefix)-\(label)") }
            return term
        }
        return Quad(map(quad.subject), map(quad.predicate), map(quad.object), graph: graph)
    }

    /// The suite file an IRI names, if it is one (FROM <data-g1.ttl> resolves next to the query).
    private static func localFile(_ iri: String, near query: SPARQLFile) -> SPARQLFile? {
        guard let root = SPARQLManifest.root else { return nil }
        for suite in ["sparql10", "sparql11"] {
            let home = SPARQLManifest.home(of: suite)
            guard iri.hasPrefix(home) else { continue }
            let path = root.appendingPathComponent(suite).appendingPathComponent(String(iri.dropFirst(home.count))).path
            return FileManager.default.fileExists(atPath: path) ? SPARQLFile(path: path, iri: iri) : nil
        }
        return nil
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
        switch format {
        case .csv: return .solutions(try SPARQLResultsReader.readCSV(String(decoding: out, as: UTF8.self), file: "<our CSV>"))
        case .tsv: return .solutions(try SPARQLResultsReader.readTSV(String(decoding: out, as: UTF8.self), file: "<our TSV>"))
        case .json: return try SPARQLResultsReader.readJSON(Data(out), file: "<our JSON>")
        case .xml: return try SPARQLResultsReader.readXML(Data(out), file: "<our XML>")
        case .table: return results
        }
    }

    /// The projected variables whose order the query fixes, or `nil` when it has no ORDER BY at
    /// the top. Only a leading run of plain-variable, projected sort keys can be checked: once a
    /// key is an expression (or not projected), rows that tie on it may come in any order.
    static func orderKeys(_ query: Query) -> [String]? {
        guard case .select(let projected, _) = query.form else { return nil }
        var pattern = query.algebra
        while true {
            switch pattern {
            case .slice(let inner, _, _), .distinct(let inner), .reduced(let inner), .project(let inner, _),
                 .extend(let inner, _, _):
                pattern = inner
            case .orderBy(_, let conditions):
                var keys: [String] = []
                for condition in conditions {
                    guard case .variable(let name) = condition.expression, projected.contains(name) else { break }
                    if !keys.contains(name) { keys.append(name) }
                }
                return keys
            default:
                return nil
            }
        }
    }
}
