import Foundation
import ParleyRDF
import ParleyTestSupport
import Testing

/// One test per place where the subcommands or the prompt take a path that the in-process
/// conformance target skips (the list is in `EndToEnd.swift`), each on data that declares the
/// empty prefix, as most Turtle in the wild does.
@Suite struct UserPathTests {
    static let ex = "http://example.org/"

    /// The default graph, in Turtle with the empty prefix, a language tag, a datatype and a
    /// blank node.
    static let turtle = """
        @prefix : <http://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        :a :b :c ; :name "Ann"@en ; :age "42"^^xsd:integer .
        _:x :b :a .

        """

    static let defaultGraph = [
        Quad(.iri(ex + "a"), .iri(ex + "b"), .iri(ex + "c")),
        Quad(.iri(ex + "a"), .iri(ex + "name"), .literal(Literal("Ann", language: "en"))),
        Quad(.iri(ex + "a"), .iri(ex + "age"), .literal(Literal("42", datatype: Vocabulary.xsdInteger))),
        Quad(.blank("x"), .iri(ex + "b"), .iri(ex + "a")),
    ]

    /// A store holding ``turtle`` in the default graph and one triple in the graph `<…/g>`,
    /// loaded by `parley load` (the second with `--graph`).
    static func loadedStore() throws -> BinaryStore {
        let store = BinaryStore()
        try store.succeed("load", [store.directory.write("data.ttl", turtle)])
        try store.succeed("load", ["--graph", ex + "g", store.directory.write("g.ttl", "@prefix : <\(ex)> .\n:d :b :e .\n")])
        return store
    }

    static let namedQuad = Quad(.iri(ex + "d"), .iri(ex + "b"), .iri(ex + "e"), graph: .iri(ex + "g"))

    /// N-Triples or N-Quads text as quads.
    static func quads(_ text: String) throws -> [Quad] {
        var parser = NTriplesParser(text: text, format: .nQuads)
        return try parser.readAll()
    }

    static func turtleQuads(_ text: String) throws -> [Quad] {
        var parser = TurtleParser(text: text, baseIRI: nil)
        return try parser.readAll()
    }

    // MARK: parley load

    @Test("load --graph puts Turtle into a named graph, a 1,000-byte graph IRI included",
          arguments: ["http://example.org/g", "http://example.org/" + String(repeating: "g", count: 1000)])
    func loadIntoNamedGraph(graph: String) throws {
        let store = BinaryStore()
        try store.succeed("load", ["--graph", graph, store.directory.write("data.ttl", Self.turtle)])
        #expect(try store.succeed("query", ["--no-union-default-graph", "ASK { :a :b :c }"]) == "false\n")
        #expect(try store.succeed("query", ["ASK { GRAPH <\(graph)> { :a :b :c } }"]) == "true\n")
        #expect(try store.succeed("graphs").contains("<\(graph)>\t4\n"))
        let expected = Self.defaultGraph.map { Quad($0.subject, $0.predicate, $0.object, graph: .iri(graph)) }
        #expect(GraphIsomorphism.areIsomorphic(try store.exportedQuads(), expected))
        let one = try store.succeed("export", ["--graph", graph])
        #expect(GraphIsomorphism.areIsomorphic(try Self.quads(one), Self.defaultGraph), "N-Triples, no graph: \(one)")
        // An update's WHERE sees the named graph through the union, unless told otherwise.
        let insert = "INSERT { :x :y :z } WHERE { :a :b :c }"
        #expect(try store.run("update", ["--no-union-default-graph", insert]).stderr == "inserted 0, deleted 0 triples\n")
        #expect(try store.run("update", [insert]).stderr == "inserted 1, deleted 0 triples\n")
    }

    @Test("load --base resolves relative IRIs; query and update take --base, and a BASE in the text wins")
    func baseIRIs() throws {
        let store = BinaryStore()
        let file = store.directory.write("rel.ttl", "@prefix : <http://example.org/> .\n<thing> :b <other> .\n")
        try store.succeed("load", ["--base", "http://base.org/dir/", file])
        let base = ["--base", "http://base.org/dir/"]
        #expect(try store.succeed("query", base + ["ASK { <thing> :b <other> }"]) == "true\n")
        #expect(try store.succeed("query", base + ["SELECT (IRI(\"x\") AS ?i) {}"]) == "?i\n<http://base.org/dir/x>\n")
        #expect(try store.succeed("query", base + ["BASE <http://text.org/> SELECT (IRI(\"x\") AS ?i) {}"])
                == "?i\n<http://text.org/x>\n")
        try store.succeed("update", base + ["INSERT DATA { <new> :b <thing> }"])
        #expect(try store.succeed("query", ["ASK { <http://base.org/dir/new> :b <http://base.org/dir/thing> }"]) == "true\n")
    }

    @Test("gzip-compressed Turtle loads with its prefixes (.ttl.gz)")
    func gzipTurtle() throws {
        let store = BinaryStore()
        let file = store.directory.write("data.ttl", Self.turtle)
        let gzip = try ParleyProcess.run(executable: URL(fileURLWithPath: "/bin/gzip"), [file])
        try #require(gzip.status == 0, "\(gzip.stderr)")
        try store.succeed("load", [file + ".gz"])
        #expect(GraphIsomorphism.areIsomorphic(try store.exportedQuads(), Self.defaultGraph))
        #expect(try store.succeed("query", [":a :b ?o"]) == "?o\n<http://example.org/c>\n")
    }

    @Test("standard input: load --format ttl -, a query and an update from standard input")
    func standardInput() throws {
        let store = BinaryStore()
        let load = try store.run("load", ["--format", "ttl", "--base", Self.ex, "-"], input: Self.turtle + "<rel> :b :c .\n")
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stderr.contains("loaded 5 new triples"), "\(load.stderr)")
        #expect(try store.succeed("query", [], input: "ASK { <http://example.org/rel> :b :c }") == "true\n")
        try store.succeed("update", [], input: "DELETE WHERE { :a :b ?o }")
        #expect(try store.succeed("query", ["-f", "-"], input: "ASK { :a :b ?o }") == "false\n")
    }

    // MARK: SPARQL LOAD and the prompt

    @Test("SPARQL LOAD <file:…> reads Turtle with '@prefix :' into the default graph and INTO GRAPH")
    func sparqlLoad() throws {
        let store = BinaryStore()
        let file = store.directory.write("data.ttl", Self.turtle)
        try store.succeed("update", ["LOAD <file://\(file)> ; LOAD <file://\(file)> INTO GRAPH <\(Self.ex)g>"])
        // Each LOAD is a document of its own: the two copies of _:x are different nodes.
        let copy = Self.defaultGraph.map { quad in
            Quad(quad.subject == .blank("x") ? .blank("y") : quad.subject, quad.predicate, quad.object, graph: .iri(Self.ex + "g"))
        }
        #expect(GraphIsomorphism.areIsomorphic(try store.exportedQuads(), Self.defaultGraph + copy))
        // The same at the prompt.
        let prompt = BinaryStore()
        let result = try prompt.run("repl", ["-c", "LOAD <file://\(file)>"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(GraphIsomorphism.areIsomorphic(try prompt.exportedQuads(), Self.defaultGraph))
    }

    @Test(".load FILE GRAPH and .export FILE at the prompt round-trip a dataset (parley run FILE)")
    func promptLoadExport() throws {
        let store = BinaryStore()
        let data = store.directory.write("data.ttl", Self.turtle)
        let named = store.directory.write("g.ttl", "@prefix : <\(Self.ex)> .\n:d :b :e .\n")
        let out = store.directory.child("all.nq"), ttl = store.directory.child("default.ttl")
        let script = store.directory.write("script.parley", """
            .load \(data)
            .load \(named) <\(Self.ex)g>
            .export \(out)
            .export \(ttl) --format ttl

            """)
        let result = try store.run("run", [script])
        #expect(result.status == 0, "\(result.stderr)")
        let dataset = Self.defaultGraph + [Self.namedQuad]
        #expect(GraphIsomorphism.areIsomorphic(try Self.quads(String(contentsOfFile: out, encoding: .utf8)), dataset))
        let exported = try String(contentsOfFile: ttl, encoding: .utf8)
        #expect(exported.contains("@prefix : <http://example.org/> .\n"))
        let union = Self.defaultGraph + [Quad(Self.namedQuad.subject, Self.namedQuad.predicate, Self.namedQuad.object)]
        #expect(GraphIsomorphism.areIsomorphic(try Self.turtleQuads(exported), union))
    }

    @Test("each .mode at the prompt writes the answer (parley -c)", arguments: [
        ("table", ":c"), ("csv", "o\r\nhttp://example.org/c\r\n"), ("tsv", "?o\n<http://example.org/c>\n"),
        ("json", #"{"o":{"type":"uri","value":"http://example.org/c"}}"#),
        ("xml", "<binding name=\"o\"><uri>http://example.org/c</uri></binding>"),
    ])
    func promptModes(mode: String, expected: String) throws {
        let store = try Self.loadedStore()
        let script = store.directory.write("mode.parley", ".mode \(mode)\nSELECT ?o WHERE { :a :b ?o }\n")
        let result = try store.run("run", [script])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(expected), "\(result.stdout)")
    }

    // MARK: The writers of query and export

    static let select = "SELECT ?s ?o WHERE { ?s :b ?o } ORDER BY ?o"

    @Test("each query --format writer gives the answer back", arguments: ["csv", "tsv", "json", "xml", "table"])
    func queryWriters(format: String) throws {
        let store = try Self.loadedStore()
        let output = try store.succeed("query", ["--format", format, Self.select])
        let expected = SPARQLSolutions(variables: ["s", "o"], rows: [
            ["s": .blank("x"), "o": .iri(Self.ex + "a")], ["s": .iri(Self.ex + "a"), "o": .iri(Self.ex + "c")],
            ["s": .iri(Self.ex + "d"), "o": .iri(Self.ex + "e")],
        ])
        let ask = try store.succeed("query", ["--format", format, "ASK { :a :b :c }"])
        if format == "table" {
            #expect(output.contains("│ :a "), "the saved empty prefix abbreviates IRIs: \(output)")
            #expect(output.contains("3 rows"))
            #expect(ask.contains("true"))
            return
        }
        let actual = try SPARQLResultsReader.read(Data(output.utf8), format: format, file: "query --format \(format)")
        let reference = format == "csv" ? .solutions(SPARQLResultsComparison.csvProjection(expected)) : SPARQLResults.solutions(expected)
        #expect(SPARQLResultsComparison.difference(expected: reference, actual: actual, orderedBy: ["o"]) == nil, "\(output)")
        if format == "csv" || format == "tsv" {
            #expect(ask == (format == "csv" ? "true\r\n" : "true\n"))
        } else {
            #expect(try SPARQLResultsReader.read(Data(ask.utf8), format: format, file: "ask") == .boolean(true))
        }
    }

    @Test("each query --format writer of a graph gives the graph back", arguments: ["nt", "ttl", "nq"])
    func constructWriters(format: String) throws {
        let store = try Self.loadedStore()
        let output = try store.succeed("query", ["--format", format, "CONSTRUCT WHERE { ?s :b ?o }"])
        let graph = try format == "ttl" ? Self.turtleQuads(output) : Self.quads(output)
        let expected = Self.defaultGraph.filter { $0.predicate == .iri(Self.ex + "b") }
            + [Quad(Self.namedQuad.subject, Self.namedQuad.predicate, Self.namedQuad.object)]
        #expect(GraphIsomorphism.areIsomorphic(graph, expected), "\(output)")
        if format == "ttl" { #expect(output.contains(":a :b :c")) }
    }

    @Test("each export writer (--format, or -o FILE's extension) gives the store back", arguments: ["nt", "nq", "ttl"])
    func exportWriters(format: String) throws {
        let store = try Self.loadedStore()
        let file = store.directory.child("out.\(format)")
        let viaOption = try store.succeed("export", ["--format", format])
        try store.succeed("export", ["-o", file])
        let viaFile = try String(contentsOfFile: file, encoding: .utf8)
        #expect(viaOption == viaFile)
        let read = try format == "ttl" ? Self.turtleQuads(viaOption) : Self.quads(viaOption)
        let expected = format == "nq" ? Self.defaultGraph + [Self.namedQuad]
            : Self.defaultGraph + [Quad(Self.namedQuad.subject, Self.namedQuad.predicate, Self.namedQuad.object)]
        #expect(GraphIsomorphism.areIsomorphic(read, expected), "\(viaOption)")
    }
}
