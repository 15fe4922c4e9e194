/// Error construction for ``NTriplesLineParser``: positions in line:column form and a short
/// quotation of what was found. Kept out of line so the hot paths stay small.
extension NTriplesLineParser {
    @inline(never)
    func error(_ message: String, at i: Int) -> RDFSyntaxError {
        let clamped = min(max(i, lineStart), end)
        let column = 1 + UTF8Scalars.scalarCount(bytes, from: lineStart, to: clamped)
        return RDFSyntaxError(message, at: TextPosition(line: lineNumber, column: column,
                                                        offset: bufferOffset + clamped))
    }

    @inline(never)
    func expected(_ what: String, at i: Int) -> RDFSyntaxError {
        error("expected \(what), found \(found(at: i))", at: i)
    }

    @inline(never)
    func unterminatedIRI(at i: Int) -> RDFSyntaxError {
        error("unterminated IRI, expected '>'", at: i)
    }

    @inline(never)
    func unterminatedString(at i: Int) -> RDFSyntaxError {
        error("unterminated string literal", at: i)
    }

    @inline(never)
    func invalidIRICharacter(at i: Int) -> RDFSyntaxError {
        error("invalid character \(SyntaxText.describe(byte: bytes[i])) in IRI", at: i)
    }

    @inline(never)
    func relativeIRI(at i: Int) -> RDFSyntaxError {
        error("relative IRI \(found(at: i)) not allowed in N-Triples", at: i)
    }

    @inline(never)
    func invalidUTF8(at i: Int) -> RDFSyntaxError {
        error("invalid UTF-8 byte 0x\(String(bytes[i], radix: 16, uppercase: true))", at: i)
    }

    @inline(never)
    func invalidEscape(in context: String, expectedDigits: Int? = nil) -> RDFSyntaxError {
        let text = escapeText(at: position)
        if let expectedDigits {
            return error("invalid escape '\(text)' in \(context): expected \(expectedDigits) hex digits",
                         at: position)
        }
        return error("invalid escape '\(text)' in \(context)", at: position)
    }

    /// The text of the escape starting at the backslash at `i`, cut to its longest form.
    func escapeText(at i: Int) -> String {
        var j = i + 1
        if j < end {
            let digits = bytes[j] == UInt8(ascii: "u") ? 4 : bytes[j] == UInt8(ascii: "U") ? 8 : 0
            j += 1
            var taken = 0
            while taken < digits, j < end, CharacterClass.hexValue(bytes[j]) != nil { j += 1; taken += 1 }
        }
        return SyntaxText.quote(bytes, from: i, to: min(j, end))
    }

    /// What is at `i`, quoted: a whole IRI, string or word (shortened when long), or
    /// "end of line".
    func found(at i: Int) -> String {
        if isAtLineEnd(i) { return "end of line" }
        return "'" + SyntaxText.quote(bytes, from: i, to: SyntaxText.tokenEnd(bytes, from: i, to: end)) + "'"
    }
}
