import Foundation
import ParleyTestSupport
import Testing

/// The clients analysts query from notebooks — Python's SPARQLWrapper and rdflib's
/// SPARQLStore — get the same answers over HTTP as `parley query` gives on the same store
/// (SELECT and ASK as JSON, XML and CSV; CONSTRUCT as Turtle).
@Suite(.enabled(if: PythonClients.missing == nil, "\(PythonClients.missing ?? "")"))
struct PythonClientTests {
    static let queries: [(name: String, text: String, formats: [String])] = [
        ("select", "SELECT ?who ?p ?what WHERE { ?who ?p ?what } ORDER BY ?who ?p", ["json", "csv"]),
        ("named", "SELECT ?g ?s WHERE { GRAPH ?g { ?s <http://ex/name> ?n } }", ["json", "csv"]),
        ("ask", "ASK { <http://ex/alice> <http://ex/knows> ?x }", ["json"]),
        ("construct", "CONSTRUCT { ?b <http://ex/knownBy> ?a } WHERE { ?a <http://ex/knows> ?b }", ["nt"]),
        ("describe", "CONSTRUCT WHERE { ?s ?p ?o }", ["nt"]),
    ]

    @Test func answersEqualParleyQuery() throws {
        let (dir, db) = try Fixtures.store()
        let folder = dir.child("queries")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for query in Self.queries {
            try query.text.write(toFile: "\(folder)/\(query.name).rq", atomically: true, encoding: .utf8)
            for format in query.formats {
                let cli = try ParleyProcess.run(["query", "--db", db, "--format", format, query.text])
                #expect(cli.status == 0, "\(cli.stderr)")
                try cli.stdout.write(toFile: "\(folder)/\(query.name).\(format)", atomically: true, encoding: .utf8)
            }
        }
        let server = try ServerProcess(db: db)
        let script = ParleyProcess.packageRoot.appendingPathComponent("Tests/ParleyServerTests/Clients/sparql_clients.py").path
        let python = try #require(PythonClients.python)
        let run = try ExternalTool.run(python, [script, server.url + "/sparql", folder])
        print(run.output)
        #expect(run.status == 0, "\(run.output)\n\(run.error)")
        #expect(run.output.contains("0 failed"))
        #expect(server.stop() == 0)
    }
}
