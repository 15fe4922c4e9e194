import Foundation
import Testing
import ParleyTestSupport

/// End-to-end: the real `parley` binary running scripts from files, pipes and `-c`.
@Suite struct ScriptTests {
    static let data = """
        <https://parley.dev/id/Wang_Yi> <https://parley.dev/ns#advocates> <https://parley.dev/id/dialogue> .
        <https://parley.dev/id/Wang_Yi> <http://www.w3.org/2000/01/rdf-schema#label> "Wang Yi" .
        <https://parley.dev/id/Wang_Yi> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://parley.dev/ns#Person> .

        """

    /// A temporary directory with a loaded store at `db`.
    func store() throws -> (TemporaryDirectory, String) {
        let store = try ParleyProcess.loadedStore(Self.data)
        return (store.directory, store.db)
    }

    @Test("a script on standard input: TSV, no banner, no prompt, no colours, status 0")
    func standardInput() throws {
        let (dir, db) = try store()
        _ = dir
        let result = try ParleyProcess.run(["--db", db], input: "?who pv:advocates ?what\n\nASK { ?s ?p ?o }\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "?who\t?what\n<https://parley.dev/id/Wang_Yi>\t<https://parley.dev/id/dialogue>\ntrue\n")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(!result.stdout.contains("parley>"))
    }

    @Test("errors name FILE:LINE, later statements still run, and the status is 1")
    func errorsContinue() throws {
        let (dir, db) = try store()
        let script = dir.write("q.rq", "# two statements, one wrong\nSELECT *\nWHERE { ?s ?p SELEC }\n\n.nosuch\n\nASK { ?s ?p ?o }\n")
        let result = try ParleyProcess.run(["run", "--db", db, script], environment: ["TERM": "xterm"])
        #expect(result.status == 1)
        #expect(result.stdout == "true\n")
        #expect(result.stderr.contains("\(script):3:15: error: expected an object"), "\(result.stderr)")
        #expect(result.stderr.contains("3 | WHERE { ?s ?p SELEC }"), "\(result.stderr)")
        #expect(result.stderr.contains("\(script):5: error: unknown command '.nosuch'"), "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}["), "no colours outside a terminal")
    }

    @Test("--bail stops at the first error")
    func bail() throws {
        let (dir, db) = try store()
        let script = dir.write("q.rq", "ASK { ?s ?p ?o }\n\nSELEC\n\nASK { ?s ?p ?o }\n")
        let result = try ParleyProcess.run(["run", "--bail", "--db", db, script])
        #expect(result.status == 1)
        #expect(result.stdout == "true\n")
        let piped = try ParleyProcess.run(["--db", db, "--bail"], input: "SELEC\n\nASK {}\n")
        #expect(piped.status == 1)
        #expect(piped.stdout.isEmpty)
        #expect(piped.stderr.hasPrefix("<stdin>:1:1: error:"), "\(piped.stderr)")
    }

    @Test("-c runs one statement (SPARQL or a dot-command) and exits with its status")
    func command() throws {
        let (dir, db) = try store()
        _ = dir
        let ok = try ParleyProcess.run(["--db", db, "-c", "SELECT ?l WHERE { ?s rdfs:label ?l }"])
        #expect(ok.status == 0)
        #expect(ok.stdout == "?l\n\"Wang Yi\"\n")
        let schema = try ParleyProcess.run(["--db", db, "-c", ".schema"])
        #expect(schema.stdout.contains("<https://parley.dev/ns#Person>\t1"), "\(schema.stdout)")
        let bad = try ParleyProcess.run(["--db", db, "-c", "SELECT ?x WHERE { ?x pv:advocates pe:Wang_Y }"])
        #expect(bad.status == 0)
        #expect(bad.stderr.contains("pe:Wang_Y is not in the store; did you mean pe:Wang_Yi?"), "\(bad.stderr)")
        let failed = try ParleyProcess.run(["--db", db, "-c", "ASK {"])
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("-c:1:"), "\(failed.stderr)")
    }

    @Test(".mode, .headers, .limit, .once and .output change what is written where")
    func settings() throws {
        let (dir, db) = try store()
        let script = """
            .mode csv
            SELECT ?l WHERE { ?s rdfs:label ?l }
            .headers off
            .once \(dir.child("once.csv"))
            SELECT ?l WHERE { ?s rdfs:label ?l }
            .mode tsv
            .limit 1
            ?s ?p ?o
            .output \(dir.child("out.tsv"))
            ASK { ?s ?p ?o }
            .output
            .mode json
            ASK { ?s ?p ?o }
            """
        let result = try ParleyProcess.run(["--db", db], input: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("l\r\nWang Yi\r\n<https://parley.dev/id/Wang_Yi>\t"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("{\"head\":{},\"boolean\":true}\n"), "\(result.stdout)")
        #expect(result.stderr.contains("2 more rows not shown"), "\(result.stderr)")
        #expect(try String(contentsOfFile: dir.child("once.csv"), encoding: .utf8) == "Wang Yi\r\n")
        #expect(try String(contentsOfFile: dir.child("out.tsv"), encoding: .utf8) == "true\n")
    }

    @Test("PREFIX declarations persist in the store for later sessions")
    func prefixesPersist() throws {
        let (dir, db) = try store()
        _ = dir
        let first = try ParleyProcess.run(["--db", db, "-c", "PREFIX ex: <http://example.org/>"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try ParleyProcess.run(["--db", db, "-c", ".prefix"])
        #expect(second.stdout.contains("PREFIX ex: <http://example.org/>"), "\(second.stdout)")
    }

    @Test(".read runs another script, and its errors name that file; .load and .export round-trip")
    func readLoadExport() throws {
        let (dir, db) = try store()
        let inner = dir.write("inner.rq", "ASK { ?s ?p ?o }\n\nBROKEN\n")
        let extra = dir.write("extra.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n")
        let out = dir.child("all.nq")
        let result = try ParleyProcess.run(["--db", db], input: """
            .read \(inner)
            .load \(extra) <http://example.org/graph>
            .graphs
            .export \(out)
            SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }
            """)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(inner):3:1: error:"), "\(result.stderr)")
        #expect(result.stdout.contains("true\n?graph\t?triples\n<http://example.org/graph>\t1\n"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("?n\n1\n"), "\(result.stdout)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<http://example.org/a> <http://example.org/b> <http://example.org/c> <http://example.org/graph> .\n"))
    }

    @Test(".describe groups an entity's triples; .why reads the evidence of the sample data")
    func describeAndWhy() throws {
        let dir = TemporaryDirectory()
        let db = dir.child("db")
        let root = ParleyProcess.packageRoot.path
        let load = try ParleyProcess.run(["load", "--db", db, root + "/schema/parley.ttl", root + "/schema/sample-data.ttl"])
        try #require(load.status == 0, "\(load.stderr)")
        let describe = try ParleyProcess.run(["--db", db, "-c", ".describe \"Wang Yi\""])
        #expect(describe.status == 0, "\(describe.stderr)")
        #expect(describe.stdout.hasPrefix("pe:Wang_Yi\n  a "), "\(describe.stdout)")
        #expect(describe.stdout.contains("  pv:represents"), "\(describe.stdout)")
        let why = try ParleyProcess.run(["--db", db, "-c", ".why pe:Wang_Yi pv:urges ?whom"])
        #expect(why.status == 0, "\(why.stderr)")
        #expect(why.stdout.hasPrefix("?whom\t?readout\t?sentence\t?evidence\n"), "\(why.stdout)")
        #expect(why.stdout.contains("\t15\t\"urged the US not to interfere"), "\(why.stdout)")
        let misspelt = try ParleyProcess.run(["--db", db, "-c", ".why pe:Wang_Yi pv:urge ?whom"])
        #expect(misspelt.status == 1)
        #expect(misspelt.stderr.contains("did you mean pv:urges?"), "\(misspelt.stderr)")
    }
}
