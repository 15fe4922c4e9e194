#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terms of N-Triples: IRIs, blank nodes and literals, decoded into ``TermEncoding`` form.
extension NTriplesLineParser {
    /// `IRIREF` as a term: the kind byte, then the IRI.
    @inline(__always)
    mutating func parseIRITerm() throws {
        out[count] = TermEncoding.iri
        count += 1
        try parseIRIRef()
    }

    /// `'<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'`, which must be absolute. Writes the decoded
    /// IRI (without brackets) to `out`. `position` is at the `<`.
    @inline(__always)
    mutating func parseIRIRef() throws {
        let open = position
        let iriStart = count
        position += 1
        while true {
            var i = position
            while i < end, CharacterClass.isPlainIRIByte(bytes[i]) { i += 1 }
            if i > position {
                (out + count).update(from: bytes + position, count: i - position)
                count += i - position
                position = i
            }
            guard position < end else { throw unterminatedIRI(at: open) }
            let b = bytes[position]
            if b == UInt8(ascii: ">") {
                position += 1
                break
            } else if b == UInt8(ascii: "\\") {
                try parseIRIEscape()
            } else if b >= 0x80 {
                try copyScalar()
            } else if b == 0x0D {
                throw unterminatedIRI(at: open)
            } else {
                throw invalidIRICharacter(at: position)
            }
        }
        let iri = UnsafeRawBufferPointer(start: out + iriStart, count: count - iriStart)
        guard CharacterClass.hasScheme(iri) else { throw relativeIRI(at: open) }
    }

    /// A `UCHAR` in an IRI, which must stand for a character an IRI may hold.
    private mutating func parseIRIEscape() throws {
        let c = try parseUCHAR(context: "IRI")
        guard CharacterClass.isIRIChar(c) else {
            throw error("escape '\(escapeText(at: position))' in IRI stands for a character not allowed in IRIs",
                        at: position)
        }
        count += UTF8Scalars.write(c, to: out + count)
        position += bytes[position + 1] == UInt8(ascii: "U") ? 10 : 6
    }

    /// Reads the `\u`/`\U` escape at `position` without consuming it; returns its scalar.
    private func parseUCHAR(context: String) throws -> UInt32 {
        let next = position + 1
        guard next < end, bytes[next] == UInt8(ascii: "u") || bytes[next] == UInt8(ascii: "U") else {
            throw invalidEscape(in: context)
        }
        let digits = bytes[next] == UInt8(ascii: "u") ? 4 : 8
        guard let c = Escapes.hexCodePoint(bytes, next + 1, end, count: digits) else {
            throw invalidEscape(in: context, expectedDigits: digits)
        }
        guard UTF8Scalars.isScalar(c) else {
            throw error("escape '\(escapeText(at: position))' in \(context) is not a Unicode scalar value",
                        at: position)
        }
        return c
    }

    /// Copies one multi-byte UTF-8 scalar at `position`, checking it.
    @inline(__always)
    private mutating func copyScalar() throws {
        guard let (_, length) = UTF8Scalars.decodeMultibyte(bytes, position, end) else {
            throw invalidUTF8(at: position)
        }
        (out + count).update(from: bytes + position, count: length)
        count += length
        position += length
    }

    /// `'_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?`. `position` is at the `_`.
    mutating func parseBlankNode() throws {
        guard position + 1 < end, bytes[position + 1] == UInt8(ascii: ":") else {
            throw expected("':' after '_' in blank node", at: position + 1)
        }
        position += 2
        let labelStart = position
        guard position < end, let (first, firstLength) = UTF8Scalars.decode(bytes, position, end),
              CharacterClass.isNameStartOrUnderscore(first) || (first >= 0x30 && first <= 0x39)
        else {
            throw expected("blank node label after '_:'", at: position)
        }
        position += firstLength
        var labelEnd = position
        while position < end {
            let b = bytes[position]
            if b == UInt8(ascii: ".") {
                position += 1
            } else if b < 0x80 {
                guard CharacterClass.isNameChar(UInt32(b)) else { break }
                position += 1
                labelEnd = position
            } else {
                guard let (c, length) = UTF8Scalars.decodeMultibyte(bytes, position, end),
                      CharacterClass.isNameChar(c) else { break }
                position += length
                labelEnd = position
            }
        }
        // A label never ends with '.': trailing dots belong to what follows.
        position = labelEnd
        out[count] = TermEncoding.blank
        (out + count + 1).update(from: bytes + labelStart, count: labelEnd - labelStart)
        count += 1 + labelEnd - labelStart
    }

    /// `STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?`. `position` is at the opening quote.
    mutating func parseLiteral() throws {
        let open = position
        let kindAt = count
        out[count] = TermEncoding.simpleLiteral
        count += 1
        let lexicalStart = count
        position += 1
        while true {
            var i = position
            while i < end, Self.isPlainStringByte(bytes[i]) { i += 1 }
            if i > position {
                (out + count).update(from: bytes + position, count: i - position)
                count += i - position
                position = i
            }
            guard position < end else { throw unterminatedString(at: open) }
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                break
            } else if b == UInt8(ascii: "\\") {
                try parseStringEscape()
            } else if b >= 0x80 {
                try copyScalar()
            } else {
                throw unterminatedString(at: open)  // a raw carriage return
            }
        }
        let lexicalEnd = count
        guard position < end else { return }
        if bytes[position] == UInt8(ascii: "@") {
            try parseLanguageTag(kindAt: kindAt, lexicalStart: lexicalStart, lexicalEnd: lexicalEnd)
        } else if bytes[position] == UInt8(ascii: "^") {
            guard position + 1 < end, bytes[position + 1] == UInt8(ascii: "^") else {
                throw expected("'^^' before datatype", at: position)
            }
            position += 2
            guard position < end, bytes[position] == UInt8(ascii: "<") else {
                throw expected("datatype IRI after '^^'", at: position)
            }
            try parseDatatype(kindAt: kindAt, lexicalStart: lexicalStart, lexicalEnd: lexicalEnd)
        }
    }

    @inline(__always)
    static func isPlainStringByte(_ b: UInt8) -> Bool {
        b < 0x80 && b != 0x22 && b != 0x5C && b != 0x0A && b != 0x0D
    }

    /// `ECHAR | UCHAR` in a string.
    private mutating func parseStringEscape() throws {
        guard position + 1 < end else { throw invalidEscape(in: "string") }
        if let byte = Escapes.echar(bytes[position + 1]) {
            out[count] = byte
            count += 1
            position += 2
            return
        }
        let c = try parseUCHAR(context: "string")
        count += UTF8Scalars.write(c, to: out + count)
        position += bytes[position + 1] == UInt8(ascii: "U") ? 10 : 6
    }

    /// `'@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`, then rearranges the literal to
    /// kind, tag, `0x00`, lexical form.
    private mutating func parseLanguageTag(kindAt: Int, lexicalStart: Int, lexicalEnd: Int) throws {
        position += 1
        let tagStart = position
        guard position < end, CharacterClass.isASCIILetter(bytes[position]) else {
            throw expected("language tag after '@'", at: position)
        }
        while position < end, CharacterClass.isASCIILetter(bytes[position]) { position += 1 }
        while position < end, bytes[position] == UInt8(ascii: "-") {
            guard position + 1 < end,
                  CharacterClass.isASCIILetter(bytes[position + 1]) || CharacterClass.isDigit(bytes[position + 1])
            else { throw expected("letters or digits after '-' in language tag", at: position + 1) }
            position += 1
            while position < end,
                  CharacterClass.isASCIILetter(bytes[position]) || CharacterClass.isDigit(bytes[position]) {
                position += 1
            }
        }
        let tagLength = position - tagStart
        let lexicalLength = lexicalEnd - lexicalStart
        memmove(out + lexicalStart + tagLength + 1, out + lexicalStart, lexicalLength)
        (out + lexicalStart).update(from: bytes + tagStart, count: tagLength)
        // Language tags are case-insensitive; RDF 1.1 lets us keep them in lower case, so
        // "a"@EN and "a"@en are one term (as in Oxigraph).
        for i in lexicalStart..<(lexicalStart + tagLength) where out[i] >= 0x41 && out[i] <= 0x5A { out[i] |= 0x20 }
        out[lexicalStart + tagLength] = 0
        out[kindAt] = TermEncoding.languageLiteral
        count = lexicalStart + tagLength + 1 + lexicalLength
    }

    /// The datatype IRI, then rearranges the literal to kind, datatype, `0x00`, lexical form
    /// (or leaves a simple literal for `xsd:string`, whose encoding is unique that way).
    private mutating func parseDatatype(kindAt: Int, lexicalStart: Int, lexicalEnd: Int) throws {
        let datatypeStart = count
        try parseIRIRef()
        let datatypeEnd = count
        let datatypeLength = datatypeEnd - datatypeStart
        let xsdString: StaticString = "http://www.w3.org/2001/XMLSchema#string"
        if datatypeLength == xsdString.utf8CodeUnitCount,
           memcmp(out + datatypeStart, xsdString.utf8Start, datatypeLength) == 0 {
            count = lexicalEnd
            return
        }
        let lexicalLength = lexicalEnd - lexicalStart
        let parked = datatypeEnd + 1
        (out + parked).update(from: out + lexicalStart, count: lexicalLength)
        memmove(out + lexicalStart, out + datatypeStart, datatypeLength)
        out[lexicalStart + datatypeLength] = 0
        memmove(out + lexicalStart + datatypeLength + 1, out + parked, lexicalLength)
        out[kindAt] = TermEncoding.typedLiteral
        count = lexicalStart + datatypeLength + 1 + lexicalLength
    }
}
