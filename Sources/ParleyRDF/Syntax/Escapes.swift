/// Escape sequences of the RDF text syntaxes, in both directions: what a reader decodes
/// (`ECHAR`, `UCHAR`) and how a writer escapes IRIs, strings and blank node labels so that
/// every reader accepts them and reads back the same term.
enum Escapes {
    /// The byte an `ECHAR` (`\t \b \n \r \f \" \' \\`) stands for, given the byte after the
    /// backslash, or `nil` when that is not a string escape.
    @inline(__always)
    static func echar(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "\""): return 0x22
        case UInt8(ascii: "'"): return 0x27
        case UInt8(ascii: "\\"): return 0x5C
        default: return nil
        }
    }

    /// Reads the hex digits of a `UCHAR` (`count` is 4 or 8) at `p[i]`. Returns the code point
    /// (not yet checked to be a scalar), or `nil` when the digits are missing or not hex.
    @inline(__always)
    static func hexCodePoint(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int, count: Int) -> UInt32? {
        guard end - i >= count else { return nil }
        var value: UInt32 = 0
        for k in 0..<count {
            guard let digit = CharacterClass.hexValue(p[i + k]) else { return nil }
            value = (value << 4) | digit
        }
        return value
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `\uXXXX`, or `\UXXXXXXXX` above U+FFFF.
    static func appendUCHAR(_ c: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        let digits = c > 0xFFFF ? 8 : 4
        out.append(digits == 8 ? UInt8(ascii: "U") : UInt8(ascii: "u"))
        for k in stride(from: digits - 1, through: 0, by: -1) {
            out.append(hexDigits[Int((c >> UInt32(4 * k)) & 0xF)])
        }
    }

    /// Appends `<iri>`, writing characters not allowed in an `IRIREF` as `UCHAR`s. Other
    /// characters, including non-ASCII ones, are written as they are.
    static func appendIRI(_ iri: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        var runStart = 0
        for (i, b) in iri.enumerated() where b < 0x80 && !CharacterClass.isPlainIRIByte(b) {
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: iri[runStart..<i]))
            appendUCHAR(UInt32(b), to: &out)
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: iri[runStart...]))
        out.append(UInt8(ascii: ">"))
    }

    /// Appends `"lexical"` in canonical N-Triples form: `\"`, `\\`, `\n` and `\r` escaped,
    /// every other character as UTF-8. Also valid as a Turtle short string.
    static func appendQuotedString(_ lexical: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        for (i, b) in lexical.enumerated() {
            let escaped: UInt8
            switch b {
            case 0x22: escaped = UInt8(ascii: "\"")
            case 0x5C: escaped = UInt8(ascii: "\\")
            case 0x0A: escaped = UInt8(ascii: "n")
            case 0x0D: escaped = UInt8(ascii: "r")
            default: continue
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: lexical[runStart..<i]))
            out.append(UInt8(ascii: "\\"))
            out.append(escaped)
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: lexical[runStart...]))
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `"lexical"` for Turtle: like ``appendQuotedString(_:to:)``, but control
    /// characters other than tab (U+0000–U+001F, U+007F) are written as `\uXXXX`, so readers
    /// that mishandle raw control bytes still read back the same string.
    static func appendTurtleString(_ lexical: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        for (i, b) in lexical.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F {
            guard b != 0x09 else { continue }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: lexical[runStart..<i]))
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            default: appendUCHAR(UInt32(b), to: &out)
            }
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: lexical[runStart...]))
        out.append(UInt8(ascii: "\""))
    }

    /// The prefix of rewritten blank node labels; see ``appendBlankNode(_:to:)``.
    static let rewrittenLabelPrefix: [UInt8] = Array("x-".utf8)

    /// Appends `_:label`. A label that is a valid `BLANK_NODE_LABEL` and does not start with
    /// `x-` is written as it is; any other label is written as `x-` followed by the lowercase
    /// hex of its UTF-8 bytes. The rewriting is deterministic and injective: distinct labels
    /// stay distinct, so the written graph is isomorphic to the original.
    static func appendBlankNode(_ label: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "_"))
        out.append(UInt8(ascii: ":"))
        if CharacterClass.isBlankNodeLabel(label) && !label.starts(with: rewrittenLabelPrefix) {
            out.append(contentsOf: label)
            return
        }
        out.append(contentsOf: rewrittenLabelPrefix)
        let lower: [UInt8] = Array("0123456789abcdef".utf8)
        for b in label {
            out.append(lower[Int(b >> 4)])
            out.append(lower[Int(b & 0xF)])
        }
    }
}
