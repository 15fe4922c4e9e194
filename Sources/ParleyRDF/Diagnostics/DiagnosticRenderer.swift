/// The one place that words a ``Diagnostic`` for people: the `FILE:LINE:COLUMN: error: MESSAGE`
/// line that compilers print (and editors jump to), the offending source line with a caret under
/// the column, and `hint:` lines.
///
/// Two layouts, one wording:
/// ```
/// query.rq:2:12: error: expected '}' or a triple pattern, found 'SELEC'     (compiler style)
/// 2 | { ?s ?p ?o SELEC }
///   |            ^
///
/// 1 | { ?s ?p ?o SELEC }                                                    (at a prompt)
///   |            ^ expected '}' or a triple pattern, found 'SELEC'
/// ```
/// Tabs before the column are repeated in the caret line so the caret lines up in a terminal.
public struct DiagnosticRenderer: Sendable {
    /// Written before and after the word `error:` and the caret lines (ANSI colours, or empty).
    public var highlight: String
    public var reset: String

    public init(highlight: String = "", reset: String = "") {
        self.highlight = highlight
        self.reset = reset
    }

    /// Compiler style. `text` is the source the position counts in (a query, a statement of a
    /// script) and `firstLine` the line of the file that text starts on, so a statement's error
    /// is numbered as in its file. Without a position only the headline and hints are written.
    public func render(_ diagnostic: Diagnostic, text: String? = nil, firstLine: Int = 1) -> String {
        var moved = diagnostic
        if let line = diagnostic.line { moved.line = line + firstLine - 1 }
        var lines = [headline(moved)]
        if let text, let line = diagnostic.line, let column = diagnostic.column,
           let (source, caret) = Self.snippet(text, line: line, column: column, number: line + firstLine - 1) {
            lines.append(source)
            lines.append(caret)
        }
        lines += diagnostic.hints.map { "hint: " + $0 }
        return lines.joined(separator: "\n")
    }

    /// Prompt style: the line the user just typed with a caret and the message after it; the
    /// headline (without a place) when the position is not in `text`.
    public func renderInline(_ diagnostic: Diagnostic, text: String) -> String {
        var lines: [String]
        if let line = diagnostic.line, let column = diagnostic.column,
           let (source, caret) = Self.snippet(text, line: line, column: column, number: line) {
            lines = [source, highlight + caret + " " + diagnostic.message + reset]
        } else {
            var bare = diagnostic
            bare.source = nil
            bare.line = nil
            lines = [headline(bare)]
        }
        lines += diagnostic.hints.map { "hint: " + $0 }
        return lines.joined(separator: "\n")
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE` with the word `error:` highlighted.
    public func headline(_ diagnostic: Diagnostic) -> String {
        var place = ""
        if let source = diagnostic.source { place += source + ":" }
        if let line = diagnostic.line { place += "\(line):" + (diagnostic.column.map { "\($0):" } ?? "") }
        return (place.isEmpty ? "" : place + " ") + highlight + "error:" + reset + " " + diagnostic.message
    }

    /// `N | the line` and `  | ^` under `column`, or `nil` when `text` has no line `line`.
    static func snippet(_ text: String, line: Int, column: Int, number: Int) -> (String, String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = lines[line - 1].unicodeScalars.filter { $0 != "\r" }
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        var caret = ""
        for (i, scalar) in scalars.enumerated() where i < column - 1 {
            caret.append(scalar == "\t" ? "\t" : " ")
        }
        if scalars.count < column - 1 { caret += String(repeating: " ", count: column - 1 - scalars.count) }
        return ("\(gutter) | \(String(String.UnicodeScalarView(scalars)))", "\(pad) | \(caret)^")
    }
}
