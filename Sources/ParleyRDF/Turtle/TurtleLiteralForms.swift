/// Which Turtle shorthand forms read back exactly to a given term: bare numbers and booleans,
/// and the local part of a prefixed name. Used by ``TurtleSerializer``.
enum TurtleLiteralForms {
    private static let xsd = Array("http://www.w3.org/2001/XMLSchema#".utf8)

    /// Whether `lexical` may be written bare: its datatype is `xsd:integer`, `xsd:decimal`,
    /// `xsd:double` or `xsd:boolean` and the grammar's `INTEGER`, `DECIMAL`, `DOUBLE` or
    /// `BooleanLiteral` matches the whole lexical form.
    static func isNative(_ lexical: UnsafeRawBufferPointer, datatype: UnsafeRawBufferPointer) -> Bool {
        guard datatype.starts(with: xsd) else { return false }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: datatype[xsd.count...]), as: UTF8.self)
        let text = Array(lexical)
        switch name {
        case "integer": return matchNumber(text) == .integer
        case "decimal": return matchNumber(text) == .decimal
        case "double": return matchNumber(text) == .double
        case "boolean": return text == Array("true".utf8) || text == Array("false".utf8)
        default: return false
        }
    }

    enum NumberForm { case integer, decimal, double }

    /// Which numeric token the whole of `text` is, if any.
    static func matchNumber(_ text: [UInt8]) -> NumberForm? {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < text.count, CharacterClass.isDigit(text[i]) { i += 1 }
            return i - start
        }
        if i < text.count, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") { i += 1 }
        let integerDigits = digits()
        var fractionDigits = 0
        var hasDot = false
        if i < text.count, text[i] == UInt8(ascii: ".") {
            hasDot = true
            i += 1
            fractionDigits = digits()
        }
        if i == text.count {
            if !hasDot { return integerDigits > 0 ? .integer : nil }
            return fractionDigits > 0 ? .decimal : nil
        }
        guard text[i] | 0x20 == UInt8(ascii: "e"), integerDigits > 0 || fractionDigits > 0 else { return nil }
        i += 1
        if i < text.count, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0, i == text.count else { return nil }
        return .double
    }

    /// The local part of a prefixed name spelling `local` exactly (`PN_LOCAL`, escaping with
    /// `PN_LOCAL_ESC` where needed), or `nil` when it cannot be written as one.
    static func localName(_ local: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let p = local.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
        var out: [UInt8] = []
        var i = 0
        while i < local.count {
            guard let (c, length) = UTF8Scalars.decode(p, i, local.count) else { return nil }
            let first = i == 0, last = i + length == local.count
            if c < 0x80 {
                let b = UInt8(c)
                switch b {
                case UInt8(ascii: "%"):
                    if i + 2 < local.count, CharacterClass.hexValue(p[i + 1]) != nil,
                       CharacterClass.hexValue(p[i + 2]) != nil {
                        out.append(contentsOf: [b, p[i + 1], p[i + 2]])
                        i += 3
                        continue
                    }
                    out.append(contentsOf: [UInt8(ascii: "\\"), b])
                case UInt8(ascii: ":"), UInt8(ascii: "_"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    out.append(b)
                case UInt8(ascii: "-"), UInt8(ascii: "."):
                    if first || (last && b == UInt8(ascii: ".")) { out.append(UInt8(ascii: "\\")) }
                    out.append(b)
                case _ where CharacterClass.isASCIILetter(b):
                    out.append(b)
                case _ where TurtleLexer.isLocalEscapable(b):
                    out.append(contentsOf: [UInt8(ascii: "\\"), b])
                default:
                    return nil
                }
            } else {
                let allowed = first ? CharacterClass.isNameStartOrUnderscore(c) : CharacterClass.isNameChar(c)
                guard allowed else { return nil }
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: local[i..<(i + length)]))
            }
            i += length
        }
        return out
    }
}
