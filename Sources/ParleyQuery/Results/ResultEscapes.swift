/// Escaping for the text formats (also for commands that write JSON, XML or CSV of their own).
public enum ResultEscapes {
    /// Appends `text` as a JSON string, quotes included (RFC 8259: `"`, `\` and controls escaped).
    public static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `text` as XML 1.0 character data (or, with `attribute`, an attribute value in
    /// double quotes). `&`, `<`, `>` and `"` become entities; CR, and in attributes also tab and
    /// LF, become character references so that XML's line-end and attribute normalisation keep
    /// them. XML 1.0 cannot carry other control characters, even as references: they are written
    /// as U+FFFD.
    static func appendXML(_ text: String, attribute: Bool = false, to out: inout [UInt8]) {
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? utf8.next() : pending.removeFirst() {
            switch byte {
            case 0x26: out.append(contentsOf: Array("&amp;".utf8))
            case 0x3C: out.append(contentsOf: Array("&lt;".utf8))
            case 0x3E: out.append(contentsOf: Array("&gt;".utf8))
            case 0x22 where attribute: out.append(contentsOf: Array("&quot;".utf8))
            case 0x0D: out.append(contentsOf: Array("&#xD;".utf8))
            case 0x0A where attribute: out.append(contentsOf: Array("&#xA;".utf8))
            case 0x09 where attribute: out.append(contentsOf: Array("&#x9;".utf8))
            case 0x09, 0x0A: out.append(byte)
            case 0x00..<0x20: out.append(contentsOf: replacement)
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
                guard let second = utf8.next() else { out.append(byte); continue }
                guard second == 0xBF, let third = utf8.next() else { out.append(byte); pending = [second]; continue }
                if third == 0xBE || third == 0xBF { out.append(contentsOf: replacement) } else { out.append(contentsOf: [byte, second, third]) }
            default: out.append(byte)
            }
        }
    }

    private static let replacement = Array("\u{FFFD}".utf8)

    /// Appends one CSV field (RFC 4180): in double quotes, inner quotes doubled, when it holds a
    /// quote, comma, CR or LF; as it is otherwise.
    static func appendCSVField(_ text: String, to out: inout [UInt8]) {
        let needsQuotes = text.utf8.contains { $0 == 0x22 || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return out.append(contentsOf: text.utf8) }
        out.append(0x22)
        for byte in text.utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
