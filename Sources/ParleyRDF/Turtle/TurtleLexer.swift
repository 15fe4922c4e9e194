/// Splits a Turtle document, held in memory as UTF-8 bytes, into ``TurtleToken``s.
///
/// Works on bytes with the shared character classes and escape rules; decodes `ECHAR`,
/// `UCHAR` and `PN_LOCAL_ESC` escapes and checks UTF-8 as it goes. Throws an
/// ``RDFSyntaxError`` positioned at the offending text.
struct TurtleLexer {
    private let storage: ByteStorage
    let bytes: UnsafePointer<UInt8>
    let end: Int
    private(set) var position = 0
    private var scratch: [UInt8] = []

    /// A lexer over the first `count` bytes of `storage` (skipping a UTF-8 byte order mark).
    init(storage: ByteStorage, count: Int) {
        self.storage = storage
        bytes = UnsafePointer(storage.pointer)
        end = count
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    @inline(__always)
    private func byte(at i: Int) -> UInt8? { i < end ? bytes[i] : nil }

    /// The next token; `.end` at the end of the document (and at every call after it).
    mutating func next() throws -> TurtleToken {
        skipWhitespaceAndComments()
        let start = position
        guard position < end else { return TurtleToken(kind: .end, start: end, end: end) }
        let b = bytes[position]
        switch b {
        case UInt8(ascii: "<"):
            let text = try readIRI()
            return TurtleToken(kind: .iri, start: start, end: position, text: text)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let text = try readString(quote: b)
            return TurtleToken(kind: .string, start: start, end: position, text: text)
        case UInt8(ascii: "_"):
            let label = try readBlankNodeLabel()
            return TurtleToken(kind: .blankNode, start: start, end: position, text: label)
        case UInt8(ascii: "@"):
            let tag = try readLanguageTag()
            return TurtleToken(kind: .languageTag, start: start, end: position, text: tag)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try readNumber()
        case UInt8(ascii: "."):
            if let next = byte(at: position + 1), CharacterClass.isDigit(next) { return try readNumber() }
            return punctuation(.dot)
        case UInt8(ascii: ";"): return punctuation(.semicolon)
        case UInt8(ascii: ","): return punctuation(.comma)
        case UInt8(ascii: "["): return punctuation(.openBracket)
        case UInt8(ascii: "]"): return punctuation(.closeBracket)
        case UInt8(ascii: "("): return punctuation(.openParen)
        case UInt8(ascii: ")"): return punctuation(.closeParen)
        case UInt8(ascii: "^"):
            guard byte(at: position + 1) == UInt8(ascii: "^") else {
                throw error("expected '^^', found \(foundText(at: position))", at: position)
            }
            position += 2
            return TurtleToken(kind: .datatypeMarker, start: start, end: position)
        case UInt8(ascii: ":"):
            position += 1
            let local = try readLocalName()
            return TurtleToken(kind: .prefixedName, start: start, end: position, text: local)
        default:
            return try readNameOrKeyword()
        }
    }

    private mutating func punctuation(_ kind: TurtleToken.Kind) -> TurtleToken {
        position += 1
        return TurtleToken(kind: kind, start: position - 1, end: position)
    }

    private mutating func skipWhitespaceAndComments() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D:
                position += 1
            case UInt8(ascii: "#"):
                while position < end, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            default:
                return
            }
        }
    }

    // MARK: IRIs and blank nodes

    /// `IRIREF`, decoded (not resolved). `position` is at the `<`.
    private mutating func readIRI() throws -> String {
        let open = position
        scratch.removeAll(keepingCapacity: true)
        position += 1
        while true {
            guard position < end else { throw error("unterminated IRI, expected '>'", at: open) }
            let b = bytes[position]
            if CharacterClass.isPlainIRIByte(b) {
                scratch.append(b)
                position += 1
            } else if b == UInt8(ascii: ">") {
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            } else if b == UInt8(ascii: "\\") {
                let escape = position
                let c = try readUCHAR(context: "IRI")
                guard CharacterClass.isIRIChar(c) else {
                    throw error("escape '\(escapeText(at: escape))' in IRI stands for a character not allowed in IRIs",
                                at: escape)
                }
                UTF8Scalars.append(c, to: &scratch)
            } else if b >= 0x80 {
                try copyScalar()
            } else if b == 0x0A || b == 0x0D {
                throw error("unterminated IRI, expected '>'", at: open)
            } else {
                throw error("invalid character \(SyntaxText.describe(byte: b)) in IRI", at: position)
            }
        }
    }

    /// `'_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?`; returns the label.
    private mutating func readBlankNodeLabel() throws -> String {
        guard byte(at: position + 1) == UInt8(ascii: ":") else {
            throw error("expected ':' after '_' in blank node, found \(foundText(at: position + 1))", at: position + 1)
        }
        position += 2
        let labelStart = position
        guard position < end, let (first, length) = UTF8Scalars.decode(bytes, position, end),
              CharacterClass.isNameStartOrUnderscore(first) || (first >= 0x30 && first <= 0x39) else {
            throw error("expected blank node label after '_:', found \(foundText(at: position))", at: position)
        }
        position += length
        var labelEnd = position
        while position < end {
            guard let (c, length) = UTF8Scalars.decode(bytes, position, end) else { break }
            if c == 0x2E {
                position += 1
            } else if CharacterClass.isNameChar(c) {
                position += length
                labelEnd = position
            } else {
                break
            }
        }
        position = labelEnd
        return String(decoding: UnsafeBufferPointer(start: bytes + labelStart, count: labelEnd - labelStart),
                      as: UTF8.self)
    }

    // MARK: Strings

    /// Any of `"…"`, `'…'`, `"""…"""`, `'''…'''`; returns the decoded lexical form.
    private mutating func readString(quote: UInt8) throws -> String {
        let open = position
        scratch.removeAll(keepingCapacity: true)
        let long = byte(at: position + 1) == quote && byte(at: position + 2) == quote
        position += long ? 3 : 1
        while true {
            guard position < end else { throw error("unterminated string literal", at: open) }
            let b = bytes[position]
            if b == quote {
                if !long {
                    position += 1
                    break
                }
                if byte(at: position + 1) == quote && byte(at: position + 2) == quote {
                    position += 3
                    break
                }
                scratch.append(b)
                position += 1
            } else if b == UInt8(ascii: "\\") {
                try readStringEscape()
            } else if b >= 0x80 {
                try copyScalar()
            } else if !long && (b == 0x0A || b == 0x0D) {
                throw error("unterminated string literal", at: open)
            } else {
                scratch.append(b)
                position += 1
            }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    private mutating func readStringEscape() throws {
        if let next = byte(at: position + 1), let decoded = Escapes.echar(next) {
            scratch.append(decoded)
            position += 2
            return
        }
        UTF8Scalars.append(try readUCHAR(context: "string"), to: &scratch)
    }

    /// `\uXXXX` or `\UXXXXXXXX` at `position`; consumes it and returns its scalar.
    private mutating func readUCHAR(context: String) throws -> UInt32 {
        let escape = position
        guard let kind = byte(at: position + 1), kind == UInt8(ascii: "u") || kind == UInt8(ascii: "U") else {
            throw error("invalid escape '\(escapeText(at: escape))' in \(context)", at: escape)
        }
        let digits = kind == UInt8(ascii: "u") ? 4 : 8
        guard let c = Escapes.hexCodePoint(bytes, position + 2, end, count: digits) else {
            throw error("invalid escape '\(escapeText(at: escape))' in \(context): expected \(digits) hex digits",
                        at: escape)
        }
        guard UTF8Scalars.isScalar(c) else {
            throw error("escape '\(escapeText(at: escape))' in \(context) is not a Unicode scalar value", at: escape)
        }
        position += 2 + digits
        return c
    }

    /// Copies the multi-byte UTF-8 scalar at `position` to `scratch`, checking it.
    private mutating func copyScalar() throws {
        guard let (_, length) = UTF8Scalars.decodeMultibyte(bytes, position, end) else {
            throw error("invalid UTF-8 byte 0x\(String(bytes[position], radix: 16, uppercase: true))", at: position)
        }
        scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + position, count: length))
        position += length
    }

    // MARK: Language tags and numbers

    /// `'@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`; returns the tag without `@`.
    private mutating func readLanguageTag() throws -> String {
        position += 1
        let tagStart = position
        guard let first = byte(at: position), CharacterClass.isASCIILetter(first) else {
            throw error("expected language tag or directive after '@', found \(foundText(at: position))", at: position)
        }
        while let b = byte(at: position), CharacterClass.isASCIILetter(b) { position += 1 }
        while byte(at: position) == UInt8(ascii: "-") {
            guard let b = byte(at: position + 1), CharacterClass.isASCIILetter(b) || CharacterClass.isDigit(b) else {
                throw error("expected letters or digits after '-' in language tag, found \(foundText(at: position + 1))",
                            at: position + 1)
            }
            position += 1
            while let b = byte(at: position), CharacterClass.isASCIILetter(b) || CharacterClass.isDigit(b) {
                position += 1
            }
        }
        return String(decoding: UnsafeBufferPointer(start: bytes + tagStart, count: position - tagStart), as: UTF8.self)
    }

    /// `INTEGER`, `DECIMAL` or `DOUBLE`; the token's text is the lexical form as written.
    private mutating func readNumber() throws -> TurtleToken {
        let start = position
        if bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        while let b = byte(at: position), CharacterClass.isDigit(b) { position += 1 }
        let integerDigits = position - integerStart
        var kind = TurtleToken.Kind.integer
        if byte(at: position) == UInt8(ascii: "."), let next = byte(at: position + 1) {
            if CharacterClass.isDigit(next) {
                position += 1
                while let b = byte(at: position), CharacterClass.isDigit(b) { position += 1 }
                kind = .decimal
            } else if integerDigits > 0, next | 0x20 == UInt8(ascii: "e"), isExponent(at: position + 1) {
                position += 1
                kind = .decimal  // becomes a double below
            }
        }
        if integerDigits == 0 && kind == .integer {
            throw error("expected a number, found \(foundText(at: start))", at: start)
        }
        if let e = byte(at: position), e | 0x20 == UInt8(ascii: "e"), isExponent(at: position) {
            position += 1
            if bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            while let b = byte(at: position), CharacterClass.isDigit(b) { position += 1 }
            kind = .double
        }
        let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: position - start), as: UTF8.self)
        return TurtleToken(kind: kind, start: start, end: position, text: text)
    }

    /// Whether an exponent (`[eE] [+-]? [0-9]+`) starts at `i`.
    private func isExponent(at i: Int) -> Bool {
        var j = i + 1
        if let sign = byte(at: j), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { j += 1 }
        guard let digit = byte(at: j) else { return false }
        return CharacterClass.isDigit(digit)
    }

    // MARK: Names

    /// `PNAME_NS`/`PNAME_LN`, or one of the bare words `a`, `true`, `false`, `PREFIX`, `BASE`.
    private mutating func readNameOrKeyword() throws -> TurtleToken {
        let start = position
        guard let (first, firstLength) = UTF8Scalars.decode(bytes, position, end) else {
            throw error("invalid UTF-8 byte 0x\(String(bytes[position], radix: 16, uppercase: true))", at: position)
        }
        guard CharacterClass.isNameStart(first) else {
            throw error("unexpected \(foundText(at: position))", at: position)
        }
        position += firstLength
        var nameEnd = position
        while position < end, let (c, length) = UTF8Scalars.decode(bytes, position, end) {
            if c == 0x2E {
                position += length
            } else if CharacterClass.isNameChar(c) {
                position += length
                nameEnd = position
            } else {
                break
            }
        }
        position = nameEnd
        let name = String(decoding: UnsafeBufferPointer(start: bytes + start, count: nameEnd - start), as: UTF8.self)
        if byte(at: position) == UInt8(ascii: ":") {
            position += 1
            let local = try readLocalName()
            return TurtleToken(kind: .prefixedName, start: start, end: position, text: local, prefix: name)
        }
        let kind: TurtleToken.Kind
        switch name {
        case "a": kind = .a
        case "true": kind = .true
        case "false": kind = .false
        default:
            switch name.uppercased() {
            case "PREFIX": kind = .prefixKeyword
            case "BASE": kind = .baseKeyword
            default:
                throw error("unexpected '\(name)', expected a prefixed name ('\(name):…'), 'a', 'true' or 'false'",
                            at: start)
            }
        }
        return TurtleToken(kind: kind, start: start, end: position, text: name)
    }

    /// `PN_LOCAL` after the colon, possibly empty; returns it with escapes decoded.
    private mutating func readLocalName() throws -> String {
        scratch.removeAll(keepingCapacity: true)
        var goodPosition = position, goodCount = 0
        var first = true
        while position < end {
            let b = bytes[position]
            if b == UInt8(ascii: "%") {
                guard let h1 = byte(at: position + 1), let h2 = byte(at: position + 2),
                      CharacterClass.hexValue(h1) != nil, CharacterClass.hexValue(h2) != nil else {
                    throw error("expected two hex digits after '%' in prefixed name, found \(foundText(at: position + 1))",
                                at: position)
                }
                scratch.append(contentsOf: [b, h1, h2])
                position += 3
            } else if b == UInt8(ascii: "\\") {
                guard let escaped = byte(at: position + 1), Self.isLocalEscapable(escaped) else {
                    throw error("invalid escape '\(escapeText(at: position))' in prefixed name", at: position)
                }
                scratch.append(escaped)
                position += 2
            } else if b == UInt8(ascii: ":") {
                scratch.append(b)
                position += 1
            } else if b == UInt8(ascii: ".") {
                if first { break }
                scratch.append(b)
                position += 1
                continue  // a name never ends with an unescaped '.'
            } else {
                guard let (c, length) = UTF8Scalars.decode(bytes, position, end) else { break }
                let allowed = first
                    ? CharacterClass.isNameStartOrUnderscore(c) || (c >= 0x30 && c <= 0x39)
                    : CharacterClass.isNameChar(c)
                guard allowed else { break }
                scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + position, count: length))
                position += length
            }
            first = false
            goodPosition = position
            goodCount = scratch.count
        }
        position = goodPosition
        return String(decoding: scratch[..<goodCount], as: UTF8.self)
    }

    /// The characters `PN_LOCAL_ESC` may escape: `_~.-!$&'()*+,;=/?#@%`.
    static func isLocalEscapable(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "!"),
             UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
             UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    // MARK: Positions and messages

    /// An error at byte offset `offset`, with its line and column (Unicode scalars) computed.
    func error(_ message: String, at offset: Int) -> RDFSyntaxError {
        RDFSyntaxError(message, at: textPosition(of: offset))
    }

    /// The line and column of byte offset `offset`. Lines end at LF, CR or CRLF.
    func textPosition(of offset: Int) -> TextPosition {
        let target = min(max(offset, 0), end)
        var line = 1, lineStart = 0, i = 0
        while i < target {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && byte(at: i + 1) != 0x0A) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        let column = 1 + UTF8Scalars.scalarCount(bytes, from: lineStart, to: target)
        return TextPosition(line: line, column: column, offset: target)
    }

    /// The text at `offset`, quoted, or "end of input".
    func foundText(at offset: Int) -> String {
        guard offset < end else { return "end of input" }
        if bytes[offset] == 0x0A || bytes[offset] == 0x0D { return "end of line" }
        return "'" + SyntaxText.quote(bytes, from: offset, to: SyntaxText.tokenEnd(bytes, from: offset, to: end)) + "'"
    }

    /// A token's own text, quoted, or "end of input".
    func quoted(_ token: TurtleToken) -> String {
        guard token.kind != .end else { return "end of input" }
        return "'" + SyntaxText.quote(bytes, from: token.start, to: token.end) + "'"
    }

    private func escapeText(at i: Int) -> String {
        var j = i + 1
        if let kind = byte(at: j) {
            let digits = kind == UInt8(ascii: "u") ? 4 : kind == UInt8(ascii: "U") ? 8 : 0
            j += 1
            var taken = 0
            while taken < digits, let b = byte(at: j), CharacterClass.hexValue(b) != nil { j += 1; taken += 1 }
        }
        return SyntaxText.quote(bytes, from: i, to: min(j, end))
    }
}
