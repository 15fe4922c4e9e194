import ParleyRDF

/// A syntax error in a SPARQL query or update: where it is and what went wrong there.
///
/// The data (`position`, `reason`) stays apart from the wording: every message is written by
/// the one `message` switch. `description` reads `LINE:COLUMN: MESSAGE`, and
/// ``rendered(source:)`` shows the offending line with a caret under the column.
public struct SPARQLSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the error is, in the text as the user wrote it (before `\u` escapes are decoded).
    public var position: TextPosition
    /// What went wrong.
    public var reason: Reason

    /// What went wrong, as data. The wording lives in ``SPARQLSyntaxError/message``.
    public enum Reason: Hashable, Sendable {
        /// The parser wanted `expected` (already phrased, e.g. `"'}' or a triple pattern"`) and saw `found`.
        case expected(String, found: String)
        /// The text ended where the parser (or lexer) wanted `expected` (phrased as for
        /// ``expected(_:found:)``): more input could complete it. The prompt waits for more.
        case unexpectedEnd(expected: String)
        /// A string literal (or long string) runs to the end of the text.
        case unterminatedString
        /// A `\u`/`\U` code point escape or a string escape is malformed or names no scalar.
        case invalidEscape(String)
        /// A character that starts no SPARQL token.
        case unexpectedCharacter(String)
        /// A prefixed name whose prefix was never declared.
        case undeclaredPrefix(String)
        /// Groups, brackets or expressions nest deeper than the parser's limit.
        case tooDeeplyNested(limit: Int)
        /// Chains of operators, UNIONs, OPTIONALs, BINDs or select expressions would make the
        /// algebra tree deeper than the limit (which keeps every tree walk off the stack's edge).
        case tooComplex(limit: Int)
        /// The same blank node label is used in two basic graph patterns (or two update operations).
        case blankNodeLabelReused(String)
        /// A variable is bound twice: by `AS` in SELECT, BIND or GROUP BY while already in scope.
        case variableAlreadyBound(String)
        /// In an aggregate query, a projected variable is neither grouped nor an aggregate result.
        case ungroupedVariable(String)
        /// `SELECT *` in a query with GROUP BY or aggregates.
        case selectStarWithGrouping
        /// An aggregate outside SELECT, HAVING or ORDER BY (`nested == false`), or inside another aggregate.
        case aggregateNotAllowed(String, nested: Bool)
        /// A VALUES row whose length differs from the variable list.
        case valuesRowLength(expected: Int, found: Int)
        /// A form the grammar allows but the static rules forbid here (e.g. a variable in INSERT DATA).
        case notAllowed(String)
    }

    public init(_ reason: Reason, at position: TextPosition) {
        self.reason = reason
        self.position = position
    }

    /// The message in the user's terms, without the position.
    public var message: String {
        switch reason {
        case .expected(let what, let found): "expected \(what), found \(found)"
        case .unexpectedEnd(let what): "expected \(what), found end of input"
        case .unterminatedString: "unterminated string literal"
        case .invalidEscape(let escape): "invalid escape sequence \(escape)"
        case .unexpectedCharacter(let c): "unexpected character \(c)"
        case .undeclaredPrefix(let p): "undeclared prefix '\(p):'"
        case .tooDeeplyNested(let limit): "nesting deeper than \(limit) levels"
        case .tooComplex(let limit):
            "query too complex: its algebra would nest deeper than \(limit) levels (split long chains of operators, UNIONs or OPTIONALs)"
        case .blankNodeLabelReused(let label):
            "blank node label '_:\(label)' is already used in another basic graph pattern or update operation"
        case .variableAlreadyBound(let v): "variable ?\(v) is already in scope and cannot be bound again"
        case .ungroupedVariable(let v):
            "variable ?\(v) is projected but is neither grouped nor an aggregate"
        case .selectStarWithGrouping: "SELECT * is not allowed with GROUP BY or aggregates"
        case .aggregateNotAllowed(let name, let nested):
            nested ? "aggregate \(name) cannot be nested in another aggregate"
                : "aggregate \(name) is only allowed in SELECT, HAVING and ORDER BY"
        case .valuesRowLength(let expected, let found):
            "VALUES row has \(found) value\(found == 1 ? "" : "s") but \(expected) variable\(expected == 1 ? "" : "s")"
        case .notAllowed(let what): "\(what) is not allowed here"
        }
    }

    public var description: String { "\(position.line):\(position.column): \(message)" }

    /// The error under its source line, swift-syntax style (``DiagnosticRenderer/renderInline(_:text:)``):
    /// ```
    /// 2 | { ?s ?p ?o SELEC }
    ///   |            ^ expected '}' or a triple pattern, found 'SELEC'
    /// ```
    public func rendered(source: String) -> String {
        DiagnosticRenderer().renderInline(diagnostic, text: source)
    }
}
