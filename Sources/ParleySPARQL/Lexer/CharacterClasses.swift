/// The character classes of the SPARQL grammar (§19.8), on Unicode scalar values.
enum CharacterClass {
    /// `PN_CHARS_BASE`.
    static func isBase(_ c: UInt32) -> Bool {
        switch c {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            true
        default: false
        }
    }

    /// `PN_CHARS_U`.
    static func isBaseOrUnderscore(_ c: UInt32) -> Bool { c == 0x5F || isBase(c) }

    static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    /// `PN_CHARS`.
    static func isNameChar(_ c: UInt32) -> Bool {
        isBaseOrUnderscore(c) || c == 0x2D || isDigit(c) || c == 0xB7 || (0x300...0x36F).contains(c)
            || (0x203F...0x2040).contains(c)
    }

    /// The first character of `VARNAME`.
    static func isVariableStart(_ c: UInt32) -> Bool { isBaseOrUnderscore(c) || isDigit(c) }

    /// Later characters of `VARNAME`.
    static func isVariableChar(_ c: UInt32) -> Bool {
        isBaseOrUnderscore(c) || isDigit(c) || c == 0xB7 || (0x300...0x36F).contains(c)
            || (0x203F...0x2040).contains(c)
    }

    /// The characters `PN_LOCAL_ESC` allows after `\`.
    static func isLocalEscapable(_ b: UInt8) -> Bool {
        "_~.-!$&'()*+,;=/?#@%".utf8.contains(b)
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// `WS` (the grammar's white space, used inside `NIL` and `ANON`).
    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
}
