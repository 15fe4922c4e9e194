import ParleyRDF

/// The SPARQL 1.1 tokenizer: reads UTF-8 bytes and hands out one ``Token`` at a time.
///
/// It works on bytes and decodes a Unicode scalar only where the grammar's character classes
/// need one. Code point escapes (`\u`, `\U`) are decoded once, before tokenizing, as §19.2
/// specifies. It never loops without consuming input: every call to ``next()`` either consumes
/// at least one byte, returns `.end`, or throws.
public struct Lexer: Sendable {
    private let source: SourceText
    private var bytes: [UInt8] { source.bytes }
    private var index = 0
    private var tracker = PositionTracker()

    /// A lexer over `text`. Throws when a `\u`/`\U` escape is malformed or names a surrogate.
    public init(_ text: String) throws(SPARQLSyntaxError) {
        source = try SourceText(text)
    }

    /// All tokens of `text`, ending with `.end`.
    public static func tokens(_ text: String) throws(SPARQLSyntaxError) -> [Token] {
        var lexer = try Lexer(text)
        var out: [Token] = []
        while true {
            let token = try lexer.next()
            out.append(token)
            if case .end = token.kind { return out }
        }
    }

    /// The decoded-byte offset the next call to ``next()`` starts reading at.
    var offset: Int { index }

    /// After ``next()`` threw for a token read from `offset`, moves past the bad token so a
    /// tolerant scan (``TokenScan``) can go on: past the closing quote of a string with a bad
    /// escape, else past the character where reading failed. Returns `false` when the rest of
    /// the text is one unterminated string. The parser never calls it.
    mutating func skipBadToken(from offset: Int) -> Bool {
        let failedAt = index
        index = offset
        skipWhitespaceAndComments()
        guard let first = byte(index) else { return false }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") { return skipString(quote: first) }
        index = max(index, failedAt)
        index += scalar(index)?.length ?? 0
        return true
    }

    /// Moves past the string starting at `index` by the rules of ``scanString(quote:)``, taking
    /// any escape as two bytes; `false` if it runs to the end of the text.
    private mutating func skipString(quote: UInt8) -> Bool {
        let long = byte(index + 1) == quote && byte(index + 2) == quote
        index += long ? 3 : 1
        while let b = byte(index) {
            if b == UInt8(ascii: "\\") {
                index += 2
            } else if b == quote && (!long || (byte(index + 1) == quote && byte(index + 2) == quote)) {
                // A long string may end in one or two quotes before its closing three.
                let end = index + (long ? 3 : 1)
                index = end
                while long, byte(index) == quote, index - end < 2 { index += 1 }
                return true
            } else if !long && (b == 0x0A || b == 0x0D) {
                return false
            } else {
                index += 1
            }
        }
        return false
    }

    /// The position of decoded-byte `offset` in the text as written.
    mutating func position(_ offset: Int) -> TextPosition {
        tracker.position(of: offset, in: source)
    }

    private func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self)
    }

    /// The Unicode scalar value at `at` and its length in bytes (bytes come from a `String`,
    /// so they are valid UTF-8).
    private func scalar(_ at: Int) -> (value: UInt32, length: Int)? {
        guard at < bytes.count else { return nil }
        let b0 = UInt32(bytes[at])
        if b0 < 0x80 { return (b0, 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard at + length <= bytes.count else { return (b0, 1) }
        var value = b0 & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[at + k]) & 0x3F) }
        return (value, length)
    }

    private mutating func make(_ kind: Token.Kind, from start: Int) -> Token {
        Token(kind, text: text(start, index), position: position(start))
    }

    private mutating func fail(_ reason: SPARQLSyntaxError.Reason, at offset: Int) -> SPARQLSyntaxError {
        SPARQLSyntaxError(reason, at: position(offset))
    }

    private mutating func skipWhitespaceAndComments() {
        while let b = byte(index) {
            if CharacterClass.isWhitespace(b) {
                index += 1
            } else if b == UInt8(ascii: "#") {
                while let c = byte(index), c != UInt8(ascii: "\n"), c != UInt8(ascii: "\r") { index += 1 }
            } else {
                return
            }
        }
    }

    /// The next token, or `.end` at the end of the text.
    public mutating func next() throws(SPARQLSyntaxError) -> Token {
        skipWhitespaceAndComments()
        let start = index
        guard let b = byte(index) else { return make(.end, from: start) }
        switch b {
        case UInt8(ascii: "<"):
            if let iri = scanIRI() { return make(.iri(iri), from: start) }
            index += 1
            if byte(index) == UInt8(ascii: "=") {
                index += 1
                return make(.symbol(.lessOrEqual), from: start)
            }
            return make(.symbol(.less), from: start)
        case UInt8(ascii: "?"), UInt8(ascii: "$"):
            if let (c, _) = scalar(index + 1), CharacterClass.isVariableStart(c) {
                index += 1
                while let (c, n) = scalar(index), CharacterClass.isVariableChar(c) { index += n }
                return make(.variable(text(start + 1, index)), from: start)
            }
            guard b == UInt8(ascii: "?") else {
                throw fail(.expected("a variable name after '$'", found: "'$'"), at: start)
            }
            index += 1
            return make(.symbol(.question), from: start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try scanString(quote: b)
        case UInt8(ascii: "_") where byte(index + 1) == UInt8(ascii: ":"):
            return try scanBlankNodeLabel()
        case UInt8(ascii: "@"):
            index += 1
            guard let first = byte(index), CharacterClass.isASCIILetter(first) else {
                throw fail(expected("a language tag after '@'", at: index), at: start)
            }
            while let c = byte(index), CharacterClass.isASCIILetter(c) { index += 1 }
            while byte(index) == UInt8(ascii: "-"), let c = byte(index + 1), isAlphanumeric(c) {
                index += 1
                while let c = byte(index), isAlphanumeric(c) { index += 1 }
            }
            return make(.languageTag(text(start + 1, index)), from: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return scanNumber(from: start)
        case UInt8(ascii: "."):
            if let d = byte(index + 1), isDigit(d) { return scanNumber(from: start) }
            index += 1
            return make(.symbol(.dot), from: start)
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if let d = byte(index + 1), isDigit(d) || (d == UInt8(ascii: ".") && byte(index + 2).map(isDigit) == true) {
                index += 1
                return scanNumber(from: start)
            }
            index += 1
            return make(.symbol(b == UInt8(ascii: "+") ? .plus : .minus), from: start)
        case UInt8(ascii: "("):
            return bracketPair(close: UInt8(ascii: ")"), empty: .nilList, open: .openParen, from: start)
        case UInt8(ascii: "["):
            return bracketPair(close: UInt8(ascii: "]"), empty: .anon, open: .openBracket, from: start)
        case UInt8(ascii: "^"):
            if byte(index + 1) == UInt8(ascii: "^") { return symbol(.caretCaret, length: 2, from: start) }
            return symbol(.caret, length: 1, from: start)
        case UInt8(ascii: "|"):
            if byte(index + 1) == UInt8(ascii: "|") { return symbol(.or, length: 2, from: start) }
            return symbol(.pipe, length: 1, from: start)
        case UInt8(ascii: "&"):
            if byte(index + 1) == UInt8(ascii: "&") { return symbol(.and, length: 2, from: start) }
            throw fail(.unexpectedCharacter("'&' (did you mean '&&'?)"), at: start)
        case UInt8(ascii: "!"):
            if byte(index + 1) == UInt8(ascii: "=") { return symbol(.notEqual, length: 2, from: start) }
            return symbol(.bang, length: 1, from: start)
        case UInt8(ascii: ">"):
            if byte(index + 1) == UInt8(ascii: "=") { return symbol(.greaterOrEqual, length: 2, from: start) }
            return symbol(.greater, length: 1, from: start)
        case UInt8(ascii: "="): return symbol(.equal, length: 1, from: start)
        case UInt8(ascii: "{"): return symbol(.openBrace, length: 1, from: start)
        case UInt8(ascii: "}"): return symbol(.closeBrace, length: 1, from: start)
        case UInt8(ascii: ")"): return symbol(.closeParen, length: 1, from: start)
        case UInt8(ascii: "]"): return symbol(.closeBracket, length: 1, from: start)
        case UInt8(ascii: ","): return symbol(.comma, length: 1, from: start)
        case UInt8(ascii: ";"): return symbol(.semicolon, length: 1, from: start)
        case UInt8(ascii: "*"): return symbol(.star, length: 1, from: start)
        case UInt8(ascii: "/"): return symbol(.slash, length: 1, from: start)
        default:
            return try scanName(from: start)
        }
    }

    private mutating func symbol(_ s: Token.Symbol, length: Int, from start: Int) -> Token {
        index += length
        return make(.symbol(s), from: start)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    private func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || CharacterClass.isASCIILetter(b) }

    /// "Expected `what`" at `offset`: ``SPARQLSyntaxError/Reason/unexpectedEnd(expected:)`` when
    /// the text ends there, so the prompt knows more input could complete it.
    private func expected(_ what: String, at offset: Int) -> SPARQLSyntaxError.Reason {
        offset < bytes.count ? .expected(what, found: describe(at: offset)) : .unexpectedEnd(expected: what)
    }

    /// What is at `offset`, for a message: `'x'` or `end of input`.
    private func describe(at offset: Int) -> String {
        guard let (c, _) = scalar(offset), let s = Unicode.Scalar(c) else { return "end of input" }
        // Control characters (a NUL byte, say) would print raw and garble the terminal.
        if s.properties.generalCategory == .control { return "U+\(String(s.value, radix: 16, uppercase: true).leftPadded(to: 4))" }
        return "'\(Character(s))'"
    }

    /// `NIL`/`ANON` when only `WS` separates the pair, else the opening symbol.
    private mutating func bracketPair(close: UInt8, empty: Token.Kind, open: Token.Symbol, from start: Int) -> Token {
        var j = index + 1
        while let b = byte(j), CharacterClass.isWhitespace(b) { j += 1 }
        if byte(j) == close {
            index = j + 1
            return make(empty, from: start)
        }
        index += 1
        return make(.symbol(open), from: start)
    }

    /// `IRIREF`, or `nil` (consuming nothing) when the text at `<` is no IRI, so it is `<` or `<=`.
    private mutating func scanIRI() -> String? {
        var j = index + 1
        while let b = byte(j) {
            if b == UInt8(ascii: ">") {
                let iri = text(index + 1, j)
                index = j + 1
                return iri
            }
            if b <= 0x20 || "<\"{}|^`\\".utf8.contains(b) { return nil }
            j += 1
        }
        return nil
    }

    private mutating func scanBlankNodeLabel() throws(SPARQLSyntaxError) -> Token {
        let start = index
        index += 2
        guard let (c, n) = scalar(index), CharacterClass.isBaseOrUnderscore(c) || CharacterClass.isDigit(c) else {
            throw fail(expected("a blank node label after '_:'", at: index), at: start)
        }
        index += n
        skipNameCharacters()
        return make(.blankNodeLabel(text(start + 2, index)), from: start)
    }

    /// Moves past `(PN_CHARS | '.')*` that does not end in `.`: the tail of blank node labels
    /// and prefixes (a final dot ends the triple instead).
    private mutating func skipNameCharacters() {
        var lastGood = index
        while let (c, n) = scalar(index), CharacterClass.isNameChar(c) || c == 0x2E {
            index += n
            if c != 0x2E { lastGood = index }
        }
        index = lastGood
    }

    /// `INTEGER`, `DECIMAL` or `DOUBLE`, from `start` (which may hold a sign already consumed).
    private mutating func scanNumber(from start: Int) -> Token {
        var sawDigits = false
        while let b = byte(index), isDigit(b) { index += 1; sawDigits = true }
        var isDecimal = false
        if byte(index) == UInt8(ascii: "."), let d = byte(index + 1), isDigit(d) {
            index += 1
            while let b = byte(index), isDigit(b) { index += 1 }
            isDecimal = true
        } else if sawDigits, byte(index) == UInt8(ascii: "."), exponentLength(at: index + 1) > 0 {
            index += 1
        }
        let e = exponentLength(at: index)
        if e > 0 {
            index += e
            return make(.double(text(start, index)), from: start)
        }
        return make(isDecimal ? .decimal(text(start, index)) : .integer(text(start, index)), from: start)
    }

    private func exponentLength(at i: Int) -> Int {
        guard let b = byte(i), b == UInt8(ascii: "e") || b == UInt8(ascii: "E") else { return 0 }
        var j = i + 1
        if let s = byte(j), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { j += 1 }
        guard let d = byte(j), isDigit(d) else { return 0 }
        while let d = byte(j), isDigit(d) { j += 1 }
        return j - i
    }

    private mutating func scanString(quote: UInt8) throws(SPARQLSyntaxError) -> Token {
        let start = index
        let long = byte(index + 1) == quote && byte(index + 2) == quote
        index += long ? 3 : 1
        var value: [UInt8] = []
        while true {
            guard let b = byte(index) else { throw fail(.unterminatedString, at: start) }
            if b == quote {
                if !long {
                    index += 1
                    break
                }
                if byte(index + 1) == quote && byte(index + 2) == quote {
                    // A long string may end in one or two quotes before its closing three.
                    var end = index + 3
                    while byte(end) == quote, end - index < 5 { end += 1 }
                    value.append(contentsOf: repeatElement(quote, count: end - index - 3))
                    index = end
                    break
                }
                value.append(b)
                index += 1
            } else if b == UInt8(ascii: "\\") {
                guard let e = byte(index + 1) else { throw fail(.unterminatedString, at: start) }
                let decoded: UInt8
                switch e {
                case UInt8(ascii: "t"): decoded = 0x09
                case UInt8(ascii: "b"): decoded = 0x08
                case UInt8(ascii: "n"): decoded = 0x0A
                case UInt8(ascii: "r"): decoded = 0x0D
                case UInt8(ascii: "f"): decoded = 0x0C
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): decoded = e
                default:
                    throw fail(.invalidEscape("'\\\(describe(at: index + 1).dropFirst().dropLast())' in a string"), at: index)
                }
                value.append(decoded)
                index += 2
            } else if !long && (b == 0x0A || b == 0x0D) {
                throw fail(.unterminatedString, at: start)
            } else {
                value.append(b)
                index += 1
            }
        }
        return make(.string(String(decoding: value, as: UTF8.self)), from: start)
    }

    /// A prefixed name (`PNAME_NS`, `PNAME_LN`), a keyword or `a`.
    private mutating func scanName(from start: Int) throws(SPARQLSyntaxError) -> Token {
        // PN_PREFIX ::= PN_CHARS_BASE ((PN_CHARS|'.')* PN_CHARS)?
        if let (c, n) = scalar(index), CharacterClass.isBase(c) {
            index += n
            skipNameCharacters()
        }
        if byte(index) == UInt8(ascii: ":") {
            let prefix = text(start, index)
            index += 1
            let local = try scanLocalName()
            return make(.prefixedName(prefix: prefix, local: local), from: start)
        }
        // Not a prefixed name: a keyword, made of ASCII letters, digits and '_'.
        index = start
        while let b = byte(index), isAlphanumeric(b) || b == UInt8(ascii: "_") { index += 1 }
        guard index > start else {
            throw fail(.unexpectedCharacter(describe(at: start)), at: start)
        }
        let word = text(start, index)
        return make(word == "a" ? .a : .keyword(word.uppercased()), from: start)
    }

    /// `PN_LOCAL`, with `\` escapes removed and `%XX` kept. Trailing dots are left unconsumed.
    private mutating func scanLocalName() throws(SPARQLSyntaxError) -> String {
        var value: [UInt8] = []
        var lastGood = (index: index, count: 0)
        var first = true
        while true {
            guard let (c, n) = scalar(index) else { break }
            if c == 0x5C {  // '\'
                guard let e = byte(index + 1), CharacterClass.isLocalEscapable(e) else {
                    throw fail(.invalidEscape("'\\\(describe(at: index + 1).dropFirst().dropLast())' in a prefixed name"), at: index)
                }
                value.append(e)
                index += 2
            } else if c == 0x25 {  // '%' HEX HEX
                guard let h1 = byte(index + 1), let h2 = byte(index + 2), hexValue(h1) != nil, hexValue(h2) != nil else {
                    throw fail(.invalidEscape("'%' without two hex digits in a prefixed name"), at: index)
                }
                value.append(contentsOf: [0x25, h1, h2])
                index += 3
            } else if first ? (CharacterClass.isBaseOrUnderscore(c) || c == 0x3A || CharacterClass.isDigit(c))
                : (CharacterClass.isNameChar(c) || c == 0x3A || c == 0x2E) {
                value.append(contentsOf: bytes[index..<index + n])
                index += n
                if c == 0x2E {
                    first = false
                    continue
                }
            } else {
                break
            }
            first = false
            lastGood = (index, value.count)
        }
        index = lastGood.index
        return String(decoding: value[..<lastGood.count], as: UTF8.self)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
