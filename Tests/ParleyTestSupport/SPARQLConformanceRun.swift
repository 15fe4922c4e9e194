import Foundation
import ParleyRDF
import ParleySPARQL

/// One run of the W3C SPARQL evaluation suites with one way of running a test (in process, or
/// through the `parley` binary): each test runs once, whether a parameterised test or the
/// summary asks first, and the summary reports per suite `N passed, N failed, N skipped` with a
/// `FAIL folder/name: reason` line per failure and the comparison with the reference engines of
/// `oracle-results-sparql.tsv`.
public final class SPARQLConformanceRun: Sendable {
    /// How one test went.
    public enum Outcome: Hashable, Sendable {
        case pass
        case fail(String)
        case skip(String)

        public var passed: Bool { if case .pass = self { true } else { false } }

        public var reason: String {
            switch self {
            case .pass: "passed"
            case .fail(let why), .skip(let why): why
            }
        }
    }

    /// Runs one test: `nil` when it passes, else why not. Throwing
    /// ``SPARQLResultsError/missingTool(_:)`` skips the test; any other error fails it.
    public typealias Runner = @Sendable (SPARQLTest) throws -> String?

    private let skipped: [String: String]
    private let runner: Runner
    private let outcomes = OnceCache<Outcome>()

    /// `skipped` maps test ids to the reason they are not run: the ONLY such list.
    public init(skipped: [String: String] = [:], runner: @escaping Runner) {
        self.skipped = skipped
        self.runner = runner
    }

    /// The outcome of `test`, run on first request.
    public func outcome(of test: SPARQLTest) -> Outcome {
        outcomes.value(for: test.id) { run(test) }
    }

    /// Why `test` failed, or `nil` when it passed or was skipped (for `Issue.record`).
    public func failure(of test: SPARQLTest) -> String? {
        if case .fail(let why) = outcome(of: test) { return "\(test.id): \(why)" }
        return nil
    }

    private func run(_ test: SPARQLTest) -> Outcome {
        if let reason = skipped[test.id] { return .skip(reason) }
        do {
            return try runner(test).map { .fail(Self.oneLine($0)) } ?? .pass
        } catch SPARQLResultsError.missingTool(let why) {
            return .skip(why)
        } catch {
            return .fail(Self.oneLine("\(error)"))
        }
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ⏎ ")
        return flat.count > 600 ? String(flat.prefix(600)) + "…" : flat
    }

    /// Runs every evaluation test not yet run, `width` at a time, and returns the report, with
    /// `problems` naming any manifest that did not yield its expected number of unique tests.
    public func summary(width: Int = 1) -> (report: String, problems: [String]) {
        let all = SPARQLManifest.Suite.allCases.flatMap(SPARQLManifest.evaluationTests)
        if width > 1 { Parallel.forEach(all, width: width) { _ = self.outcome(of: $0) } }
        var report = ""
        var problems: [String] = []
        for suite in SPARQLManifest.Suite.allCases {
            let tests = SPARQLManifest.evaluationTests(suite)
            let outcomes = tests.map { ($0, outcome(of: $0)) }
            let failed = outcomes.filter { if case .fail = $0.1 { true } else { false } }
            let skippedTests = outcomes.filter { if case .skip = $0.1 { true } else { false } }
            report += "\(suite.rawValue): \(tests.count - failed.count - skippedTests.count) passed, "
                + "\(failed.count) failed, \(skippedTests.count) skipped (of \(tests.count))\n"
            for (test, outcome) in failed { report += "FAIL \(test.id): \(outcome.reason)\n" }
            for (test, outcome) in skippedTests { report += "SKIP \(test.id): \(outcome.reason)\n" }
            if tests.count != suite.expectedEvaluationCount {
                problems.append("\(suite.rawValue): \(tests.count) evaluation tests, expected \(suite.expectedEvaluationCount)")
            }
            if Set(tests.map(\.id)).count != tests.count { problems.append("\(suite.rawValue): test ids must be unique") }
        }
        return (report + oracleComparison(), problems)
    }

    /// How we compare with the engines of `oracle-results-sparql.tsv` on the query tests it lists.
    private func oracleComparison() -> String {
        guard let root = SPARQLManifest.root,
              let table = try? String(contentsOf: root.deletingLastPathComponent().appendingPathComponent("oracle-results-sparql.tsv"),
                                      encoding: .utf8) else {
            return "oracle: oracle-results-sparql.tsv not found\n"
        }
        let lines = table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, header.count > 2 else { return "oracle: empty table\n" }
        let engines = Array(header.dropFirst(2))
        let queryTests = [SPARQLManifest.Suite.sparql10, .sparql11, .sparql11Results].flatMap(SPARQLManifest.evaluationTests)
        let ours = Dictionary(queryTests.map { ($0.id, outcome(of: $0).passed) }, uniquingKeysWith: { a, _ in a })
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

    /// Writes `report` to the file `$variable` names, when it is set.
    public static func writeReport(_ report: String, toFileIn variable: String) throws {
        if let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
            try report.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}

extension SPARQLTest {
    /// The dataset an update test expects afterwards: `ut:data` as the default graph and each
    /// `ut:graphData` as its named graph; blank nodes of different files are different nodes.
    public func expectedDataset() throws -> [Quad] {
        func relabel(_ quad: Quad, _ prefix: String, graph: Term?) -> Quad {
            func map(_ term: Term) -> Term {
                if case .blank(let label) = term { return .blank("\(prefix)-\(label)") }
                return term
            }
            return Quad(map(quad.subject), map(quad.predicate), map(quad.object), graph: graph)
        }
        var expected: [Quad] = []
        for (index, file) in expectedData.enumerated() {
            expected += try file.graph().map { relabel($0, "d\(index)", graph: nil) }
        }
        for (index, graph) in expectedGraphData.enumerated() {
            expected += try graph.file.graph().map { relabel($0, "g\(index)", graph: .iri(graph.name)) }
        }
        return expected
    }

    /// The graphs a query's `FROM` and `FROM NAMED` name that are files of the suite and not
    /// already among the test's named graphs: the tests load each as the graph of that name.
    public func datasetFiles(of query: Query) -> [SPARQLGraphFile] {
        var named = Set(graphData.map(\.name))
        var files: [SPARQLGraphFile] = []
        for iri in (query.dataset?.defaultGraphs ?? []) + (query.dataset?.namedGraphs ?? []) where !named.contains(iri) {
            if let file = SPARQLManifest.localFile(iri) {
                files.append(SPARQLGraphFile(file: file, name: iri))
                named.insert(iri)
            }
        }
        return files
    }
}

extension SPARQLResultsComparison {
    /// The projected variables whose order the query fixes, or `nil` when it has no ORDER BY at
    /// the top. Only a leading run of plain-variable, projected sort keys can be checked: once a
    /// key is an expression (or not projected), rows that tie on it may come in any order.
    public static func orderKeys(_ query: Query) -> [String]? {
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
