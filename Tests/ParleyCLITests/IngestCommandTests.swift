import Foundation
import Testing
import ParleyTestSupport

/// End-to-end tests of `parley ingest` and `parley facts` on the seed readouts.
@Suite struct IngestCommandTests {
    static let seeds = ParleyProcess.packageRoot.appendingPathComponent("seeds").path
    static let schema = ParleyProcess.packageRoot.appendingPathComponent("schema").path
    static let environment = ["PARLEY_SCHEMA": schema]

    static func count(_ db: String) throws -> String {
        let result = try ParleyProcess.run(["query", "--db", db, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"])
        return result.stdout
    }

    @Test("ingesting twice gives the same triple count: each readout's graph is replaced")
    func twice() throws {
        let dir = TemporaryDirectory()
        let db = dir.child("db")
        let first = try ParleyProcess.run(["ingest", "--db", db, Self.seeds], environment: Self.environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("ingested 2 readouts"), "\(first.stderr)")
        let before = try Self.count(db)
        let second = try ParleyProcess.run(["ingest", "--db", db, Self.seeds + "/wang-yi-blinken-2023-12-06.txt"], environment: Self.environment)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("replacing"), "\(second.stderr)")
        #expect(try Self.count(db) == before)
        let sparql = try ParleyProcess.run(["query", "--db", db, "ASK { pe:Wang_Yi pv:advocates pe:two-state_solution }"])
        #expect(sparql.stdout == "true\n")
    }

    @Test("facts prints TSV with the exact header, predicates by local name, labels for entities")
    func factsTSV() throws {
        let dir = TemporaryDirectory()
        let db = dir.child("db")
        _ = try ParleyProcess.run(["ingest", "--db", db, Self.seeds], environment: Self.environment)
        let result = try ParleyProcess.run(["facts", "--db", db, "--readout", "wang-yi-albusaidi-2023-11-01", "--format", "tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "subject\tpredicate\tobject\tevidence")
        #expect(lines.contains("Wang Yi\tadvocates\ttwo-state solution\tWang Yi stressed that the way out of this question is to implement the two-state solution"))
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4 })
        let json = try ParleyProcess.run(["facts", "--db", db, "--format", "json"])
        #expect(json.stdout.hasPrefix("[\n  {\"subject\": "))
        let missing = try ParleyProcess.run(["facts", "--db", db, "--readout", "no-such-readout"])
        #expect(missing.status == 1)
    }

    @Test("a file that cannot be read is reported and skipped, the others are ingested, exit status 1", arguments: [
        "missing.txt", "folder", "latin1.txt",
    ])
    func badFile(name: String) throws {
        let dir = TemporaryDirectory()
        let db = dir.child("db")
        let bad: String
        switch name {
        case "folder":
            bad = dir.child("folder.txt")
            mkdir(bad, 0o755)
        case "latin1.txt":
            bad = dir.write(name, bytes: Array("Caf".utf8) + [0xE9, 0x0A])
        default:
            bad = dir.child(name)
        }
        let good = Self.seeds + "/wang-yi-albusaidi-2023-11-01.txt"
        let result = try ParleyProcess.run(["ingest", "--db", db, bad, good], environment: Self.environment)
        #expect(result.status == 1)
        // `FILE: error: …`, or `FILE:LINE:COLUMN: error: …` where the fault has a place.
        let expected = name == "latin1.txt" ? bad + ":1:4: error: invalid UTF-8 byte 0xE9" : bad + ": error: "
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.contains("ingested 1 readout"), "\(result.stderr)")
        let facts = try ParleyProcess.run(["facts", "--db", db, "--format", "tsv"])
        #expect(facts.stdout.split(separator: "\n").count > 10)
    }
}
