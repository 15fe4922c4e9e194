import Foundation
import ParleyTestSupport
import Testing

/// The W3C SPARQL 1.1 Protocol tests (every case of `sparql11/protocol/manifest.ttl`, the
/// cases the spec lists) against a real `parley serve`, driven from the manifest itself.
@Suite(.enabled(if: PythonClients.missing == nil, "\(PythonClients.missing ?? "")"),
       .enabled(if: Conformance.isAvailable, "../shared/conformance is not there"))
struct ProtocolManifestTests {
    @Test func everyProtocolCasePasses() throws {
        let root = try #require(Conformance.root)
        let dir = TemporaryDirectory("parley-serve-protocol")
        let server = try ServerProcess(db: dir.child("db"), ["--allow-update", "--no-union-default-graph"])
        let port = try #require(server.url.split(separator: ":").last.map(String.init))
        let script = ParleyProcess.packageRoot.appendingPathComponent("Tests/ParleyServerTests/Clients/protocol_manifest.py").path
        let manifest = root.appendingPathComponent("sparql11/protocol/manifest.ttl").path
        let run = try ExternalTool.run(try #require(PythonClients.python), [script, "127.0.0.1", port, manifest])
        print(run.output)
        #expect(run.status == 0, "\(run.output)\n\(run.error)")
        #expect(run.output.contains("protocol tests ok: 34 of 34"))
        #expect(server.stop() == 0)
    }
}
