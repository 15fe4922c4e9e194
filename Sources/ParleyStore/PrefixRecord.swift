/// How a saved prefix binding is laid out in the `prefixes` database, so that any prefix name
/// a user can write fits an LMDB key (1…511 bytes).
///
/// - A name of 1…``maxInlineNameBytes`` bytes whose first byte is neither 0x00 nor 0xFF is its
///   own key, and the value is the namespace IRI (the layout stores have always had, so older
///   stores read unchanged).
/// - The empty name (Turtle's `@prefix : <…>`) is the one-byte key `0x00`; the value is the IRI.
/// - Any other name (longer, or starting with a byte that the two cases above reserve) is keyed
///   `0xFF` + its 64-bit hash + a probe byte, and the value holds the name too: 4 bytes of name
///   length (big-endian), the name, then the IRI. Two names with one hash take successive probe
///   bytes; lookups compare the stored name, so a collision never merges two bindings.
///
/// UTF-8 text never contains 0xFF and a prefix name never begins with NUL, so the three key
/// shapes cannot be confused.
enum PrefixRecord {
    /// The longest name stored as its own key; LMDB's default limit is 511 bytes.
    static let maxInlineNameBytes = 400
    static let emptyNameKey: [UInt8] = [0x00]
    static let hashedKeyTag: UInt8 = 0xFF
    /// How many names sharing one 64-bit hash the store will hold (in practice: one).
    static let maxProbes = 256

    /// The key for `name` when it is stored inline or as the empty name, else `nil`.
    static func directKey(_ name: [UInt8]) -> [UInt8]? {
        if name.isEmpty { return emptyNameKey }
        if name.count <= maxInlineNameBytes, name[0] != 0x00, name[0] != hashedKeyTag { return name }
        return nil
    }

    /// The key of probe `probe` for a hashed name.
    static func hashedKey(_ name: [UInt8], probe: Int) -> [UInt8] {
        let hash = name.withUnsafeBytes { TermHash.hash($0) }
        return [hashedKeyTag] + IDBytes.array(hash) + [UInt8(truncatingIfNeeded: probe)]
    }

    /// The value stored under a hashed key.
    static func hashedValue(name: [UInt8], iri: [UInt8]) -> [UInt8] {
        var length = UInt32(truncatingIfNeeded: name.count).bigEndian
        return withUnsafeBytes(of: &length) { Array($0) } + name + iri
    }

    /// The name and IRI of a stored record, or `nil` when the record is malformed.
    static func decode(key: [UInt8], value: [UInt8]) -> (name: [UInt8], iri: [UInt8])? {
        guard let first = key.first else { return nil }
        if key == emptyNameKey { return ([], value) }
        guard first == hashedKeyTag else { return (key, value) }
        guard key.count == 10, value.count >= 4 else { return nil }
        let length = value.withUnsafeBytes { Int(UInt32(bigEndian: $0.loadUnaligned(as: UInt32.self))) }
        guard value.count >= 4 + length else { return nil }
        return (Array(value[4 ..< 4 + length]), Array(value[(4 + length)...]))
    }
}
