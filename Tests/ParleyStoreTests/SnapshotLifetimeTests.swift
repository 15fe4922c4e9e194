import Testing
import ParleyRDF
import ParleyStore
import ParleyTestSupport

/// A snapshot, and every scan opened from it, is usable only while the closure it was lent to
/// runs; afterwards each use throws `StoreError.snapshotClosed` and reads nothing.
@Suite struct SnapshotLifetimeTests {
    static let quads = (0..<50).map { Quad(.iri("http://ex.org/s\($0)"), .iri("http://ex.org/p"), .string("v\($0)")) }

    func loadedStore(_ dir: TemporaryDirectory) throws -> Store {
        let store = try Store(path: dir.child("db"))
        try store.load { QuadArrayReader(Self.quads) }
        return store
    }

    func isClosedError(_ error: any Error) -> Bool {
        if case StoreError.snapshotClosed = error { return true }
        return false
    }

    @Test("a snapshot kept past its read throws on every use")
    func escapedSnapshot() throws {
        let dir = TemporaryDirectory()
        let store = try loadedStore(dir)
        let kept = try store.read { snapshot in
            let found = try snapshot.id(of: .iri("http://ex.org/p"))
            #expect(snapshot.isOpen && found != nil)
            return snapshot
        }
        #expect(!kept.isOpen)
        #expect(throws: StoreError.self) { _ = try kept.id(of: .iri("http://ex.org/p")) }
        #expect(throws: StoreError.self) { _ = try kept.term(1) }
        #expect(throws: StoreError.self) { _ = try kept.scan(QuadPattern(graph: .defaultGraph)) }
        #expect(throws: StoreError.self) { _ = try kept.graphIDs() }
    }

    /// A scan kept past its read, wrapped in an object the way the query engine keeps them.
    final class KeptScan {
        var scan: QuadScan
        init(_ scan: consuming QuadScan) { self.scan = scan }
        func next() throws -> IDQuad? { try scan.next() }
    }

    @Test("a scan kept past its read throws instead of reading, mid-page too")
    func escapedScan() throws {
        let dir = TemporaryDirectory()
        let store = try loadedStore(dir)
        let kept = try store.read { snapshot in
            let kept = KeptScan(try snapshot.scan(QuadPattern(graph: .defaultGraph)))
            let first = try kept.next()
            #expect(first != nil)
            return kept
        }
        do {
            _ = try kept.next()
            Issue.record("the scan read after its snapshot closed")
        } catch {
            #expect(isClosedError(error), "\(error)")
        }
    }

    @Test("a scan of a write kept past the commit is dropped safely and throws")
    func escapedWriteScan() throws {
        let dir = TemporaryDirectory()
        let store = try loadedStore(dir)
        let kept = try store.write { writer in
            try writer.read { snapshot in KeptScan(try snapshot.scan(QuadPattern(graph: .defaultGraph))) }
        }
        #expect(throws: StoreError.self) { _ = try kept.next() }
        // Dropping it after the commit must not close the cursor LMDB already freed.
        _ = consume kept
        #expect(try store.statistics().quads == 50)
    }

    @Test("replaceGraph swaps a named graph's quads in one write")
    func replaceGraph() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("db"))
        let graph = Term.iri("http://ex.org/g")
        let first = [Quad(.iri("http://ex.org/a"), .iri("http://ex.org/p"), .string("1"), graph: graph),
                     Quad(.iri("http://ex.org/b"), .iri("http://ex.org/p"), .string("2"), graph: graph)]
        let second = [Quad(.iri("http://ex.org/c"), .iri("http://ex.org/p"), .string("3"), graph: graph)]
        let a = try store.write { try $0.replaceGraph(.named(graph), with: first) }
        #expect(a.removed == 0 && a.added == 2)
        let b = try store.write { try $0.replaceGraph(.named(graph), with: second) }
        #expect(b.removed == 2 && b.added == 1)
        #expect(try store.graphs().map(\.quads) == [1])
        #expect(try store.write { try $0.clear(.allNamed) } == 1)
        #expect(try store.statistics().quads == 0)
    }
}
