/// Where a statement (or an error in it) comes from: a file and a 1-based line, or the prompt.
public struct SourceOrigin: Hashable, Sendable, CustomStringConvertible {
    /// The script's name as the user gave it (`queries.rq`, `-c`, `<stdin>`), or `nil` at the prompt.
    public var file: String?
    /// The 1-based line the statement starts on.
    public var line: Int

    public init(file: String?, line: Int) {
        self.file = file
        self.line = line
    }

    /// `FILE:LINE`, or `line N` at the prompt.
    public var description: String { file.map { "\($0):\(line)" } ?? "line \(line)" }
}

/// One unit of input: SPARQL text (a query, an update, PREFIX lines, or bare triple patterns)
/// or a single dot-command line, with where it began.
public struct Statement: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// SPARQL text, possibly spanning several lines.
        case sparql
        /// A dot-command such as `.mode csv`: always exactly one line.
        case command
    }

    public var kind: Kind
    /// The statement's text, without a terminating `;` and without surrounding blank lines.
    public var text: String
    public var origin: SourceOrigin

    public init(kind: Kind, text: String, origin: SourceOrigin) {
        self.kind = kind
        self.text = text
        self.origin = origin
    }
}
