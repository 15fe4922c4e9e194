import Foundation
import Testing
import ParleyLMDB
import ParleyRDF
@testable import ParleyStore
import ParleyTestSupport

/// Stores of format version 1 (named graphs in six permutations), as the main-branch parley
/// wrote them: `Fixtures/format-v1` is `parley load` of `Fixtures/format-v1.nq` then
/// `parley backup --compact`, made with that binary.
@Suite struct FormatUpgradeTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A copy of the version 1 store in `dir`; returns its path.
    func copyFixture(_ dir: TemporaryDirectory) throws -> String {
        let path = dir.child("db")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("format-v1/data.mdb").path,
                                         toPath: path + "/data.mdb")
        return path
    }

    static let ex = "http://example.org/"
    static func iri(_ local: String) -> Term { .iri(ex + local) }

    @Test("a version 1 store opened read-only is refused with a message that says how to upgrade it")
    func readOnlyRefuses() throws {
        let dir = TemporaryDirectory()
        let path = try copyFixture(dir)
        var options = Store.Options()
        options.readOnly = true
        do {
            _ = try Store(path: path, options: options)
            Issue.record("a read-only open of a version 1 store should fail")
        } catch let error as StoreError {
            guard case .formatVersion(_, let found, let expected) = error else { throw error }
            #expect(found == 1 && expected == 2)
            #expect("\(error)".contains("open it once with write access to upgrade it in place"), "\(error)")
        }
    }

    @Test("a version 1 store opened for writing is upgraded in place: same quads, gs filled, graph-first indexes gone")
    func upgrades() throws {
        let dir = TemporaryDirectory()
        let path = try copyFixture(dir)
        do {
            let store = try Store(path: path)
            var quads = Set<Quad>()
            try store.export(.allQuads) { if let q = $0.decoded() { quads.insert(q) } }
            let (a, b, c, d) = (Self.iri("a"), Self.iri("b"), Self.iri("c"), Self.iri("d"))
            let (knows, name, g1, g2) = (Self.iri("knows"), Self.iri("name"), Self.iri("g1"), Self.iri("g2"))
            let blank = Term.blank("b1_x")
            #expect(quads == [
                Quad(a, knows, b), Quad(a, name, .string("Alice")),
                Quad(a, knows, b, graph: g1), Quad(a, knows, c, graph: g1), Quad(d, knows, a, graph: g1),
                Quad(a, knows, b, graph: g2), Quad(d, name, .literal(Literal("Dan", language: "en")), graph: g2),
                Quad(blank, name, .string("blank"), graph: g2),
            ])
            let pairs = try store.readTransaction { txn in
                try store.readGraphSubjects(in: txn).map { [try store.dictionary.term($0.graph, in: txn), try store.dictionary.term($0.subject, in: txn)] }
            }
            #expect(Set(pairs) == [[g1, a], [g1, d], [g2, a], [g2, d], [g2, blank]])
            let inG2 = try store.read { snapshot -> Int in
                let g = try #require(try snapshot.id(of: g2))
                return try snapshot.quads(matching: QuadPattern(graph: .named(g))).count
            }
            #expect(inG2 == 3)
        }
        let health = try Store.check(path: path)
        #expect(health.isHealthy, "\(health)")
        #expect(health.formatVersion == 2)
        let audit = try #require(try PageAudit.run(directory: path))
        for retired in ["gspo", "gpos", "gosp"] { #expect(audit.databases[retired] == nil, "\(retired) is still there") }
        #expect(audit.databases["gs"] != nil)
        // A read-only open now finds the current version.
        var readOnly = Store.Options()
        readOnly.readOnly = true
        #expect(try Store(path: path, options: readOnly).statistics().quads == 8)
    }
}
