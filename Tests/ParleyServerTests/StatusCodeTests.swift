import Foundation
import ParleyTestSupport
import Testing

/// Every status code the server answers with, through `curl`, on a read-only server and on one
/// started with `--allow-update`.
@Suite(.serialized, .enabled(if: Curl.executable != nil, "curl is not installed (scripts/install-deps.sh --test installs it)"))
struct StatusCodeTests {
    static let select = "SELECT ?who ?name WHERE { ?who <http://ex/name> ?name } ORDER BY ?name"
    /// Runs for a very long time on any store: a cross product of 10^10 rows.
    static let slow: String = {
        let values = (1...100).map(String.init).joined(separator: " ")
        let blocks = ["a", "b", "c", "d", "e"].map { "VALUES ?\($0) { \(values) }" }.joined(separator: " ")
        return "SELECT (COUNT(*) AS ?n) WHERE { \(blocks) }"
    }()

    @Test func readOnlyServerAnswersEachCaseWithItsStatus() throws {
        let (dir, db) = try Fixtures.store()
        let server = try ServerProcess(db: db, ["--timeout", "0.5", "--max-body", "2000"])
        #expect(server.banner.contains("read-only"))
        let sparql = server.url + "/sparql"
        let store = server.url + "/store"
        let q = Fixtures.encode(Self.select)

        var answer = try Curl.run(["\(sparql)?query=\(q)"])
        #expect(answer.status == 200)
        #expect(answer.contentType.hasPrefix("application/sparql-results+json"))
        #expect(answer.body.contains("\"Alice\""))
        #expect(answer.body.contains("\"Carol, \\\"the\\\" third\""), "the union default graph, as in the CLI")

        answer = try Curl.run(["-H", "Accept: text/csv;q=0.5, application/sparql-results+xml", "\(sparql)?query=\(q)"])
        #expect(answer.status == 200)
        #expect(answer.contentType.hasPrefix("application/sparql-results+xml"))

        answer = try Curl.run(["-H", "Accept: text/turtle", "\(sparql)?query=\(q)"])
        #expect(answer.status == 406)
        #expect(answer.body.contains("application/sparql-results+json"))

        answer = try Curl.run(["-H", "Accept: application/sparql-results+json",
                               "\(sparql)?query=\(Fixtures.encode("CONSTRUCT WHERE { ?s ?p ?o }"))"])
        #expect(answer.status == 406)

        answer = try Curl.run([sparql])
        #expect(answer.status == 400)
        #expect(answer.body.contains("no query"))

        answer = try Curl.run(["\(sparql)?query=SELECT%ZZ"])
        #expect(answer.status == 400)
        #expect(answer.body.contains("percent-encoding"))

        answer = try Curl.run(["\(sparql)?query=\(Fixtures.encode("SELECT ?x WHERE { ?x ?y }"))"])
        #expect(answer.status == 400)
        #expect(answer.body.hasPrefix("1:"), "LINE:COLUMN with no file name: \(answer.body)")
        #expect(answer.body.contains("error:"))

        answer = try Curl.run(["--data-urlencode", "update=INSERT DATA { <http://ex/a> <http://ex/b> <http://ex/c> }", sparql])
        #expect(answer.status == 403)
        #expect(answer.body.contains("--allow-update"))

        answer = try Curl.run(["-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary", "<http://ex/a> <http://ex/b> <http://ex/c> .",
                               "\(store)?default"])
        #expect(answer.status == 403)

        answer = try Curl.run(["\(store)?graph=\(Fixtures.encode("http://ex/nothing"))"])
        #expect(answer.status == 404)

        answer = try Curl.run(["-H", "Content-Type: application/sparql-query", "--data-binary",
                               "SELECT * WHERE { ?s ?p ?o } # " + String(repeating: "x", count: 3000), sparql])
        #expect(answer.status == 413)

        answer = try Curl.run(["\(sparql)?query=\(Fixtures.encode(Self.slow))"])
        #expect(answer.status == 503)
        #expect(answer.body.contains("timeout"))

        answer = try Curl.run(["-X", "DELETE", sparql])
        #expect(answer.status == 405)

        // The server still answers after all that, and stops cleanly.
        #expect(try Curl.run(["\(sparql)?query=\(q)"]).status == 200)
        #expect(server.stop() == 0)
        withExtendedLifetime(dir) {}
    }

    @Test func updatesAndGraphStoreWritesWithAllowUpdate() throws {
        let (dir, db) = try Fixtures.store()
        let server = try ServerProcess(db: db, ["--allow-update"])
        #expect(server.banner.contains("ALLOWED"))
        let sparql = server.url + "/sparql"
        let store = server.url + "/store"
        let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        func total() throws -> String {
            try Curl.run(["-H", "Accept: text/csv", "\(sparql)?query=\(Fixtures.encode(count))"]).body
        }
        #expect(try total().contains("7"))

        var answer = try Curl.run(["-H", "Content-Type: application/sparql-update", "--data-binary",
                                   "INSERT DATA { <http://ex/dave> <http://ex/name> \"Dave\" }", sparql])
        #expect(answer.status == 200)
        #expect(answer.body.contains("inserted 1"))
        answer = try Curl.run(["--data-urlencode", "update=DELETE DATA { <http://ex/dave> <http://ex/name> \"Dave\" }", sparql])
        #expect(answer.status == 200)
        #expect(answer.body.contains("deleted 1"))

        answer = try Curl.run(["--data-urlencode", "update=LOAD <file:///etc/passwd>", sparql])
        #expect(answer.status == 403)

        let g3 = "\(store)?graph=\(Fixtures.encode("http://ex/g3"))"
        answer = try Curl.run(["-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary",
                               "PREFIX ex: <http://ex/> ex:x ex:y ex:z , ex:w .", g3])
        #expect(answer.status == 201)
        answer = try Curl.run(["-X", "POST", "-H", "Content-Type: application/n-triples", "--data-binary",
                               "<http://ex/x> <http://ex/y> <http://ex/v> .\n", g3])
        #expect(answer.status == 200)
        answer = try Curl.run(["-H", "Accept: application/n-triples", g3])
        #expect(answer.status == 200)
        #expect(answer.body.split(separator: "\n").count == 3)

        // A body that does not parse changes nothing and says where.
        answer = try Curl.run(["-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary",
                               "<http://ex/x> <http://ex/y> <http://ex/q> .\n<http://ex/x> <http://ex/y> .", g3])
        #expect(answer.status == 400)
        #expect(answer.body.hasPrefix("2:"), "LINE:COLUMN with no file name: \(answer.body)")
        #expect(try Curl.run(["-H", "Accept: application/n-triples", g3]).body.split(separator: "\n").count == 3)

        answer = try Curl.run(["-X", "PUT", "-H", "Content-Type: application/n-quads", "--data-binary",
                               "<http://ex/x> <http://ex/y> <http://ex/q> <http://ex/g9> .\n", g3])
        #expect(answer.status == 415)

        // PUT replaces.
        answer = try Curl.run(["-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary", "<http://ex/x> <http://ex/y> <http://ex/only> .", g3])
        #expect(answer.status == 200)
        #expect(try Curl.run(["-H", "Accept: application/n-triples", g3]).body.split(separator: "\n").count == 1)

        answer = try Curl.run(["-X", "DELETE", g3])
        #expect(answer.status == 200)
        answer = try Curl.run(["-X", "DELETE", g3])
        #expect(answer.status == 404)

        // The whole store as N-Quads by default.
        answer = try Curl.run([store])
        #expect(answer.status == 200)
        #expect(answer.contentType.hasPrefix("application/n-quads"))
        #expect(answer.body.contains("<http://ex/g1>"))

        #expect(try total().contains("7"))
        #expect(server.stop() == 0)
        withExtendedLifetime(dir) {}
    }
}
