/// Parses the statements of one line (or of several lines separated by lone carriage returns)
/// held in memory, writing terms in ``TermEncoding`` form to `out`.
///
/// `out` must have room for `2 * (end - position) + 64` bytes: decoded terms are never longer
/// than their text, and a literal with a datatype or language tag is rearranged in place with
/// one temporary copy.
struct NTriplesLineParser {
    let bytes: UnsafePointer<UInt8>
    /// The next byte to read.
    var position: Int
    /// The end of the segment (a line feed or the end of the input).
    let end: Int
    /// The 1-based number of the current line, and where it starts, for error positions.
    var lineNumber: Int
    var lineStart: Int
    /// The document offset of `bytes[0]`.
    let bufferOffset: Int
    let out: UnsafeMutablePointer<UInt8>
    /// Bytes written to `out` for the current statement.
    var count = 0
    /// N-Quads: a graph label may follow the object.
    let allowsGraph: Bool

    init(bytes: UnsafePointer<UInt8>, position: Int, end: Int, lineNumber: Int, bufferOffset: Int,
         out: UnsafeMutablePointer<UInt8>, allowsGraph: Bool) {
        self.bytes = bytes
        self.position = position
        self.end = end
        self.lineNumber = lineNumber
        self.lineStart = position
        self.bufferOffset = bufferOffset
        self.out = out
        self.allowsGraph = allowsGraph
    }

    /// Whether the current line ends at `position` (end of segment or a carriage return).
    @inline(__always)
    func isAtLineEnd(_ i: Int) -> Bool { i >= end || bytes[i] == 0x0D }

    @inline(__always)
    mutating func skipSpaces() {
        while position < end, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
    }

    mutating func skipComment() {
        while position < end, bytes[position] != 0x0D { position += 1 }
    }

    /// Parses `triple? comment?` up to the end of the line, calling `body` for the statement.
    /// Leaves `position` at the carriage return or segment end that ends the line.
    @inline(__always)
    mutating func parseLine(_ body: (EncodedQuad) throws -> Void) throws {
        skipSpaces()
        if isAtLineEnd(position) { return }
        if bytes[position] == UInt8(ascii: "#") { skipComment(); return }
        count = 0

        switch bytes[position] {
        case UInt8(ascii: "<"): try parseIRITerm()
        case UInt8(ascii: "_"): try parseBlankNode()
        default: throw expected("subject (IRI or blank node)", at: position)
        }
        let subjectEnd = count
        skipSpaces()

        guard !isAtLineEnd(position), bytes[position] == UInt8(ascii: "<") else {
            throw expected("predicate IRI", at: position)
        }
        try parseIRITerm()
        let predicateEnd = count
        skipSpaces()

        if isAtLineEnd(position) { throw expected("object (IRI, blank node or literal)", at: position) }
        switch bytes[position] {
        case UInt8(ascii: "<"): try parseIRITerm()
        case UInt8(ascii: "_"): try parseBlankNode()
        case UInt8(ascii: "\""): try parseLiteral()
        default: throw expected("object (IRI, blank node or literal)", at: position)
        }
        let objectEnd = count
        skipSpaces()

        var graphEnd = objectEnd
        if allowsGraph, !isAtLineEnd(position) {
            switch bytes[position] {
            case UInt8(ascii: "<"): try parseIRITerm()
            case UInt8(ascii: "_"): try parseBlankNode()
            default: break
            }
            graphEnd = count
            skipSpaces()
        }

        guard !isAtLineEnd(position), bytes[position] == UInt8(ascii: ".") else {
            let what = !allowsGraph ? "'.' after object"
                : graphEnd == objectEnd ? "graph label or '.' after object" : "'.' after graph label"
            throw expected(what, at: position)
        }
        position += 1
        skipSpaces()
        if !isAtLineEnd(position) {
            guard bytes[position] == UInt8(ascii: "#") else {
                throw expected("end of line after '.'", at: position)
            }
            skipComment()
        }

        let o = UnsafeRawPointer(out)
        try body(EncodedQuad(
            subject: UnsafeRawBufferPointer(start: o, count: subjectEnd),
            predicate: UnsafeRawBufferPointer(start: o + subjectEnd, count: predicateEnd - subjectEnd),
            object: UnsafeRawBufferPointer(start: o + predicateEnd, count: objectEnd - predicateEnd),
            graph: graphEnd == objectEnd ? nil
                : UnsafeRawBufferPointer(start: o + objectEnd, count: graphEnd - objectEnd)))
    }
}
