/// Decoding and encoding of single Unicode scalars in UTF-8, with the checks RDF syntaxes need:
/// no overlong forms, no surrogates, nothing above U+10FFFF. Works on raw pointers so parsers
/// can call it in their hot loops.
enum UTF8Scalars {
    /// Decodes the scalar starting at `p[i]` (`i < end`). Returns the scalar and its length in
    /// bytes, or `nil` when the bytes there are not valid UTF-8.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int)? {
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        return decodeMultibyte(p, i, end)
    }

    static func decodeMultibyte(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int)? {
        let b0 = UInt32(p[i])
        let length: Int
        var scalar: UInt32
        let minimum: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; scalar = b0 & 0x1F; minimum = 0x80
        case 0xE0...0xEF: length = 3; scalar = b0 & 0x0F; minimum = 0x800
        case 0xF0...0xF4: length = 4; scalar = b0 & 0x07; minimum = 0x10000
        default: return nil
        }
        guard end - i >= length else { return nil }
        for k in 1..<length {
            let b = UInt32(p[i + k])
            guard b & 0xC0 == 0x80 else { return nil }
            scalar = (scalar << 6) | (b & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
        return (scalar, length)
    }

    /// Whether `c` is a Unicode scalar value (not a surrogate, at most U+10FFFF).
    @inline(__always)
    static func isScalar(_ c: UInt32) -> Bool {
        c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF)
    }

    /// Writes the UTF-8 form of scalar `c` at `out` and returns the number of bytes written (1–4).
    @inline(__always)
    static func write(_ c: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if c < 0x80 {
            out[0] = UInt8(c)
            return 1
        } else if c < 0x800 {
            out[0] = UInt8(0xC0 | (c >> 6))
            out[1] = UInt8(0x80 | (c & 0x3F))
            return 2
        } else if c < 0x10000 {
            out[0] = UInt8(0xE0 | (c >> 12))
            out[1] = UInt8(0x80 | ((c >> 6) & 0x3F))
            out[2] = UInt8(0x80 | (c & 0x3F))
            return 3
        } else {
            out[0] = UInt8(0xF0 | (c >> 18))
            out[1] = UInt8(0x80 | ((c >> 12) & 0x3F))
            out[2] = UInt8(0x80 | ((c >> 6) & 0x3F))
            out[3] = UInt8(0x80 | (c & 0x3F))
            return 4
        }
    }

    /// Appends the UTF-8 form of scalar `c`.
    static func append(_ c: UInt32, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4) { buffer in
            guard let base = buffer.baseAddress else { return }
            let n = write(c, to: base)
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: n))
        }
    }

    /// The number of Unicode scalars in UTF-8 bytes (continuation bytes not counted), for columns.
    static func scalarCount(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        var i = start
        while i < end {
            if p[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
