import Foundation
import Testing
import ParleyRDF
import ParleyTestSupport

/// End-to-end tests of `parley load`, `export`, `stats` and `graphs`, driving the real binary.
@Suite struct LoadExportTests {
    static let data = """
        <http://ex.org/a> <http://ex.org/knows> <http://ex.org/b> .
        <http://ex.org/a> <http://ex.org/age> "01"^^<http://www.w3.org/2001/XMLSchema#integer> .
        <http://ex.org/b> <http://ex.org/name> "Bé \\"quoted\\"\\nline"@fr .
        _:x <http://ex.org/knows> _:y .

        """

    static func triples(_ text: String) throws -> [Quad] {
        var parser = NTriplesParser(text: text, format: .nQuads)
        return try parser.readAll()
    }

    @Test("load then export gives back the same graph, lexical forms kept")
    func roundTrip() throws {
        let dir = TemporaryDirectory()
        let file = dir.write("data.nt", Self.data)
        let load = try ParleyProcess.run(["load", "--db", dir.child("db"), file])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stderr.contains("loaded 4 new triples"))
        let export = try ParleyProcess.run(["export", "--db", dir.child("db")])
        #expect(export.status == 0)
        #expect(export.stdout.contains("\"01\"^^<http://www.w3.org/2001/XMLSchema#integer>"))
        #expect(GraphIsomorphism.areIsomorphic(try Self.triples(export.stdout), try Self.triples(Self.data)))
        // And the export loads again into an isomorphic graph.
        let again = dir.write("again.nt", export.stdout)
        #expect(try ParleyProcess.run(["load", "--db", dir.child("db2"), again]).status == 0)
        let second = try ParleyProcess.run(["export", "--db", dir.child("db2")])
        #expect(GraphIsomorphism.areIsomorphic(try Self.triples(second.stdout), try Self.triples(Self.data)))
    }

    @Test("a syntax error anywhere loads nothing and names FILE:LINE:COLUMN")
    func syntaxErrorLoadsNothing() throws {
        let dir = TemporaryDirectory()
        let good = dir.write("good.nt", Self.data)
        let bad = dir.write("bad.nt", "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n<http://ex.org/a> <http://ex.org/p> \"open .\n")
        let result = try ParleyProcess.run(["load", "--db", dir.child("db"), good, bad])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(bad):2:"), "\(result.stderr)")
        #expect(result.stderr.contains("error:"))
        let stats = try ParleyProcess.run(["stats", "--db", dir.child("db")])
        #expect(stats.stdout.contains("triples        0"), "\(stats.stdout)")
    }

    @Test("bad inputs get a clear message and a non-zero status", arguments: [
        (["load", "/nonexistent/file.nt"], 1, "/nonexistent/file.nt: error: cannot open"),
        (["load", "data.xyz"], 2, "Cannot tell the syntax"),
        (["load", "--memory", "256M", "data.nt"], 2, "--memory 256M is less than a load can keep to: at least 608M"),
        (["load", "--memory", "lots", "data.nt"], 2, "lots"),
        (["load"], 2, "Missing expected argument"),
        (["export", "--graph", "http://ex.org/none"], 1, "no graph <http://ex.org/none>"),
        (["frobnicate"], 2, "Error: "),
    ])
    func badInputs(arguments: [String], status: Int32, message: String) throws {
        let dir = TemporaryDirectory()
        let result = try ParleyProcess.run(arguments + ["--db", dir.child("db")])
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a directory given as input is refused")
    func directoryInput() throws {
        let dir = TemporaryDirectory()
        let result = try ParleyProcess.run(["load", "--db", dir.child("db"), "--format", "nt", dir.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a directory"))
    }

    @Test("export of an empty store prints nothing and succeeds")
    func emptyExport() throws {
        let dir = TemporaryDirectory()
        let result = try ParleyProcess.run(["export", "--db", dir.child("new")])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test("N-Quads keep graphs; N-Triples export the union and say so")
    func namedGraphs() throws {
        let dir = TemporaryDirectory()
        let file = dir.write("data.nq", """
            <http://ex.org/a> <http://ex.org/p> <http://ex.org/b> <http://ex.org/g1> .
            <http://ex.org/a> <http://ex.org/p> <http://ex.org/b> <http://ex.org/g2> .
            <http://ex.org/c> <http://ex.org/p> "x" .

            """)
        #expect(try ParleyProcess.run(["load", "--db", dir.child("db"), file]).status == 0)
        let nq = try ParleyProcess.run(["export", "--db", dir.child("db"), "--format", "nq"])
        #expect(try Self.triples(nq.stdout).count == 3)
        #expect(nq.stdout.contains("<http://ex.org/g2> ."))
        let nt = try ParleyProcess.run(["export", "--db", dir.child("db")])
        #expect(nt.stderr.contains("union of all graphs"))
        #expect(try Self.triples(nt.stdout).count == 2)
        let one = try ParleyProcess.run(["export", "--db", dir.child("db"), "--graph", "http://ex.org/g1"])
        #expect(try Self.triples(one.stdout).count == 1)
        let graphs = try ParleyProcess.run(["graphs", "--db", dir.child("db")])
        #expect(graphs.stdout == "graph\ttriples\n<http://ex.org/g1>\t1\n<http://ex.org/g2>\t1\n")
        let defaultOnly = try ParleyProcess.run(["export", "--db", dir.child("db"), "--default-graph"])
        #expect(try Self.triples(defaultOnly.stdout).count == 1)
    }

    @Test("--graph loads triples into a named graph")
    func loadIntoGraph() throws {
        let dir = TemporaryDirectory()
        let file = dir.write("data.nt", Self.data)
        #expect(try ParleyProcess.run(["load", "--db", dir.child("db"), "--graph", "http://ex.org/g", file]).status == 0)
        let graphs = try ParleyProcess.run(["graphs", "--db", dir.child("db")])
        #expect(graphs.stdout.contains("<http://ex.org/g>\t4"))
    }

    @Test("gzip-compressed files load by their extension")
    func gzipInput() throws {
        let dir = TemporaryDirectory()
        let file = dir.write("data.nt", Self.data)
        let gzip = try ParleyProcess.run(executable: URL(fileURLWithPath: "/bin/gzip"), ["-k", file])
        try #require(gzip.status == 0)
        let result = try ParleyProcess.run(["load", "--db", dir.child("db"), file + ".gz"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("loaded 4 new triples"))
    }

    @Test("Turtle resolves relative IRIs against the file's own IRI, or --base")
    func turtleBase() throws {
        let dir = TemporaryDirectory()
        let file = dir.write("doc.ttl", "@prefix ex: <http://ex.org/> .\n<thing> ex:p ex:o .\n")
        #expect(try ParleyProcess.run(["load", "--db", dir.child("db"), file]).status == 0)
        let export = try ParleyProcess.run(["export", "--db", dir.child("db")])
        #expect(export.stdout.contains("<file://"), "\(export.stdout)")
        #expect(export.stdout.contains("/thing> <http://ex.org/p> <http://ex.org/o> ."))
        #expect(try ParleyProcess.run(["load", "--db", dir.child("db2"), "--base", "http://base.org/x/", file]).status == 0)
        let based = try ParleyProcess.run(["export", "--db", dir.child("db2")])
        #expect(based.stdout.contains("<http://base.org/x/thing>"))
    }

    @Test("the store comes from --db, else $PARLEY_DB")
    func storeLocation() throws {
        let dir = TemporaryDirectory()
        let file = dir.write("data.nt", Self.data)
        #expect(try ParleyProcess.run(["load", file], environment: ["PARLEY_DB": dir.child("env-db")]).status == 0)
        let stats = try ParleyProcess.run(["stats", "--db", dir.child("env-db")])
        #expect(stats.stdout.contains("triples        4"))
    }

    @Test("a directory holding other files is not taken for a store")
    func notAStore() throws {
        let dir = TemporaryDirectory()
        dir.write("notes.txt", "hello")
        let result = try ParleyProcess.run(["stats", "--db", dir.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a Parley store"))
    }

    @Test("stats reports counts, size and bytes per triple")
    func stats() throws {
        let dir = TemporaryDirectory()
        let file = dir.write("data.nt", Self.data)
        #expect(try ParleyProcess.run(["load", "--db", dir.child("db"), file]).status == 0)
        let stats = try ParleyProcess.run(["stats", "--db", dir.child("db")])
        for label in ["triples        4", "subjects       3", "predicates     3", "objects        4", "terms", "bytes on disk", "bytes/triple"] {
            #expect(stats.stdout.contains(label), "\(stats.stdout)")
        }
    }
}

/// Our output checked by other RDF tools (differential tests): skipped, with a reason, when the
/// tool is not installed (`apt-get install raptor2-utils`, `pip install pyoxigraph`).
@Suite struct PeerAcceptanceTests {
    static let tricky = """
        @prefix ex: <http://ex.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:a ex:p "tab\\there", "quote \\" and backslash \\\\", "new\\nline\\r", "ünïcödé ☃ 𝄞"@de-AT ;
             ex:q 1, 2.50, 1e3, true, "01"^^xsd:integer, [ ex:r ( 1 2 ) ] ;
             ex:s <http://ex.org/with%20escape>, <http://ex.org/ü> .

        """

    func exported(_ format: String) throws -> (TemporaryDirectory, String, Int) {
        let dir = TemporaryDirectory()
        let file = dir.write("tricky.ttl", Self.tricky)
        let load = try ParleyProcess.run(["load", "--db", dir.child("db"), file])
        try #require(load.status == 0, "\(load.stderr)")
        let out = dir.child("out.\(format)")
        let export = try ParleyProcess.run(["export", "--db", dir.child("db"), "-o", out])
        try #require(export.status == 0, "\(export.stderr)")
        let count = try ParleyProcess.run(["stats", "--db", dir.child("db")]).stdout
            .split(separator: "\n").first { $0.hasPrefix("triples") }
            .flatMap { Int($0.split(separator: " ")[1]) } ?? -1
        return (dir, out, count)
    }

    @Test("rapper accepts our N-Triples and Turtle with the same triple count",
          .enabled(if: ParleyProcess.which("rapper") != nil, "rapper not installed (apt-get install raptor2-utils)"),
          arguments: [("nt", "ntriples"), ("ttl", "turtle")])
    func rapperAccepts(format: String, syntax: String) throws {
        let (dir, out, count) = try exported(format)
        _ = dir
        let rapper = try ParleyProcess.run(executable: try #require(ParleyProcess.which("rapper")), ["-i", syntax, "-c", out])
        #expect(rapper.status == 0, "\(rapper.stderr)")
        #expect(rapper.stderr.contains("returned \(count) triples"), "\(rapper.stderr)")
    }

    @Test("pyoxigraph parses our N-Triples and Turtle to the same triples",
          .enabled(if: PeerAcceptanceTests.hasPyoxigraph, "pyoxigraph not installed (pip install pyoxigraph)"),
          arguments: ["nt", "ttl"])
    func pyoxigraphAccepts(format: String) throws {
        let (dir, out, count) = try exported(format)
        _ = dir
        let script = """
            import sys, pyoxigraph as ox
            fmt = ox.RdfFormat.N_TRIPLES if sys.argv[1].endswith('.nt') else ox.RdfFormat.TURTLE
            print(len(list(ox.parse(path=sys.argv[1], format=fmt))))
            """
        let python = try ParleyProcess.run(executable: try #require(ParleyProcess.which("python3")), ["-c", script, out])
        #expect(python.status == 0, "\(python.stderr)")
        #expect(python.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(count)")
    }

    static let hasPyoxigraph: Bool = {
        guard let python = ParleyProcess.which("python3") else { return false }
        return (try? ParleyProcess.run(executable: python, ["-c", "import pyoxigraph"]).status) == 0
    }()
}
