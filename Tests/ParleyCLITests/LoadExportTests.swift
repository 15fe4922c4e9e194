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
        try NTriplesParser(text: text, format: .nQuads).readAll()
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
        (["load"], 2, "Give at least one file"),
        (["export", "--graph", "http://ex.org/none"], 1, "no graph <http://ex.org/none>"),
        (["frobnicate"], 2, "Unexpected argument"),
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
