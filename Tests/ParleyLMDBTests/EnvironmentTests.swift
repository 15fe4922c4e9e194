import Testing
import ParleyLMDB
import ParleyTestSupport

@Suite struct EnvironmentTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test("a write commits when its closure returns")
    func writeCommits() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv")
        try env.write { txn in _ = try txn.put(db, key: bytes("k"), value: bytes("v")) }
        #expect(try env.read { try $0.value(db, key: bytes("k")) } == bytes("v"))
    }

    @Test("a write that throws changes nothing")
    func writeRollsBack() throws {
        struct Stop: Error {}
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv")
        #expect(throws: Stop.self) {
            try env.write { txn in
                _ = try txn.put(db, key: bytes("k"), value: bytes("v"))
                throw Stop()
            }
        }
        #expect(try env.read { try $0.value(db, key: bytes("k")) } == nil)
    }

    @Test("a read-only environment opens named databases that stay usable")
    func readOnlyOpen() throws {
        let dir = TemporaryDirectory()
        do {
            let env = try Environment(path: dir.path)
            let db = try env.openDatabase("kv")
            try env.write { txn in _ = try txn.put(db, key: bytes("k"), value: bytes("v")) }
        }
        var options = Environment.Options()
        options.readOnly = true
        let env = try Environment(path: dir.path, options: options)
        let db = try env.openDatabase("kv", create: false)
        #expect(try env.read { try $0.value(db, key: bytes("k")) } == bytes("v"))
        #expect(throws: LMDBError.self) { try env.write { _ in } }
    }

    @Test("reads nest without MDB_BAD_RSLOT (MDB_NOTLS)")
    func nestedReads() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv")
        try env.write { txn in _ = try txn.put(db, key: bytes("k"), value: bytes("v")) }
        let inner = try env.read { _ in try env.read { try $0.value(db, key: bytes("k")) } }
        #expect(inner == bytes("v"))
    }

    @Test("the map doubles when a write fills it, and the write lands whole")
    func mapGrows() throws {
        let dir = TemporaryDirectory()
        var options = Environment.Options()
        options.mapSize = 32 * 1024
        let env = try Environment(path: dir.path, options: options)
        let db = try env.openDatabase("kv")
        var runs = 0
        try env.write { txn in
            runs += 1
            for i in 0..<10_000 {
                try txn.put(db, key: bytes("key \(i)"), value: [UInt8](repeating: 7, count: 100))
            }
        }
        #expect(runs > 1)
        #expect(env.mapSize > 32 * 1024)
        #expect(try env.read { try $0.statistics(db).entries } == 10_000)
    }

    @Test("fixed-size duplicates append in pages and read back a page at a time")
    func duplicateFixedAppend() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("dups", flags: [.duplicateSort, .duplicateFixed])
        var values = [UInt8]()
        for i in 0..<3000 { values += [UInt8(i >> 8), UInt8(i & 0xFF)] + [UInt8](repeating: 0, count: 14) }
        try env.write { txn in
            try txn.withCursor(db) { cursor in
                try [UInt8]([1]).withUnsafeBytes { k in
                    try values.withUnsafeBytes { v in
                        let n = try cursor.putMultiple(key: k, values: v, elementSize: 16, flags: [.append, .appendDuplicate])
                        #expect(n == 3000)
                    }
                }
            }
        }
        let total = try env.read { txn in
            try txn.withCursor(db) { cursor in
                var count = 0
                guard let first = try cursor.move(.first) else { return 0 }
                var page = try cursor.move(.multiple, value: first.value)
                while let p = page {
                    count += p.value.count / 16
                    page = try cursor.move(.nextMultiple)
                }
                return count
            }
        }
        #expect(total == 3000)
    }

    @Test("errors name the operation and the database")
    func errorsNameOperation() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let db = try env.openDatabase("kv")
        let long = [UInt8](repeating: 1, count: 600)
        do {
            try env.write { txn in _ = try txn.put(db, key: long, value: bytes("v")) }
            Issue.record("a 600-byte key should fail")
        } catch let error as LMDBError {
            #expect(error.code == .badValueSize)
            #expect(error.description.hasPrefix("LMDB put on 'kv' failed:"))
        }
    }
}
