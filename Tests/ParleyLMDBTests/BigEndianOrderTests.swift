import Testing
import ParleyLMDB
import ParleyTestSupport

/// `Environment.useBigEndianOrder(for:duplicates:)` swaps LMDB's memcmp comparison for
/// integer compares: the order must be exactly LMDB's default, for the 8- and 16-byte ids it
/// is meant for and for any other size a damaged or foreign database might hold.
@Suite struct BigEndianOrderTests {
    /// Every pair of a database, in cursor order.
    private func pairs(_ env: Environment, _ db: Database) throws -> [[UInt8]] {
        try env.read { txn in
            try txn.withCursor(db) { cursor in
                var all: [[UInt8]] = []
                while let entry = try cursor.next() { all.append(Array(entry.key) + [0xAA] + Array(entry.value)) }
                return all
            }
        }
    }

    @Test("keys and values of many sizes come back in LMDB's default order", arguments: [false, true])
    func sameOrderAsDefault(fixedSize: Bool) throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let flags: Database.Flags = fixedSize ? [.duplicateSort, .duplicateFixed] : [.duplicateSort]
        let plain = try env.openDatabase("plain", flags: flags)
        let ordered = try env.openDatabase("ordered", flags: flags)
        try env.useBigEndianOrder(for: ordered, duplicates: true)
        // Few distinct bytes, so long shared prefixes, equal halves and ties in the first 8
        // bytes are common; sizes around 8 and 16 (LMDB takes 1 to 511 bytes).
        var rng = SeededGenerator(seed: 7)
        let alphabet: [UInt8] = [0, 1, 0x7F, 0x80, 0xFF]
        func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in alphabet[Int(rng.next() % 5)] } }
        let keySizes = [8, 8, 8, 16, 16, 1, 7, 9, 15, 17, 24]
        try env.write { txn in
            for _ in 0..<3000 {
                let key = bytes(keySizes[Int(rng.next() % UInt64(keySizes.count))])
                let value = fixedSize ? bytes(16) : bytes([1, 8, 16, 5, 12, 20][Int(rng.next() % 6)])
                _ = try txn.put(plain, key: key, value: value)
                _ = try txn.put(ordered, key: key, value: value)
            }
        }
        let expected = try pairs(env, plain)
        #expect(expected.count > 1000)
        #expect(try pairs(env, ordered) == expected)
    }
}
