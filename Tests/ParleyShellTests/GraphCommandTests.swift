import Foundation
import Testing
import ParleyTestSupport

/// `.graph TERM FILE.svg` through the real binary, as a user runs it: the vocabulary and a few
/// stances loaded, the picture drawn by Graphviz, and the errors a user can make.
@Suite struct GraphCommandTests {
    static let data = """
        <https://parley.dev/id/Wang_Yi> <https://parley.dev/ns#advocates> <https://parley.dev/id/dialogue> .
        <https://parley.dev/id/Wang_Yi> <http://www.w3.org/2000/01/rdf-schema#label> "Wang Yi" .
        <https://parley.dev/id/dialogue> <http://www.w3.org/2000/01/rdf-schema#label> "dialogue & <talks>" .

        """

    @Test(".graph draws an entity's stances as SVG, labels escaped; an unknown term is an error naming it")
    func drawsAnSVG() throws {
        guard ExternalTool.find("dot") != nil else {
            print("skipped: Graphviz's dot is not installed (apt-get install graphviz)")
            return
        }
        let store = try ParleyProcess.loadedStore(Self.data)
        let vocabulary = try ParleyProcess.run(["load", "--db", store.db, ParleyProcess.packageRoot.path + "/schema/parley.ttl"])
        #expect(vocabulary.status == 0, "\(vocabulary.stderr)")
        let file = store.directory.child("wang.svg")
        let drawn = try ParleyProcess.run(["--db", store.db, "-c", ".graph \"Wang Yi\" \(file)"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Wang Yi"))
        #expect(svg.contains("advocates"))
        #expect(svg.contains("dialogue &amp; &lt;talks&gt;"), "\(svg)")
        let unknown = try ParleyProcess.run(["--db", store.db, "-c", ".graph pe:Nobody \(store.directory.child("x.svg"))"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("pe:Nobody is not in the store"), "\(unknown.stderr)")
        let usage = try ParleyProcess.run(["--db", store.db, "-c", ".graph"])
        #expect(usage.status == 1)
        #expect(usage.stderr.contains("usage: .graph"), "\(usage.stderr)")
    }
}
