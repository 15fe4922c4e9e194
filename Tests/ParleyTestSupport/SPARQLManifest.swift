import Foundation
import ParleyRDF

/// The W3C SPARQL 1.0 and 1.1 evaluation suites in `../shared/conformance/w3c`, read from their
/// manifests with ParleyRDF's own Turtle parser, `mf:include` lists followed.
///
/// Every file of a suite has the IRI `https://w3c.github.io/rdf-tests/sparql/<suite>/<path>` (its
/// base IRI); relative IRIs in the manifests resolve against the manifest's own IRI, so each file
/// a test names is found on disk by stripping that prefix.
public enum SPARQLManifest {
    /// The `w3c` folder of the suites, or `nil` when it is not there (see ``Conformance/root``).
    public static var root: URL? { Conformance.root }

    /// Whether the suites were found.
    public static var isAvailable: Bool { root != nil }

    /// The IRI of the suite's folder, e.g. `https://w3c.github.io/rdf-tests/sparql/sparql10/`.
    public static func home(of suite: String) -> String {
        "https://w3c.github.io/rdf-tests/sparql/\(suite)/"
    }

    /// The entry-point manifests of the evaluation tests, by the name summaries use.
    public enum Suite: String, CaseIterable, Sendable {
        /// SPARQL 1.0 (`data-r2`): `sparql10/manifest-evaluation.ttl`.
        case sparql10
        /// SPARQL 1.1 Query: `sparql11/manifest-sparql11-query.ttl`.
        case sparql11
        /// SPARQL 1.1 result formats (json-res, csv-tsv-res): `sparql11/manifest-sparql11-results.ttl`.
        case sparql11Results = "sparql11-results"
        /// SPARQL 1.1 Update: `sparql11/manifest-sparql11-update.ttl`.
        case sparql11Update = "sparql11-update"

        /// The suite folder the manifest is in.
        public var folder: String { self == .sparql10 ? "sparql10" : "sparql11" }

        /// How many evaluation tests the manifest yields (conformance README).
        public var expectedEvaluationCount: Int {
            switch self {
            case .sparql10: 283
            case .sparql11: 225
            case .sparql11Results: 10
            case .sparql11Update: 94
            }
        }

        /// The manifest's path inside ``folder``.
        public var manifest: String {
            switch self {
            case .sparql10: "manifest-evaluation.ttl"
            case .sparql11: "manifest-sparql11-query.ttl"
            case .sparql11Results: "manifest-sparql11-results.ttl"
            case .sparql11Update: "manifest-sparql11-update.ttl"
            }
        }
    }

    /// Every test of `suite`'s manifest and the manifests it includes, in manifest order, syntax
    /// tests included (filter on ``SPARQLTest/kind``). Empty when the suites are absent.
    public static func tests(_ suite: Suite) throws -> [SPARQLTest] {
        try tests(folder: suite.folder, manifest: suite.manifest)
    }

    /// Every test of the manifest at `manifest` inside the suite folder `folder` (`sparql10` or
    /// `sparql11`) and of the manifests it includes, in manifest order. Empty when the suites
    /// are absent.
    public static func tests(folder: String, manifest: String) throws -> [SPARQLTest] {
        guard let root else { return [] }
        let reader = Reader(folder: root.appendingPathComponent(folder, isDirectory: true),
                            suite: folder, home: home(of: folder))
        var tests: [SPARQLTest] = []
        var visited: Set<String> = []
        try reader.readManifest(manifest, into: &tests, visited: &visited)
        return tests
    }

    /// The evaluation tests of every suite, read once (empty lists when the suites are absent or
    /// a manifest does not read: the count checks of the summaries then fail).
    private static let evaluationTestsBySuite: [Suite: [SPARQLTest]] = Dictionary(uniqueKeysWithValues: Suite.allCases.map { suite in
        (suite, ((try? tests(suite)) ?? []).filter(\.kind.isEvaluation))
    })

    /// The evaluation tests (query, result-format and update) of `suite`, in manifest order.
    public static func evaluationTests(_ suite: Suite) -> [SPARQLTest] {
        evaluationTestsBySuite[suite] ?? []
    }

    /// The suite file an IRI names, if it is one: `FROM <data-g1.ttl>` in a query resolves next
    /// to the query, and the tests load that file as the graph of that name.
    public static func localFile(_ iri: String) -> SPARQLFile? {
        guard let root else { return nil }
        for suite in ["sparql10", "sparql11"] {
            let home = home(of: suite)
            guard iri.hasPrefix(home) else { continue }
            let path = root.appendingPathComponent(suite).appendingPathComponent(String(iri.dropFirst(home.count))).path
            return FileManager.default.fileExists(atPath: path) ? SPARQLFile(path: path, iri: iri) : nil
        }
        return nil
    }

    /// Reads an RDF file a test names: Turtle (`.ttl`), N-Triples (`.nt`), or RDF/XML (`.rdf`)
    /// through `rapper` when it is installed (``SPARQLResultsError/missingTool(_:)`` otherwise).
    /// `baseIRI` resolves relative IRIs.
    public static func readGraph(path: String, baseIRI: String) throws -> [Quad] {
        if path.hasSuffix(".rdf") {
            guard let rapper = ExternalTool.find("rapper") else {
                throw SPARQLResultsError.missingTool("rapper (raptor2-utils) is needed to read RDF/XML \(path)")
            }
            let result = try ExternalTool.run(rapper, ["-q", "-i", "rdfxml", "-o", "ntriples", path, baseIRI])
            guard result.status == 0 else {
                throw SPARQLResultsError.malformed(path, "rapper failed: \(result.error.prefix(300))")
            }
            var parser = NTriplesParser(text: result.output)
            return try parser.readAll()
        }
        if path.hasSuffix(".nt") {
            var parser = NTriplesParser(source: try FileByteSource(path: path))
            return try parser.readAll()
        }
        var parser = TurtleParser(source: try FileByteSource(path: path), baseIRI: baseIRI)
        return try parser.readAll()
    }

    /// Walks manifests, collecting tests.
    private struct Reader {
        let folder: URL
        let suite: String
        let home: String

        private static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
        private static let qt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
        private static let ut = "http://www.w3.org/2009/sparql/tests/test-update#"
        private static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
        private static let approvals = ["http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#approval",
                                        "http://www.w3.org/ns/rdftest#approval"]

        init(folder: URL, suite: String, home: String) {
            self.folder = folder
            self.suite = suite
            self.home = home
        }

        func readManifest(_ relativePath: String, into tests: inout [SPARQLTest], visited: inout Set<String>) throws {
            guard visited.insert(relativePath).inserted else { return }
            let manifestIRI = home + relativePath
            let path = folder.appendingPathComponent(relativePath).path
            var parser = TurtleParser(source: try FileByteSource(path: path), baseIRI: manifestIRI)
            let graph = Graph(try parser.readAll())
            // Usually `<>`, but some manifests (sparql10/construct) are a blank node `[]`.
            let manifestNodes = graph.subjects(Vocabulary.rdfType, .iri(Self.mf + "Manifest"))
            let manifestNode = manifestNodes.contains(.iri(manifestIRI)) ? .iri(manifestIRI) : manifestNodes.first ?? .iri(manifestIRI)
            for include in graph.list(graph.value(manifestNode, Self.mf + "include")) {
                guard let included = relative(include) else {
                    throw SPARQLResultsError.malformed(path, "mf:include outside the suite: \(include)")
                }
                try readManifest(included, into: &tests, visited: &visited)
            }
            let directory = (relativePath as NSString).deletingLastPathComponent
            for entry in graph.list(graph.value(manifestNode, Self.mf + "entries")) {
                tests.append(try test(entry, in: graph, folder: directory.isEmpty ? suite : "\(suite)/\(directory)",
                                      manifest: path))
            }
        }

        private func test(_ node: Term, in graph: Graph, folder: String, manifest: String) throws -> SPARQLTest {
            guard case .iri(let iri) = node else {
                throw SPARQLResultsError.malformed(manifest, "a test that is not an IRI: \(node)")
            }
            let name = iri.split(separator: "#", omittingEmptySubsequences: false).last.map(String.init) ?? iri
            var test = SPARQLTest(folder: folder, name: name, iri: iri)
            if case .iri(let type)? = graph.value(node, Vocabulary.rdfType) { test.kind = SPARQLTest.Kind(typeIRI: type) }
            if case .literal(let title)? = graph.value(node, Self.mf + "name") { test.title = title.lexical }
            for approval in Self.approvals {
                if case .iri(let value)? = graph.value(node, approval) { test.approval = Self.localName(value) }
            }
            test.requires = graph.values(node, Self.mf + "requires").compactMap { term in
                if case .iri(let value) = term { return Self.localName(value) } else { return nil }
            }
            if case .iri(let cardinality)? = graph.value(node, Self.mf + "resultCardinality") {
                test.laxCardinality = cardinality == Self.mf + "LaxCardinality"
            }

            if let action = graph.value(node, Self.mf + "action") {
                if case .iri = action {
                    test.query = file(action) // syntax tests: the query itself
                } else {
                    test.query = file(graph.value(action, Self.qt + "query") ?? graph.value(action, Self.ut + "request"))
                    test.data = (graph.values(action, Self.qt + "data") + graph.values(action, Self.ut + "data")).compactMap(file)
                    test.graphData = graphFiles(graph.values(action, Self.qt + "graphData")
                                                + graph.values(action, Self.ut + "graphData"), in: graph)
                    if case .iri(let form)? = graph.value(action, Self.qt + "queryForm") { test.queryForm = Self.localName(form) }
                }
            }
            if let result = graph.value(node, Self.mf + "result") {
                if case .iri = result {
                    test.result = file(result)
                } else {
                    test.expectedData = graph.values(result, Self.ut + "data").compactMap(file)
                    test.expectedGraphData = graphFiles(graph.values(result, Self.ut + "graphData"), in: graph)
                }
            }
            return test
        }

        /// `qt:graphData <file>` (named by its IRI), or `[ ut:graph <file>; rdfs:label "name" ]`.
        private func graphFiles(_ nodes: [Term], in graph: Graph) -> [SPARQLGraphFile] {
            nodes.compactMap { node -> SPARQLGraphFile? in
                if case .iri = node, let f = file(node) { return SPARQLGraphFile(file: f, name: f.iri) }
                guard let f = file(graph.value(node, Self.ut + "graph") ?? graph.value(node, Self.qt + "graph")) else { return nil }
                if case .literal(let label)? = graph.value(node, Self.rdfs + "label") {
                    return SPARQLGraphFile(file: f, name: label.lexical)
                }
                return SPARQLGraphFile(file: f, name: f.iri)
            }
        }

        private func file(_ term: Term?) -> SPARQLFile? {
            guard case .iri(let iri)? = term, let path = relative(.iri(iri)) else { return nil }
            return SPARQLFile(path: folder.appendingPathComponent(path).path, iri: iri)
        }

        private func relative(_ term: Term) -> String? {
            guard case .iri(let iri) = term, iri.hasPrefix(home) else { return nil }
            return String(iri.dropFirst(home.count))
        }

        private static func localName(_ iri: String) -> String {
            String(iri[(iri.lastIndex { $0 == "#" || $0 == "/" }.map { iri.index(after: $0) } ?? iri.startIndex)...])
        }
    }

    /// Triples by subject and predicate, with RDF list walking.
    private struct Graph {
        private var properties: [Term: [Term: [Term]]] = [:]
        private let quads: [Quad]

        init(_ quads: [Quad]) {
            self.quads = quads
            for quad in quads { properties[quad.subject, default: [:]][quad.predicate, default: []].append(quad.object) }
        }

        func subjects(_ predicate: String, _ object: Term) -> [Term] {
            quads.filter { $0.predicate == .iri(predicate) && $0.object == object }.map(\.subject)
        }

        func value(_ subject: Term, _ predicate: String) -> Term? { values(subject, predicate).first }

        func values(_ subject: Term, _ predicate: String) -> [Term] { properties[subject]?[.iri(predicate)] ?? [] }

        /// The members of the RDF list starting at `head` (empty for `nil` or `rdf:nil`).
        func list(_ head: Term?) -> [Term] {
            var members: [Term] = []
            var node = head
            var seen: Set<Term> = []
            while let current = node, current != .iri(Vocabulary.rdfNil), seen.insert(current).inserted {
                if let first = value(current, Vocabulary.rdfFirst) { members.append(first) }
                node = value(current, Vocabulary.rdfRest)
            }
            return members
        }
    }
}

/// A file a SPARQL test names: where it is on disk, and its IRI (its base IRI, and the name of
/// the graph it becomes when loaded as `qt:graphData`).
public struct SPARQLFile: Hashable, Sendable {
    public var path: String
    public var iri: String

    public init(path: String, iri: String) {
        self.path = path
        self.iri = iri
    }

    /// The file's text.
    public func text() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The file read as RDF (see ``SPARQLManifest/readGraph(path:baseIRI:)``).
    public func graph() throws -> [Quad] { try SPARQLManifest.readGraph(path: path, baseIRI: iri) }
}

/// A file loaded as a named graph, and that graph's name.
public struct SPARQLGraphFile: Hashable, Sendable {
    public var file: SPARQLFile
    /// The graph IRI: `rdfs:label` of update tests, else the file's IRI.
    public var name: String
}

/// One entry of a W3C SPARQL manifest.
public struct SPARQLTest: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// `mf:QueryEvaluationTest`.
        case queryEvaluation
        /// `mf:CSVResultFormatTest`: a query whose expected answer is a CSV file.
        case csvResultFormat
        /// `mf:UpdateEvaluationTest`.
        case updateEvaluation
        /// `mf:PositiveSyntaxTest`, `…11`, `mf:PositiveUpdateSyntaxTest11`.
        case positiveSyntax
        /// The negative ones.
        case negativeSyntax
        /// Anything else, by local name.
        case other(String)

        init(typeIRI: String) {
            let name = typeIRI.split(separator: "#").last.map(String.init) ?? typeIRI
            switch name {
            case "QueryEvaluationTest": self = .queryEvaluation
            case "CSVResultFormatTest": self = .csvResultFormat
            case "UpdateEvaluationTest": self = .updateEvaluation
            case _ where name.hasPrefix("Positive") && name.contains("Syntax"): self = .positiveSyntax
            case _ where name.hasPrefix("Negative") && name.contains("Syntax"): self = .negativeSyntax
            default: self = .other(name)
            }
        }

        /// Whether it is run by evaluating something (not a syntax test).
        public var isEvaluation: Bool { [.queryEvaluation, .csvResultFormat, .updateEvaluation].contains(self) }
    }

    /// The folder under `w3c/`, e.g. `sparql10/basic`.
    public var folder: String
    /// The test IRI's fragment, e.g. `base-prefix-1` (the name the oracle table uses).
    public var name: String
    public var iri: String
    /// `mf:name`.
    public var title = ""
    public var kind = Kind.other("none")
    /// The local name of `dawgt:approval` (`Approved`, `NotApproved`, `Proposed`…), if any.
    public var approval: String?
    /// `qt:query` or `ut:request` (or, for a syntax test, its action).
    public var query: SPARQLFile?
    /// `qt:data` / `ut:data`: merged into the default graph.
    public var data: [SPARQLFile] = []
    /// `qt:graphData` / `ut:graphData`: each a named graph.
    public var graphData: [SPARQLGraphFile] = []
    /// `mf:result` of a query test.
    public var result: SPARQLFile?
    /// `mf:result [ ut:data … ]` of an update test: the default graph afterwards.
    public var expectedData: [SPARQLFile] = []
    /// `mf:result [ ut:graphData … ]`: the named graphs afterwards.
    public var expectedGraphData: [SPARQLGraphFile] = []
    /// `qt:queryForm`'s local name (`QueryAsk`, `QueryConstruct`…), if given.
    public var queryForm: String?
    /// `mf:requires`' local names.
    public var requires: [String] = []
    /// `mf:resultCardinality mf:LaxCardinality`: compare distinct solutions only (REDUCED).
    public var laxCardinality = false

    public init(folder: String, name: String, iri: String) {
        self.folder = folder
        self.name = name
        self.iri = iri
    }

    /// `folder/name`, as summaries and the oracle table name the test.
    public var id: String { "\(folder)/\(name)" }

    public var description: String { id }
}
