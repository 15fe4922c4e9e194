import Foundation
import ParleyTestSupport
import Testing

/// The server beside other processes and clients: a `parley load` in another process while it
/// answers (readers see whole transactions only), and a client that goes away mid-query (its
/// query stops and its read transaction closes).
@Suite(.serialized, .enabled(if: Curl.executable != nil, "curl is not installed (scripts/install-deps.sh --test installs it)"))
struct ConcurrencyTests {
    @Test func readersSeeWholeLoadsFromAnotherProcess() async throws {
        let (dir, db) = try Fixtures.store()
        let batch = 500
        let loads = 8
        var files: [String] = []
        for n in 0..<loads {
            let lines = (0..<batch).map { "<http://ex/load\(n)/\($0)> <http://ex/batch> \"\(n)\" .\n" }.joined()
            files.append(dir.write("batch\(n).nt", lines))
        }
        let server = try ServerProcess(db: db)
        let query = Fixtures.encode("SELECT (COUNT(*) AS ?n) WHERE { ?s <http://ex/batch> ?o }")
        let loader = Task.detached {
            for file in files { _ = try ParleyProcess.run(["load", "--db", db, file]) }
        }
        var seen: Set<Int> = []
        while true {
            let answer = try Curl.run(["-H", "Accept: text/csv", "\(server.url)/sparql?query=\(query)"])
            #expect(answer.status == 200)
            let count = Int(answer.body.split(whereSeparator: \.isNewline).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "") ?? -1
            #expect(count >= 0 && count % batch == 0, "a reader saw part of a load: \(count)")
            seen.insert(count)
            if count == batch * loads { break }
            if seen.count > loads + 1 { break }
        }
        try await loader.value
        #expect(seen.contains(batch * loads))
        #expect(server.stop() == 0)
    }

    @Test func aClientThatGoesAwayStopsItsQuery() throws {
        let (dir, db) = try Fixtures.store()
        let server = try ServerProcess(db: db)
        let slow = Fixtures.encode(StatusCodeTests.slow)
        let answer = try Curl.run(["--max-time", "1", "\(server.url)/sparql?query=\(slow)"])
        #expect(answer.status == 0, "curl gave up before an answer")
        // The query notices within moments and its read transaction closes.
        var readers = ""
        for _ in 0..<50 {
            readers = try ParleyProcess.run(["stats", "--db", db]).stdout
            if readers.contains("open readers") && !readers.contains("(process") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(!readers.contains("(process"), "a read transaction stayed open: \(readers)")
        #expect(try Curl.run(["\(server.url)/sparql?query=\(Fixtures.encode("ASK {}"))"]).status == 200)
        #expect(server.stop() == 0)
        withExtendedLifetime(dir) {}
    }
}
