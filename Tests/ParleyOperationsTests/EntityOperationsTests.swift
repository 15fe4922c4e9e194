import ParleyOperations
import ParleyQuery
import ParleyRDF
import ParleyStore
import ParleyTestSupport
import Testing

/// Describing an entity, its evidence, and the picture of who said what about it.
@Suite struct EntityOperationsTests {
    let directory: TemporaryDirectory
    let session: StoreSession

    static let data = """
        PREFIX pv: <https://parley.dev/ns#>
        PREFIX pe: <https://parley.dev/id/>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        INSERT DATA {
          pv:advocates rdfs:subPropertyOf pv:expresses ; rdfs:label "advocates" .
          pv:urges rdfs:subPropertyOf pv:expresses .
          pe:Wang_Yi rdfs:label "Wang Yi" ; pv:advocates pe:dialogue ; pv:represents pe:China .
          pe:Blinken rdfs:label "Antony \\"Tony\\" <Blinken>" ; pv:urges pe:Wang_Yi .
          pe:dialogue rdfs:label "dialogue" .
          <https://parley.dev/id/statement/r/s3-1> a pv:Statement ;
            rdf:subject pe:Wang_Yi ; rdf:predicate pv:advocates ; rdf:object pe:dialogue ;
            pv:evidence "stressed that dialogue is the way out" ; pv:sentenceNumber 3 ;
            prov:wasDerivedFrom <https://parley.dev/id/readout/r> .
        }
        """

    init() throws {
        directory = TemporaryDirectory()
        session = StoreSession(store: try Store(path: directory.child("db")))
        _ = try session.apply(try session.parseUpdate(Self.data), options: QueryOptions())
        try session.store.savePrefix("pe", iri: "https://parley.dev/id/")
        try session.store.savePrefix("pv", iri: "https://parley.dev/ns#")
    }

    static let wang = "https://parley.dev/id/Wang_Yi"

    @Test func describesGroupedByPredicateWithEvidenceAndLabels() throws {
        let description = try session.describe(Self.wang)
        #expect(description.label == "Wang Yi")
        #expect(description.outgoing.map(\.predicate) == [.iri("http://www.w3.org/2000/01/rdf-schema#label"),
                                                          .iri("https://parley.dev/ns#advocates"), .iri("https://parley.dev/ns#represents")])
        let advocates = try #require(description.outgoing.first { $0.predicate == .iri("https://parley.dev/ns#advocates") })
        #expect(advocates.values.map(\.term) == [.iri("https://parley.dev/id/dialogue")])
        let evidence = try #require(advocates.values.first?.evidence.first)
        #expect(evidence.text == "stressed that dialogue is the way out")
        #expect(evidence.sentence == 3)
        #expect(evidence.readout == "https://parley.dev/id/readout/r")
        #expect(description.incoming.map(\.predicate) == [.iri(Vocabulary.rdf + "subject"), .iri("https://parley.dev/ns#urges")])
        #expect(description.labels["https://parley.dev/id/dialogue"] == "dialogue")
        // Without evidence: the same groups, no statements read.
        let plain = try session.describe(Self.wang, evidence: false)
        #expect(plain.outgoing.map(\.predicate) == description.outgoing.map(\.predicate))
        #expect(plain.outgoing.flatMap(\.values).allSatisfy { $0.evidence.isEmpty })
    }

    @Test func resolvesIRIsPrefixedNamesAndLabels() throws {
        #expect(try session.resolveEntity("<\(Self.wang)>") == Self.wang)
        #expect(try session.resolveEntity("pe:Wang_Yi") == Self.wang)
        #expect(try session.resolveEntity("wang yi") == Self.wang)
        #expect(throws: OperationError.unknownTerm("pe:Wang_Y", suggestion: "pe:Wang_Yi")) { try session.resolveEntity("pe:Wang_Y") }
        #expect(throws: OperationError.unknownTerm("\"Wang Yo\"", suggestion: "\"Wang Yi\"")) { try session.resolveEntity("Wang Yo") }
        #expect(throws: OperationError.self) { try session.resolveEntity("px:x") }
    }

    @Test func evidenceByPatternAndTheQueryTheWhyCommandRuns() throws {
        let found = try session.evidence(predicate: .iri("https://parley.dev/ns#advocates"))
        #expect(found.map(\.subject) == [.iri(Self.wang)])
        #expect(found.map(\.object) == [.iri("https://parley.dev/id/dialogue")])
        #expect(EvidenceQuery.pattern(["pe:Wang_Yi", "a"]) == ["pe:Wang_Yi", "rdf:type", "?object"])
        let vocabulary = { try StoreVocabulary.load(from: session.engine) }
        #expect(throws: OperationError.unknownTerm("pv:advocate", suggestion: "pv:advocates")) {
            try session.evidenceQuery(["pe:Wang_Yi", "pv:advocate"], vocabulary: vocabulary)
        }
        #expect(try session.evidenceQuery(["pe:Wang_Yi"], vocabulary: vocabulary).pattern == ["pe:Wang_Yi", "?predicate", "?object"])
    }

    @Test func neighbourhoodHoldsOnlyStancesBothWays() throws {
        let graph = try session.neighbourhood(of: Self.wang)
        #expect(graph.nodes.first?.isCentre == true)
        #expect(graph.nodes.map(\.label) == ["Wang Yi", "dialogue", "Antony \"Tony\" <Blinken>"])
        #expect(graph.edges.map(\.name) == ["advocates", "urges"])
        #expect(graph.edges.map { [$0.from, $0.to] } == [[0, 1], [2, 0]])
    }

    @Test func dotQuotingKeepsDataAString() {
        #expect(GraphvizDOT.quoted("plain") == "\"plain\"")
        #expect(GraphvizDOT.quoted("a \"b\" \\N c\nd\u{7}") == #""a \"b\" \\N c\nd""#)
        #expect(GraphvizDOT.wrapped("one two three four five six seven", width: 10, lines: 2) == "one two\nthree four …")
        let graph = NeighbourhoodGraph(nodes: [.init(term: .iri("x"), label: "say \"}\" ]; n1 -> n0", isCentre: true)], edges: [])
        let dot = graph.dot()
        #expect(dot.contains(#"n0 [label="say \"}\" ]; n1 -> n0""#), "\(dot)")
        #expect(!dot.split(separator: "\n").contains { $0.hasPrefix("  n1") })
        #expect(GraphvizDOT.isSafeURL("/entity?iri=https%3A%2F%2Fa"))
        #expect(!GraphvizDOT.isSafeURL("/e?a=1&b=<c>") && !GraphvizDOT.isSafeURL("/e\"") && !GraphvizDOT.isSafeURL(""))
    }

    @Test func graphvizDrawsAnSVGWithTheLabelsEscaped() throws {
        guard ExternalTool.find("dot") != nil else {
            print("skipped: Graphviz's dot is not installed (apt-get install graphviz)")
            return
        }
        let svg = try session.neighbourhood(of: Self.wang).svg(link: { term in
            guard case .iri(let iri) = term else { return nil }
            // Graphviz copies URLs unescaped: an unsafe one must never reach it.
            return iri.hasSuffix("Blinken") ? "/entity?iri=x&x=<y>\"" : "/entity?iri=" + iri.filter { $0.isLetter }
        })
        #expect(svg.contains("<svg"))
        #expect(svg.contains("&lt;Blinken&gt;"))
        #expect(!svg.contains("<Blinken>"))
        #expect(svg.contains(">advocates<"))
        #expect(!svg.contains("x=<y>") && !svg.contains("x=&lt;y"))
        #expect(svg.contains("xlink:href=\"/entity?iri=httpsparleydevidWangYi\""))
    }

    @Test func aMissingLayoutToolIsNamedWithItsPackage() throws {
        let layout = GraphvizLayout(tool: "parley-no-such-dot", package: "graphviz")
        #expect(throws: OperationError.layoutToolMissing(tool: "parley-no-such-dot", package: "graphviz")) {
            try layout.svg("digraph { a -> b }")
        }
        #expect(OperationError.layoutToolMissing(tool: "dot", package: "graphviz").diagnostic.message
                == "cannot draw the graph: 'dot' is not installed (apt-get install graphviz)")
    }

    @Test func aLayoutToolThatFailsOrHangsIsReported() throws {
        guard ExternalTool.find("sleep") != nil, ExternalTool.find("false") != nil else { return }
        #expect(throws: OperationError.layoutTimedOut(tool: "sleep", seconds: 1)) {
            try GraphvizLayout(tool: "sleep", arguments: ["5"], timeout: .seconds(1)).svg("")
        }
        #expect(throws: OperationError.self) { try GraphvizLayout(tool: "false").svg("") }
    }
}
