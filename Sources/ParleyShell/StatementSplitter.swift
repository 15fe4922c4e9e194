import ParleySPARQL

/// Cuts lines of input into statements, the way the prompt and scripts need it.
///
/// - A line whose first non-blank character is `.` (with nothing pending) is a dot-command,
///   one line each. A line starting with `#` (with nothing pending) is a comment.
/// - SPARQL text spans lines while a brace, bracket, parenthesis or string is open
///   (``SPARQLParser/isComplete(_:)``). An optional `;` at the end of a line ends it: the
///   line's last token, outside brackets (``TokenScan``, so one in a string, IRI or comment
///   does not count).
/// - In a script a statement also ends at a blank line, at a dot-command, and at the end of
///   the input, so a query may be laid out over several lines.
/// - At the prompt no terminator is demanded: a statement ends as soon as its text is complete
///   and the parser does not stop at the end of the text asking for more
///   (``SPARQLSyntaxError/Reason/unexpectedEnd(expected:)``: `SELECT ?s` waits for its
///   `WHERE`; `SELECT * { ?s ?p ?o }` runs).
///
/// The splitter is pure: it never opens a store and never prints.
public struct StatementSplitter {
    public enum Mode: Hashable, Sendable {
        /// Lines typed at the prompt: a statement ends when it is complete.
        case interactive
        /// Lines of a script: statements end at `;`, blank lines, dot-commands or the end.
        case script
    }

    public let mode: Mode
    public let file: String?
    private var lines: [String] = []
    private var startLine = 0
    /// The number of the last line fed.
    public private(set) var lineNumber = 0

    public init(mode: Mode, file: String? = nil, firstLine: Int = 1) {
        self.mode = mode
        self.file = file
        self.lineNumber = firstLine - 1
    }

    /// Whether a statement has begun and is not finished (the prompt shows `...>`).
    public var isPending: Bool { !lines.isEmpty }

    /// The text of the unfinished statement so far.
    public var pendingText: String { lines.joined(separator: "\n") }

    /// Drops the unfinished statement (Ctrl-C at the prompt).
    public mutating func reset() {
        lines.removeAll()
    }

    /// Feeds one line (without its line break) and returns the statements it completes.
    public mutating func feed(_ line: String) -> [Statement] {
        lineNumber += 1
        let trimmed = Self.trimmed(line)
        var finished: [Statement] = []
        if lines.isEmpty {
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == ";" { return [] }
            if trimmed.hasPrefix(".") {
                return [Statement(kind: .command, text: Self.commandText(trimmed), origin: origin(lineNumber))]
            }
        } else if trimmed.isEmpty {
            // A blank line ends a complete statement in a script; inside braces it is just layout.
            if mode == .script && SPARQLParser.isComplete(pendingText) {
                if let statement = finish() { finished.append(statement) }
            } else {
                lines.append(line)
            }
            return finished
        } else if trimmed.hasPrefix(".") && mode == .script && SPARQLParser.isComplete(pendingText) {
            if let statement = finish() { finished.append(statement) }
            finished.append(Statement(kind: .command, text: Self.commandText(trimmed), origin: origin(lineNumber)))
            return finished
        }
        if lines.isEmpty { startLine = lineNumber }
        lines.append(line)
        // Only a line holding a `;` can end in one; the test spares rescanning a long statement
        // at every line.
        if line.utf8.contains(UInt8(ascii: ";")), let body = Self.textBeforeTerminator(pendingText) {
            lines.removeAll()
            if let statement = Self.statement(body, origin: origin(startLine)) { finished.append(statement) }
            return finished
        }
        if mode == .interactive && Self.isReady(pendingText) {
            if let statement = finish() { finished.append(statement) }
        }
        return finished
    }

    /// Ends the input: returns the unfinished statement, if any, as it stands.
    public mutating func finish() -> Statement? {
        defer { lines.removeAll() }
        guard !lines.isEmpty else { return nil }
        return Self.statement(pendingText, origin: origin(startLine))
    }

    /// Whether text typed at the prompt is a whole statement: nothing is left open, and the
    /// parser does not stop at the very end of the text wanting more.
    public static func isReady(_ text: String) -> Bool {
        guard SPARQLParser.isComplete(text) else { return false }
        do {
            switch SPARQLText.kind(of: text) {
            case .update, .prologue: _ = try SPARQLParser.parseUpdate(text)
            case .query, .patterns: _ = try SPARQLParser.parseQueryOrPatterns(text)
            }
            return true
        } catch {
            if case .unexpectedEnd = error.reason { return false }
            return true
        }
    }

    /// The text before the `;` that ends `text`, or `nil` if its last token is no such `;`:
    /// one inside braces, brackets or parentheses belongs to the statement (a predicate-object
    /// list), and one in a string, IRI or comment is no token at all.
    static func textBeforeTerminator(_ text: String) -> String? {
        let scan = TokenScan(text)
        guard !scan.isCutShort, let last = scan.tokens.last, case .symbol(.semicolon) = last.kind,
            let depth = scan.depths.last, depth <= 0
        else { return nil }
        return String(decoding: text.utf8.prefix(last.position.offset), as: UTF8.self)
    }

    private func origin(_ line: Int) -> SourceOrigin { SourceOrigin(file: file, line: line) }

    /// The statement for `text`, dropping blank lines after it; `nil` if nothing is left.
    private static func statement(_ text: String, origin: SourceOrigin) -> Statement? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, trimmed(String(last)).isEmpty { lines.removeLast() }
        guard !lines.isEmpty else { return nil }
        return Statement(kind: .sparql, text: lines.joined(separator: "\n"), origin: origin)
    }

    /// A dot-command without a trailing `;` (sqlite3 habits die hard).
    private static func commandText(_ line: String) -> String {
        var text = line
        while text.hasSuffix(";") { text.removeLast() }
        return trimmed(text)
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
