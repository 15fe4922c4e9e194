import Testing
import ParleyLMDB
import ParleyRDF
import ParleyStore
import ParleyTestSupport

@Suite struct StoreFormatTests {
    @Test("a store of another format version is refused with a clear message")
    func refusesOtherVersion() throws {
        let dir = TemporaryDirectory()
        let path = dir.child("db")
        do { _ = try Store(path: path) }
        do {
            let env = try Environment(path: path)
            let meta = try env.openDatabase("meta", create: false)
            try env.write { txn in _ = try txn.put(meta, key: Array("format-version".utf8), value: [0, 0, 0, 99]) }
        }
        do {
            _ = try Store(path: path)
            Issue.record("opening a version-99 store should fail")
        } catch let error as StoreError {
            #expect("\(error)".contains("store format version 99 is not supported"))
        }
    }

    @Test("an empty directory becomes a new store; a file is not a store")
    func directories() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.child("fresh/nested"))
        #expect(try store.statistics().quads == 0)
        let file = dir.write("plain", "text")
        #expect(throws: StoreError.self) { _ = try Store(path: file) }
    }

    @Test("new stores know the common prefixes")
    func defaultPrefixes() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path)
        let names = try store.prefixes().map(\.prefix)
        #expect(names == ["owl", "pe", "prov", "pv", "rdf", "rdfs", "schema", "xsd"])
    }
}
