import ParleyRDF
import ParleyTestSupport
import Testing

/// The W3C RDF 1.1 N-Triples, N-Quads and Turtle test suites, driven by their manifests.
@Suite(.enabled(if: Conformance.isAvailable, "W3C suites not found at ../shared/conformance"))
struct RDFSyntaxConformanceTests {
    static let nTriplesEntries = (try? Conformance.entries(suite: "rdf-n-triples")) ?? []
    static let nQuadsEntries = (try? Conformance.entries(suite: "rdf-n-quads")) ?? []
    static let turtleEntries = (try? Conformance.entries(suite: "rdf-turtle")) ?? []

    @Test("N-Triples manifest entries", arguments: nTriplesEntries)
    func nTriples(_ entry: ManifestEntry) {
        if let failure = Self.failure(of: entry) { Issue.record("\(entry.name): \(failure)") }
    }

    @Test("N-Quads manifest entries", arguments: nQuadsEntries)
    func nQuads(_ entry: ManifestEntry) {
        if let failure = Self.failure(of: entry) { Issue.record("\(entry.name): \(failure)") }
    }

    @Test("Turtle manifest entries", arguments: turtleEntries)
    func turtle(_ entry: ManifestEntry) {
        if let failure = Self.failure(of: entry) { Issue.record("\(entry.name): \(failure)") }
    }

    @Test("every manifest lists the expected number of tests, and a summary is printed")
    func summary() {
        for (suite, entries, expected) in [("rdf-n-triples", Self.nTriplesEntries, 70), ("rdf-n-quads", Self.nQuadsEntries, 87),
                                           ("rdf-turtle", Self.turtleEntries, 313)] {
            let failed = entries.filter { Self.failure(of: $0) != nil }
            print("\(suite): \(entries.count - failed.count) passed, \(failed.count) failed"
                  + (failed.isEmpty ? "" : " (" + failed.map(\.name).joined(separator: ", ") + ")"))
            #expect(entries.count == expected, "\(suite) manifest")
        }
    }

    /// Runs one test; `nil` when it passes, otherwise why it failed.
    static func failure(of entry: ManifestEntry) -> String? {
        let outcome: Result<[Quad], any Error> = Result { try parse(entry) }
        switch (entry.kind, outcome) {
        case (.positiveSyntax, .success):
            return nil
        case (.positiveSyntax, .failure(let error)), (.evaluation, .failure(let error)):
            return "rejected valid input: \(error)"
        case (.negativeSyntax, .failure(let error)), (.negativeEvaluation, .failure(let error)):
            return error is RDFSyntaxError ? nil : "failed without a syntax error: \(error)"
        case (.negativeSyntax, .success), (.negativeEvaluation, .success):
            return "accepted invalid input"
        case (.evaluation, .success(let quads)):
            guard let result = entry.result else { return "no mf:result" }
            do {
                var expectedParser = NTriplesParser(source: try FileByteSource(path: result))
                let expected = try expectedParser.readAll()
                return GraphIsomorphism.areIsomorphic(quads, expected)
                    ? nil : "graph differs from \(result): " + GraphIsomorphism.difference(quads, expected)
            } catch {
                return "cannot read expected result: \(error)"
            }
        case (.unknown(let type), _):
            return "unknown test type \(type)"
        }
    }

    static func parse(_ entry: ManifestEntry) throws -> [Quad] {
        let source = try FileByteSource(path: entry.action)
        switch entry.suite {
        case "rdf-n-triples":
            var parser = NTriplesParser(source: source, format: .nTriples)
            return try parser.readAll()
        case "rdf-n-quads":
            var parser = NTriplesParser(source: source, format: .nQuads)
            return try parser.readAll()
        default:
            var parser = TurtleParser(source: source, baseIRI: entry.actionIRI)
            return try parser.readAll()
        }
    }
}
