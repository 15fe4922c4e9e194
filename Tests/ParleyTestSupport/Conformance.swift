import Foundation
import ParleyRDF

/// The W3C RDF syntax test suites in `../shared/conformance` (next to the package), and the
/// entries of their manifests, read with ParleyRDF's own Turtle parser.
public enum Conformance {
    /// The `w3c` folder of the suites, or `nil` when it is not there.
    public static let root: URL? = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let w3c = directory.deletingLastPathComponent()
                    .appendingPathComponent("shared/conformance/w3c", isDirectory: true)
                return FileManager.default.fileExists(atPath: w3c.path) ? w3c.standardizedFileURL : nil
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    /// Whether the suites were found.
    public static var isAvailable: Bool { root != nil }

    /// The IRI a suite's files have (their base IRI), e.g. `…/rdf11/rdf-turtle/`.
    public static func home(of suite: String) -> String {
        "https://w3c.github.io/rdf-tests/rdf/rdf11/\(suite)/"
    }

    /// The entries of `suite`'s `manifest.ttl`, in manifest order. Empty when the suites are absent.
    public static func entries(suite: String) throws -> [ManifestEntry] {
        guard let root else { return [] }
        let folder = root.appendingPathComponent(suite, isDirectory: true)
        let home = home(of: suite)
        var parser = TurtleParser(source: try FileByteSource(path: folder.appendingPathComponent("manifest.ttl").path),
                                  baseIRI: home + "manifest.ttl")
        let quads = try parser.readAll()
        var properties: [Term: [Term: [Term]]] = [:]
        for quad in quads { properties[quad.subject, default: [:]][quad.predicate, default: []].append(quad.object) }
        func value(_ subject: Term, _ predicate: String) -> Term? { properties[subject]?[.iri(predicate)]?.first }
        func localPath(_ term: Term?) -> String? {
            guard case .iri(let iri)? = term, iri.hasPrefix(home) else { return nil }
            return folder.appendingPathComponent(String(iri.dropFirst(home.count))).path
        }

        let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
        var entries: [ManifestEntry] = []
        var list = value(.iri(home + "manifest.ttl"), mf + "entries")
        while let node = list, node != .iri(Vocabulary.rdfNil) {
            if let test = value(node, Vocabulary.rdfFirst),
               case .iri(let type)? = value(test, Vocabulary.rdfType),
               case .literal(let name)? = value(test, mf + "name"),
               case .iri(let actionIRI)? = value(test, mf + "action"),
               let action = localPath(.iri(actionIRI)) {
                entries.append(ManifestEntry(
                    suite: suite, name: name.lexical, kind: ManifestEntry.Kind(typeIRI: type),
                    action: action, actionIRI: actionIRI, result: localPath(value(test, mf + "result"))))
            }
            list = value(node, Vocabulary.rdfRest)
        }
        return entries
    }
}

/// One test of an RDF syntax manifest.
public struct ManifestEntry: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case positiveSyntax, negativeSyntax, evaluation, negativeEvaluation, unknown(String)

        init(typeIRI: String) {
            let name = typeIRI.split(separator: "#").last.map(String.init) ?? typeIRI
            if name.hasSuffix("PositiveSyntax") { self = .positiveSyntax }
            else if name.hasSuffix("NegativeSyntax") { self = .negativeSyntax }
            else if name.hasSuffix("NegativeEval") { self = .negativeEvaluation }
            else if name.hasSuffix("Eval") { self = .evaluation }
            else { self = .unknown(name) }
        }
    }

    public var suite: String
    public var name: String
    public var kind: Kind
    /// The input file on disk, and its IRI (the base for relative IRIs in it).
    public var action: String
    public var actionIRI: String
    /// The expected N-Triples file of an evaluation test.
    public var result: String?

    public var description: String { name }
}

extension ManifestEntry {
    /// Judges what reading the test's input gave (the quads, or the error): `nil` when the test
    /// passes, otherwise why it failed. A negative test passes only on an error for which
    /// `isSyntaxError` holds; an evaluation test's quads must be isomorphic to its `mf:result`.
    public func failure(given outcome: Result<[Quad], any Error>, isSyntaxError: (any Error) -> Bool) -> String? {
        switch (kind, outcome) {
        case (.positiveSyntax, .success):
            return nil
        case (.positiveSyntax, .failure(let error)), (.evaluation, .failure(let error)):
            return "rejected valid input: \(error)"
        case (.negativeSyntax, .failure(let error)), (.negativeEvaluation, .failure(let error)):
            return isSyntaxError(error) ? nil : "failed without a syntax error: \(error)"
        case (.negativeSyntax, .success), (.negativeEvaluation, .success):
            return "accepted invalid input"
        case (.evaluation, .success(let quads)):
            guard let result else { return "no mf:result" }
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
}

extension Conformance {
    /// The RDF syntax suites and how many tests each manifest lists (conformance README).
    public static let rdfSuites: [(name: String, expectedCount: Int)] = [
        ("rdf-n-triples", 70), ("rdf-n-quads", 87), ("rdf-turtle", 313),
    ]

    /// Per suite `suite: N passed, N failed (names)`, and `problems` naming any manifest that
    /// does not list its expected number of tests. `entries` gives a suite's tests, `failure`
    /// judges one.
    public static func rdfSummary(entries: (String) -> [ManifestEntry],
                                  failure: (ManifestEntry) -> String?) -> (report: String, problems: [String]) {
        var report = ""
        var problems: [String] = []
        for (suite, expected) in rdfSuites {
            let tests = entries(suite)
            let failed = tests.filter { failure($0) != nil }
            report += "\(suite): \(tests.count - failed.count) passed, \(failed.count) failed"
                + (failed.isEmpty ? "" : " (" + failed.map(\.name).joined(separator: ", ") + ")") + "\n"
            if tests.count != expected { problems.append("\(suite): \(tests.count) tests, expected \(expected)") }
        }
        return (report, problems)
    }
}
