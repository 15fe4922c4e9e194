import ParleyTestSupport
import Testing

/// The W3C SPARQL syntax tests through the binary, each on a fresh empty store: a query file
/// (`.rq`) runs with `parley query --base IRI -f FILE`, an update (`.ru`) with `parley update`.
/// A negative test must exit 1 with a `FILE:LINE:COLUMN: error:` message; a positive one must
/// not: it exits 0, or 1 with an evaluation error (a `SERVICE` or a `LOAD` of a web IRI may fail
/// on a machine without network), which the summary counts.
@Suite(.enabled(if: SPARQLManifest.isAvailable, "W3C suites not found at ../shared/conformance"))
struct SPARQLSyntaxThroughBinaryTests {
    /// The entry-point manifests holding syntax tests, with how many each yields: the syntax
    /// folders, and the evaluation folders that carry syntax tests too (aggregates, construct,
    /// grouping…). A test listed twice runs once, under the first manifest.
    static let manifests: [(folder: String, manifest: String, expectedCount: Int)] = [
        ("sparql10", "manifest.ttl", 199), ("sparql11", "manifest-sparql11-query.ttl", 103),
        ("sparql11", "manifest-sparql11-update.ttl", 63), ("sparql11", "manifest-sparql11-fed.ttl", 3),
    ]

    /// Every syntax test, with the manifest it came from.
    static let testsByManifest: [(manifest: String, tests: [SPARQLTest])] = {
        var seen: Set<String> = []
        return manifests.map { entry in
            let tests = ((try? SPARQLManifest.tests(folder: entry.folder, manifest: entry.manifest)) ?? [])
                .filter { [.positiveSyntax, .negativeSyntax].contains($0.kind) && seen.insert($0.id).inserted }
            return ("\(entry.folder)/\(entry.manifest)", tests)
        }
    }()

    static let tests = testsByManifest.flatMap(\.tests)

    static let outcomes = OnceCache<Outcome>()

    /// How one syntax test went through the binary.
    enum Outcome: Hashable, Sendable {
        case pass
        /// A positive test that parsed but failed to run; the reason.
        case passWithEvaluationError(String)
        case fail(String)
    }

    @Test("SPARQL syntax tests through parley query and parley update", arguments: tests)
    func syntax(_ test: SPARQLTest) {
        if case .fail(let why) = Self.outcome(of: test) { Issue.record(Comment(rawValue: "\(test.id): \(why)")) }
    }

    @Test("the manifests yield the syntax tests the README counts, and a summary is printed")
    func summary() {
        Parallel.forEach(Self.tests, width: EndToEnd.width) { _ = Self.outcome(of: $0) }
        var report = "through the binary:\n"
        for ((manifest, tests), expected) in zip(Self.testsByManifest, Self.manifests.map(\.expectedCount)) {
            let outcomes = tests.map { ($0, Self.outcome(of: $0)) }
            let failed = outcomes.filter { if case .fail = $0.1 { true } else { false } }
            let positive = tests.filter { $0.kind == .positiveSyntax }.count
            report += "\(manifest): \(tests.count) syntax tests (\(positive) positive, \(tests.count - positive) negative), "
                + "\(tests.count - failed.count) right, \(failed.count) wrong\n"
            for (test, outcome) in outcomes {
                switch outcome {
                case .pass: break
                case .passWithEvaluationError(let why): report += "  parsed, then failed to run: \(test.id): \(why)\n"
                case .fail(let why): report += "  FAIL \(test.id): \(why)\n"
                }
            }
            #expect(tests.count == expected, "\(manifest): syntax tests")
        }
        print(report, terminator: "")
    }

    static func outcome(of test: SPARQLTest) -> Outcome {
        outcomes.value(for: test.id) {
            guard let file = test.query else { return .fail("no mf:action") }
            let command = file.path.hasSuffix(".ru") ? "update" : "query"
            let result: ParleyProcess.Result
            do {
                result = try BinaryStore().run(command, ["--base", file.iri, "-f", file.path])
            } catch {
                return .fail("cannot run parley: \(error)")
            }
            let syntaxError = BinaryFailure.isSyntaxError(result)
            switch (test.kind == .positiveSyntax, result.status, syntaxError) {
            case (true, 0, _): return .pass
            case (true, 1, false): return .passWithEvaluationError(String(result.stderr.prefix { $0 != "\n" }))
            case (false, _, true): return .pass
            case (true, let status, _), (false, let status, _):
                let what = test.kind == .positiveSyntax ? "rejected a valid request" : "did not report a syntax error"
                return .fail("\(what): parley \(command) exited \(status): \(result.stderr.prefix(300))")
            }
        }
    }
}
