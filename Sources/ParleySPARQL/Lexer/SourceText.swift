import ParleyRDF

/// The query text as the lexer reads it: UTF-8 bytes with `\u`/`\U` code point escapes already
/// decoded (SPARQL §19.2 says they are replaced before parsing, in one pass, so a decoded `\`
/// never starts another escape), plus the map back to positions in the text as written.
struct SourceText: Sendable {
    /// The bytes after escape decoding.
    let bytes: [UInt8]
    /// The bytes as written, for line and column numbers.
    let original: [UInt8]
    /// Pairs (offset in `bytes`, offset in `original`) just after each decoded escape.
    private let anchors: [(decoded: Int, original: Int)]

    init(_ text: String) throws(SPARQLSyntaxError) {
        let input = Array(text.utf8)
        original = input
        guard input.contains(UInt8(ascii: "\\")) else {
            bytes = input
            anchors = []
            return
        }
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var marks: [(decoded: Int, original: Int)] = []
        var i = 0
        while i < input.count {
            let b = input[i]
            guard b == UInt8(ascii: "\\"), i + 1 < input.count else {
                out.append(b)
                i += 1
                continue
            }
            let next = input[i + 1]
            if next == UInt8(ascii: "\\") {
                // An escaped backslash stays as written, so `"\\u0041"` keeps its `u0041`.
                out.append(b)
                out.append(next)
                i += 2
                continue
            }
            let width = next == UInt8(ascii: "u") ? 4 : next == UInt8(ascii: "U") ? 8 : 0
            guard width > 0 else {
                out.append(b)
                i += 1
                continue
            }
            var value: UInt32 = 0
            var digits = 0
            while digits < width, i + 2 + digits < input.count, let h = hexValue(input[i + 2 + digits]) {
                value = value << 4 | UInt32(h)
                digits += 1
            }
            let escapeText = String(decoding: input[i..<min(input.count, i + 2 + width)], as: UTF8.self)
            guard digits == width else {
                let position = Self.lineColumn(input, upTo: i)
                throw SPARQLSyntaxError(.invalidEscape(escapeText), at: position)
            }
            guard let scalar = Unicode.Scalar(value) else {
                let position = Self.lineColumn(input, upTo: i)
                throw SPARQLSyntaxError(.invalidEscape(escapeText + " (not a Unicode scalar)"), at: position)
            }
            out.append(contentsOf: Array(String(scalar).utf8))
            i += 2 + width
            marks.append((out.count, i))
        }
        bytes = out
        anchors = marks
    }

    /// The offset in the text as written that corresponds to `offset` in the decoded bytes.
    func originalOffset(_ offset: Int) -> Int {
        guard !anchors.isEmpty else { return offset }
        var lo = 0, hi = anchors.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if anchors[mid].decoded <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return offset }
        let anchor = anchors[lo - 1]
        return anchor.original + (offset - anchor.decoded)
    }

    /// Line and column (1-based, columns in Unicode scalars) of `offset` in `bytes` as written.
    static func lineColumn(_ bytes: [UInt8], upTo offset: Int) -> TextPosition {
        var tracker = PositionTracker()
        return tracker.advance(over: bytes, to: min(offset, bytes.count), reporting: offset)
    }
}

/// Turns decoded-byte offsets into positions, walking forward from the last answer so that
/// positions asked for in increasing order cost O(n) in all.
struct PositionTracker: Sendable {
    private var offset = 0
    private var line = 1
    private var column = 1

    mutating func position(of decodedOffset: Int, in source: SourceText) -> TextPosition {
        let target = min(source.originalOffset(decodedOffset), source.original.count)
        return advance(over: source.original, to: target, reporting: target)
    }

    /// Counts lines and columns (a column per UTF-8 lead byte) up to byte `target` of `bytes`,
    /// starting again from the top when `target` lies behind the last answer.
    mutating func advance(over bytes: [UInt8], to target: Int, reporting reported: Int) -> TextPosition {
        if target < offset {
            offset = 0
            line = 1
            column = 1
        }
        while offset < target {
            let b = bytes[offset]
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return TextPosition(line: line, column: column, offset: reported)
    }
}

func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
    default: nil
    }
}
