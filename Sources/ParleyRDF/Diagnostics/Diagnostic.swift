/// What went wrong, as data: where (a file or other source name, a line and a column) and what,
/// with optional hints. Every error a user can meet — RDF and SPARQL syntax errors, unreadable
/// files, store failures, query failures, misuse of a command — turns into one of these, and
/// ``DiagnosticRenderer`` (the one place that words them) turns it into the
/// `FILE:LINE:COLUMN: error: MESSAGE` line compilers use, with the source line and a caret when
/// the text is at hand.
///
/// `message` never repeats the location or the word `error:`; callers decide what to do from
/// the error's own fields (its reason enum, its path), never from this text.
public struct Diagnostic: Hashable, Sendable {
    /// The file or source the problem is in, as the user named it (`data.ttl`, `<stdin>`), if any.
    public var source: String?
    /// The 1-based line in that source, if the problem has a place.
    public var line: Int?
    /// The 1-based column (in characters) on that line, if known.
    public var column: Int?
    /// The problem in the user's terms, without location or severity.
    public var message: String
    /// Further lines that help (`did you mean …?`), each printed as `hint: …`.
    public var hints: [String]

    public init(_ message: String, source: String? = nil, line: Int? = nil, column: Int? = nil, hints: [String] = []) {
        self.message = message
        self.source = source
        self.line = line
        self.column = line == nil ? nil : column
        self.hints = hints
    }

    public init(_ message: String, source: String? = nil, position: TextPosition, hints: [String] = []) {
        self.init(message, source: source, line: position.line, column: position.column, hints: hints)
    }

    /// The same diagnostic naming `source` when it names none yet.
    public func naming(_ source: String) -> Diagnostic {
        guard self.source == nil else { return self }
        var copy = self
        copy.source = source
        return copy
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE` (the parts that are known), one line.
    public var headline: String { DiagnosticRenderer().headline(self) }
}

/// An error that can say what went wrong as a ``Diagnostic``. Its `description` is the
/// diagnostic's headline, so printing the error and rendering it agree.
public protocol DiagnosticError: Error, CustomStringConvertible {
    var diagnostic: Diagnostic { get }
}

extension DiagnosticError {
    public var description: String { diagnostic.headline }
}

extension Error {
    /// This error as a ``Diagnostic``: its own if it has one, else its description as the message.
    public var asDiagnostic: Diagnostic {
        if let error = self as? any DiagnosticError { return error.diagnostic }
        return Diagnostic(String(describing: self))
    }
}
