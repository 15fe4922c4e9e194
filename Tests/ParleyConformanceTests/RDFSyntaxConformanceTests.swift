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
        let entries = ["rdf-n-triples": Self.nTriplesEntries, "rdf-n-quads": Self.nQuadsEntries, "rdf-turtle": Self.turtleEntries]
        let (report, problems) = Conformance.rdfSummary(entries: { entries[$0] ?? [] }, failure: Self.failure(of:))
        print(report, terminator: "")
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
    }

    /// Runs one test; `nil` when it passes, otherwise why it failed.
    static func failure(of entry: ManifestEntry) -> String? {
        entry.failure(given: Result { try parse(entry) }, isSyntaxError: { $0 is RDFSyntaxError })
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
