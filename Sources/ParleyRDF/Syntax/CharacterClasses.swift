/// The character classes of the RDF 1.1 grammars (N-Triples, N-Quads, Turtle), shared by every
/// reader and writer so that they agree on what a blank node label, a prefixed name or an
/// IRI may contain. Functions take Unicode scalar values (`UInt32`) or single ASCII bytes.
enum CharacterClass {
    /// `PN_CHARS_BASE`: letters and the Unicode ranges Turtle allows at the start of a name.
    @inline(__always)
    static func isNameStart(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        switch c {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    /// `PN_CHARS_U`: `PN_CHARS_BASE` or `_`. (The N-Triples grammar once added `:`; the W3C
    /// tests reject it, as Turtle does, so both syntaxes use this definition.)
    @inline(__always)
    static func isNameStartOrUnderscore(_ c: UInt32) -> Bool {
        c == 0x5F || isNameStart(c)
    }

    /// `PN_CHARS`: `PN_CHARS_U`, `-`, digits, U+00B7, U+0300–U+036F, U+203F–U+2040.
    @inline(__always)
    static func isNameChar(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return c == 0x5F || c == 0x2D || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
        }
        switch c {
        case 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isNameStart(c)
        }
    }

    /// Whether `c` may appear unescaped in an `IRIREF`: not `#x00-#x20`, `<>"{}|^` or backquote
    /// or backslash.
    @inline(__always)
    static func isIRIChar(_ c: UInt32) -> Bool {
        if c > 0x7F { return true }
        return isPlainIRIByte(UInt8(truncatingIfNeeded: c))
    }

    /// An ASCII byte allowed as-is inside `<…>` (the backslash starting an escape is not).
    @inline(__always)
    static func isPlainIRIByte(_ b: UInt8) -> Bool {
        // Bit masks over 0x00–0x3F and 0x40–0x7F of the allowed bytes.
        // Low: 0x21…0x3F except '"' (0x22), '<' (0x3C), '>' (0x3E).
        // High: 0x40…0x7F except '\' (0x5C), '^' (0x5E), '`' (0x60), '{' '|' '}' (0x7B–0x7D).
        let low: UInt64 = 0xAFFF_FFFA_0000_0000
        let high: UInt64 = 0xC7FF_FFFE_AFFF_FFFF
        if b < 0x40 { return (low >> UInt64(b)) & 1 == 1 }
        if b < 0x80 { return (high >> UInt64(b &- 0x40)) & 1 == 1 }
        return false
    }

    @inline(__always)
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The value of a hexadecimal digit, or `nil`.
    @inline(__always)
    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b &- 0x30)
        case 0x41...0x46: return UInt32(b &- 0x37)
        case 0x61...0x66: return UInt32(b &- 0x57)
        default: return nil
        }
    }

    /// Whether the bytes start with a URI scheme and its colon
    /// (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`), as an absolute IRI does.
    static func hasScheme(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first, isASCIILetter(first) else { return false }
        for b in bytes.dropFirst() {
            if b == UInt8(ascii: ":") { return true }
            if !(isASCIILetter(b) || isDigit(b) || b == 0x2B || b == 0x2D || b == 0x2E) { return false }
        }
        return false
    }

    /// Whether `bytes` (UTF-8) form a valid `BLANK_NODE_LABEL` after `_:`:
    /// `(PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?`.
    static func isBlankNodeLabel(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        var i = 0
        var first = true
        var lastWasDot = false
        while i < bytes.count {
            guard let (c, length) = UTF8Scalars.decode(base, i, bytes.count) else { return false }
            if first {
                guard isNameStartOrUnderscore(c) || (c >= 0x30 && c <= 0x39) else { return false }
                first = false
                lastWasDot = false
            } else if c == 0x2E {
                lastWasDot = true
            } else {
                guard isNameChar(c) else { return false }
                lastWasDot = false
            }
            i += length
        }
        return !lastWasDot
    }
}
