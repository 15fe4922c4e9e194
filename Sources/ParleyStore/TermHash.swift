/// A fast 64-bit hash of a term's encoded bytes, for the in-memory interner and the
/// `term2id` index (which verifies every hit against `id2term`, so collisions are harmless).
/// Reads 8 bytes at a time; mixing after Murmur3's `fmix64`. Stable across runs and machines
/// (it is stored on disk): never change it without changing the store format version.
enum TermHash {
    private static let k0: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let k1: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: bytes.count) &* k0
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h = (h ^ (word &* k1)).rotateLeft(31) &* k0
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ (tail &* k1)).rotateLeft(31) &* k0
        }
        return fmix(h)
    }

    @inline(__always)
    private static func fmix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k = k &* 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k = k &* 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }
}

extension UInt64 {
    @inline(__always)
    func rotateLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
