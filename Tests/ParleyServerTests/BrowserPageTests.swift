import Foundation
import ParleyTestSupport
import Testing

/// The page in a real browser: `parley serve` on the seed store, headless Chromium (Debian's
/// `chromium`) driven over the DevTools protocol by `Clients/browser_check.py`: load `/`, run
/// the example query, open an entity, check the results table, the facts and the SVG picture.
/// Screenshots are kept in `.test-artefacts/` (git-ignored) at the package root.
@Suite struct BrowserPageTests {
    static let artefacts = ParleyProcess.packageRoot.appendingPathComponent(".test-artefacts").path

    @Test func theQueryPageRunsTheExampleAndOpensAnEntityWithItsPicture() throws {
        guard let chromium = ExternalTool.find("chromium") ?? ExternalTool.find("chromium-browser") else {
            print("skipped: chromium is not installed (apt-get install chromium)")
            return
        }
        guard ExternalTool.find("dot") != nil else {
            print("skipped: Graphviz's dot is not installed (apt-get install graphviz)")
            return
        }
        let python = try #require(ExternalTool.find("python3"))
        let root = ParleyProcess.packageRoot.path
        let directory = TemporaryDirectory("parley-browser-test")
        let db = directory.child("db")
        let load = try ParleyProcess.run(["load", "--db", db, root + "/schema/parley.ttl"])
        #expect(load.status == 0, "\(load.stderr)")
        let ingest = try ParleyProcess.run(["ingest", "--db", db, root + "/seeds"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let server = try ServerProcess(db: db)
        defer { server.stop() }
        let script = root + "/Tests/ParleyServerTests/Clients/browser_check.py"
        let run = try ExternalTool.run(python, [script, chromium.path, server.url, Self.artefacts])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        let found = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
        #expect((found["rows"] as? Int ?? 0) > 0, "\(found)")
        #expect(found["entity_title"] as? String == "Wang Yi", "\(found)")
        #expect((found["svg_nodes"] as? Int ?? 0) > 1, "\(found)")
        #expect((found["evidence"] as? Int ?? 0) > 0, "\(found)")
        #expect(FileManager.default.fileExists(atPath: Self.artefacts + "/entity-page.png"))
        print("screenshots: \(Self.artefacts)/query-page.png, entity-page.png")
    }
}
