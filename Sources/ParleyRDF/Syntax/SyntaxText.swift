/// Quoting source text in error messages: which bytes make up "the token at this position",
/// and how to show them safely (control characters escaped, long tokens shortened).
enum SyntaxText {
    /// How many bytes of a token an error message quotes at most.
    static let quoteLimit = 60

    /// The end of the token starting at `i`: an `<IRI>`, a `"string"`, or a run of bytes up to
    /// whitespace. Never beyond `end`, and at least one byte.
    static func tokenEnd(_ p: UnsafePointer<UInt8>, from i: Int, to end: Int) -> Int {
        guard i < end else { return end }
        let closing: UInt8?
        switch p[i] {
        case UInt8(ascii: "<"): closing = UInt8(ascii: ">")
        case UInt8(ascii: "\""): closing = UInt8(ascii: "\"")
        case UInt8(ascii: "'"): closing = UInt8(ascii: "'")
        default: closing = nil
        }
        var j = i + 1
        while j < end {
            let b = p[j]
            if b == 0x0A || b == 0x0D { break }
            if let closing {
                if b == UInt8(ascii: "\\") { j += 2; continue }
                if b == closing { j += 1; break }
            } else if b == 0x20 || b == 0x09 {
                break
            }
            j += 1
        }
        return min(j, end)
    }

    /// The bytes as text for a message: invalid UTF-8 replaced, control characters escaped,
    /// and cut at ``quoteLimit`` bytes with an ellipsis.
    static func quote(_ p: UnsafePointer<UInt8>, from i: Int, to j: Int) -> String {
        let cut = min(j, i + quoteLimit)
        let text = String(decoding: UnsafeBufferPointer(start: p + i, count: max(0, cut - i)), as: UTF8.self)
        var shown = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return cut < j ? shown + "…" : shown
    }

    /// One byte for a message: `' '` for printable ASCII, `U+0009` style otherwise.
    static func describe(byte b: UInt8) -> String {
        if b > 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        let hex = String(b, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
