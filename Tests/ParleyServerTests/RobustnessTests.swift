import Foundation
import ParleyTestSupport
import Testing

/// Requests built to break things get a 4xx with a reason and leave the server answering; a
/// large result streams whole; SIGTERM lets a request in flight finish before the exit.
@Suite(.serialized, .enabled(if: Curl.executable != nil, "curl is not installed (scripts/install-deps.sh --test installs it)"))
struct RobustnessTests {
    @Test func malformedRequestsGetA4xxAndTheServerLivesOn() throws {
        let (dir, db) = try Fixtures.store()
        let server = try ServerProcess(db: db, ["--allow-update"])
        let sparql = server.url + "/sparql"
        let ask = Fixtures.encode("ASK {}")
        let cases: [(arguments: [String], status: Int)] = [
            (["\(sparql)?query=%FF%FE"], 400),                       // not UTF-8 once decoded
            (["\(sparql)?query=%"], 400),                             // a cut escape
            (["\(sparql)?query=\(ask)&query=\(ask)"], 400),           // two queries
            (["\(sparql)?query=\(ask)&update=\(ask)"], 400),          // both
            (["\(sparql)?update=\(Fixtures.encode("CLEAR ALL"))"], 400), // an update by GET
            (["\(sparql)?query=\(Fixtures.encode("SELECT * WHERE { ?s ?p ?o } \u{0}"))"], 400),
            (["\(sparql)?query=\(Fixtures.encode(String(repeating: "{", count: 5000)))"], 400),
            (["-H", "Accept: text/csv;q=banana", "\(sparql)?query=\(ask)"], 200), // a bad range is ignored
            (["-H", "Accept: " + String(repeating: "a/b;q=0.1, ", count: 2000), "\(sparql)?query=\(ask)"], 406),
            (["-H", "Accept: application/sparql-results+json;q=0", "\(sparql)?query=\(ask)"], 406),
            (["-H", "Content-Type: text/plain", "--data-binary", "ASK {}", sparql], 415),
            (["-H", "Content-Type: application/sparql-query; charset=utf-16", "--data-binary", "ASK {}", sparql], 400),
            (["-H", "Content-Type: application/x-www-form-urlencoded", "--data-binary", "query=%ZZ", sparql], 400),
            (["-H", "Content-Type: application/sparql-update", "--data-binary", "INSERT DATA { <a> }", sparql], 400),
            (["\(server.url)/store?graph=not%20an%20iri"], 400),
            (["\(server.url)/store?graph=\(Fixtures.encode("http://ex/g1"))&default"], 400),
            (["-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary", "<a> <b> <c> .", "\(server.url)/store"], 400),
            (["-X", "PUT", "--data-binary", "<http://a> <http://b> <http://c> .", "\(server.url)/store?default"], 415),
            (["-X", "PATCH", "\(server.url)/store?default"], 405),
        ]
        for (arguments, status) in cases {
            let answer = try Curl.run(arguments)
            #expect(answer.status == status, "\(arguments.last ?? ""): \(answer.body)")
            if status >= 400 { #expect(!answer.body.isEmpty, "a \(status) says why") }
        }
        #expect(try Curl.run(["\(sparql)?query=\(ask)"]).status == 200)
        #expect(server.stop() == 0)
        withExtendedLifetime(dir) {}
    }

    @Test func aLargeResultStreamsWhole() throws {
        let dir = TemporaryDirectory("parley-serve-large")
        let count = 5000
        let lines = (0..<count).map { "<http://ex/s\($0)> <http://ex/p> \"value number \($0)\" .\n" }.joined()
        let file = dir.write("big.nt", lines)
        #expect(try ParleyProcess.run(["load", "--db", dir.child("db"), file]).status == 0)
        let server = try ServerProcess(db: dir.child("db"))
        let whole = try Curl.run(["-H", "Accept: application/n-triples", "\(server.url)/store"])
        #expect(whole.status == 200)
        #expect(whole.body.split(separator: "\n").count == count)
        let select = try Curl.run(["-H", "Accept: text/tab-separated-values",
                                   "\(server.url)/sparql?query=\(Fixtures.encode("SELECT * WHERE { ?s ?p ?o }"))"])
        #expect(select.status == 200)
        #expect(select.body.split(separator: "\n").count == count + 1)
        #expect(server.stop() == 0)
    }

    @Test func sigtermLetsTheRequestInFlightFinish() throws {
        let (dir, db) = try Fixtures.store()
        let server = try ServerProcess(db: db)
        let values = (1...100).map(String.init).joined(separator: " ")
        let query = "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?a { \(values) } VALUES ?b { \(values) } VALUES ?c { \(values) } }"
        let curl = Process()
        curl.executableURL = Curl.executable
        curl.arguments = ["-s", "-o", dir.child("answer"), "-w", "%{http_code}", "-H", "Accept: text/csv",
                          "\(server.url)/sparql?query=\(Fixtures.encode(query))"]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        Thread.sleep(forTimeInterval: 0.3)
        #expect(server.stop() == 0)
        curl.waitUntilExit()
        let status = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(status == "200")
        let answer = (try? String(contentsOfFile: dir.child("answer"), encoding: .utf8)) ?? ""
        #expect(answer.contains("1000000"))
    }
}
