import Foundation
import Testing
import ParleyTestSupport

/// End-to-end tests of `parley query` and `parley update`.
@Suite struct QueryCommandTests {
    static let data = """
        <http://ex.org/wang> <https://parley.dev/ns#advocates> <http://ex.org/two-state> .
        <http://ex.org/wang> <http://www.w3.org/2000/01/rdf-schema#label> "Wang Yi" .
        <http://ex.org/blinken> <http://www.w3.org/2000/01/rdf-schema#label> "Antony Blinken"@en .

        """

    func store() throws -> (TemporaryDirectory, String) {
        let store = try ParleyProcess.loadedStore(Self.data)
        return (store.directory, store.db)
    }

    @Test("SELECT prints TSV when piped, with the store's prefixes known", arguments: [
        ("SELECT ?who WHERE { ?who pv:advocates ?what }", "?who\n<http://ex.org/wang>\n"),
        ("?who pv:advocates ?what", "?who\t?what\n<http://ex.org/wang>\t<http://ex.org/two-state>\n"),
        ("SELECT ?x WHERE { ?x pv:opposes ?y }", "?x\n"),
        ("ASK { ?s rdfs:label \"Wang Yi\" }", "true\n"),
    ])
    func select(query: String, expected: String) throws {
        let (dir, db) = try store()
        _ = dir
        let result = try ParleyProcess.run(["query", "--db", db, query])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected)
    }

    @Test("each result format", arguments: ["csv", "tsv", "json", "xml", "table"])
    func formats(format: String) throws {
        let (dir, db) = try store()
        _ = dir
        let result = try ParleyProcess.run(["query", "--db", db, "--format", format,
                                            "SELECT ?l { ?s rdfs:label ?l } ORDER BY ?l"])
        #expect(result.status == 0, "\(result.stderr)")
        switch format {
        case "csv": #expect(result.stdout == "l\r\nAntony Blinken\r\nWang Yi\r\n")
        case "json": #expect(result.stdout.contains("\"xml:lang\""))
        case "xml": #expect(result.stdout.contains("<literal xml:lang=\"en\">Antony Blinken</literal>"))
        case "table": #expect(result.stdout.contains("2 rows"))
        default: #expect(result.stdout == "?l\n\"Antony Blinken\"@en\n\"Wang Yi\"\n")
        }
    }

    @Test("a syntax error exits 1 with LINE:COLUMN, what was expected, and a caret")
    func syntaxError() throws {
        let (dir, db) = try store()
        _ = dir
        let result = try ParleyProcess.run(["query", "--db", db, "SELECT * WHERE { ?s ?p SELEC }"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("1:24: error: expected"), "\(result.stderr)")
        #expect(result.stderr.contains("found 'SELEC'"), "\(result.stderr)")
        #expect(result.stderr.contains("^"))
    }

    @Test("an unknown extension function is an expression error, not a failed query")
    func unknownFunction() throws {
        let (dir, db) = try store()
        _ = dir
        let result = try ParleyProcess.run(["query", "--db", db, "SELECT ?x { BIND(<http://ex.org/fn>(1) AS ?x) }"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "?x\n\n")
    }

    @Test("the query may come from a file or standard input; --time reports on stderr")
    func sources() throws {
        let (dir, db) = try store()
        let file = dir.write("q.rq", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
        let fromFile = try ParleyProcess.run(["query", "--db", db, "-f", file, "--time"])
        #expect(fromFile.stdout == "?n\n3\n")
        #expect(fromFile.stderr.hasPrefix("time: "))
        let fromStdin = try ParleyProcess.run(["query", "--db", db], input: "ASK { ?s ?p ?o }")
        #expect(fromStdin.stdout == "true\n")
    }

    @Test("CONSTRUCT writes N-Triples when piped")
    func construct() throws {
        let (dir, db) = try store()
        _ = dir
        let result = try ParleyProcess.run(["query", "--db", db, "CONSTRUCT { ?o <http://ex.org/advocatedBy> ?s } WHERE { ?s pv:advocates ?o }"])
        #expect(result.stdout == "<http://ex.org/two-state> <http://ex.org/advocatedBy> <http://ex.org/wang> .\n")
    }

    @Test("update applies a request and reports the change; a bad request changes nothing")
    func update() throws {
        let (dir, db) = try store()
        _ = dir
        let ok = try ParleyProcess.run(["update", "--db", db, "DELETE WHERE { ?s pv:advocates ?o } ; INSERT DATA { <http://ex.org/wang> pv:supports <http://ex.org/dialogue> }"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stderr == "inserted 1, deleted 1 triples\n")
        let bad = try ParleyProcess.run(["update", "--db", db, "INSERT DATA { <http://ex.org/x> pv:p 1 } ; LOAD <file:///nope.ttl>"])
        #expect(bad.status == 1)
        let count = try ParleyProcess.run(["query", "--db", db, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"])
        #expect(count.stdout == "?n\n3\n")
    }

    @Test("--explain prints the plan instead of the result")
    func explain() throws {
        let (dir, db) = try store()
        _ = dir
        let result = try ParleyProcess.run(["query", "--db", db, "--explain", "SELECT * { ?s pv:advocates ?o . ?s rdfs:label ?l }"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("plan:"))
        #expect(result.stdout.contains("scan pos"))
    }
}
