/// A position in a text: line and column count from 1, `offset` is the byte offset from 0.
/// Columns count Unicode scalars, so a caret lines up under the character a person sees.
public struct TextPosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(line):\(column)" }
}

/// A syntax error in an RDF document: where it is and what was expected there.
///
/// Its ``Diagnostic`` (and `description`) reads `FILE:LINE:COLUMN: error: MESSAGE` when `file`
/// is set (the form compilers use, so editors jump to it), `LINE:COLUMN: error: MESSAGE` otherwise.
public struct RDFSyntaxError: DiagnosticError, Hashable, Sendable {
    public var position: TextPosition
    /// What went wrong, in the user's terms: "expected '.' after object, found '<http://ex/b>'".
    public var message: String
    /// The file the text came from, when known.
    public var file: String?

    public init(_ message: String, at position: TextPosition, file: String? = nil) {
        self.message = message
        self.position = position
        self.file = file
    }

    public var diagnostic: Diagnostic { Diagnostic(message, source: file, position: position) }

    /// The same error, naming `file`.
    public func inFile(_ file: String) -> RDFSyntaxError {
        var copy = self
        copy.file = file
        return copy
    }
}
