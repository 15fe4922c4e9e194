import ParleyRDF
import ParleyTestSupport
import Testing

/// The W3C RDF 1.1 N-Triples, N-Quads and Turtle suites through the binary: each input is loaded
/// into a fresh store with `parley load` (Turtle with `--base` set to the file's IRI); syntax
/// tests are judged by its exit status (a negative test must exit 1 with `FILE:LINE:COLUMN:
/// error:`), Turtle evaluation tests by comparing `parley export --format nt` with the expected
/// N-Triples up to blank node renaming.
@Suite(.enabled(if: Conformance.isAvailable, "W3C suites not found at ../shared/conformance"))
struct RDFSuitesThroughBinaryTests {
    static let entries: [String: [ManifestEntry]] = Dictionary(uniqueKeysWithValues: Conformance.rdfSuites.map { suite in
        (suite.name, (try? Conformance.entries(suite: suite.name)) ?? [])
    })
    static let failures = OnceCache<String?>()

    @Test("N-Triples manifest entries through parley load", arguments: entries["rdf-n-triples"] ?? [])
    func nTriples(_ entry: ManifestEntry) { Self.check(entry) }

    @Test("N-Quads manifest entries through parley load", arguments: entries["rdf-n-quads"] ?? [])
    func nQuads(_ entry: ManifestEntry) { Self.check(entry) }

    @Test("Turtle manifest entries through parley load and export", arguments: entries["rdf-turtle"] ?? [])
    func turtle(_ entry: ManifestEntry) { Self.check(entry) }

    @Test("every manifest lists the expected number of tests, and a summary is printed")
    func summary() {
        let all = Conformance.rdfSuites.flatMap { Self.entries[$0.name] ?? [] }
        Parallel.forEach(all, width: EndToEnd.width) { _ = Self.failure(of: $0) }
        let (report, problems) = Conformance.rdfSummary(entries: { Self.entries[$0] ?? [] }, failure: Self.failure(of:))
        print("through the binary:\n" + report, terminator: "")
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
    }

    static func check(_ entry: ManifestEntry) {
        if let failure = failure(of: entry) { Issue.record(Comment(rawValue: "\(entry.name): \(failure)")) }
    }

    /// Runs one test (once); `nil` when it passes, otherwise why it failed.
    static func failure(of entry: ManifestEntry) -> String? {
        failures.value(for: "\(entry.suite)/\(entry.name)") {
            entry.failure(given: Result { try load(entry) }, isSyntaxError: { ($0 as? BinaryFailure)?.isSyntaxError == true })
        }
    }

    /// Loads the test's input; for an evaluation test, returns the store's export.
    static func load(_ entry: ManifestEntry) throws -> [Quad] {
        let store = BinaryStore()
        let base = entry.suite == "rdf-turtle" ? ["--base", entry.actionIRI] : []
        try store.succeed("load", base + [entry.action])
        guard entry.kind == .evaluation else { return [] }
        var parser = NTriplesParser(text: try store.succeed("export", ["--format", "nt"]))
        return try parser.readAll()
    }
}
