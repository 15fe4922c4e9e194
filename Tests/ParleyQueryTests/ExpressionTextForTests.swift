import ParleyQuery
import ParleyRDF
import ParleySPARQL
import Testing

/// Parses expressions from SPARQL text so test tables stay readable.
enum ExpressionText {
    static let prologue = """
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        PREFIX ex: <http://example/>
        """

    /// The expression of `SELECT (text AS ?result) {}`.
    static func parse(_ text: String) throws -> Expression {
        let query = try SPARQLParser.parse("\(prologue)\nSELECT (\(text) AS ?result) {}")
        guard let expression = findExtend(query.algebra) else {
            throw ExpressionError("no expression in \(query.algebra)")
        }
        return expression
    }

    private static func findExtend(_ pattern: GraphPattern) -> Expression? {
        switch pattern {
        case .extend(_, variable: "result", let expression): expression
        case .project(let inner, _), .distinct(let inner), .reduced(let inner), .slice(let inner, _, _),
             .orderBy(let inner, _), .extend(let inner, _, _), .filter(_, let inner):
            findExtend(inner)
        default: nil
        }
    }

    /// The term a constant expression text stands for (`3`, `"a"@en`, `<http://x>`).
    static func term(_ text: String) throws -> Term {
        guard case .term(let term) = try parse(text) else { throw ExpressionError("\(text) is not a constant") }
        return term
    }

    /// The solution the tables evaluate against.
    static let bindings: [String: Term] = [
        "i": .literal(Literal("1", datatype: Vocabulary.xsdInteger)),
        "two": .literal(Literal("2", datatype: Vocabulary.xsdInteger)),
        "d": .literal(Literal("1.5", datatype: Vocabulary.xsdDecimal)),
        "s": .string("abc"),
        "en": .literal(Literal("abc", language: "en")),
        "iri": .iri("http://example/a"),
        "b": .blank("b0"),
        "t": .literal(Literal("true", datatype: Vocabulary.xsdBoolean)),
        "dt": .literal(Literal("2010-12-21T15:38:02-08:00", datatype: Vocabulary.xsd + "dateTime")),
        "utc": .literal(Literal("2011-01-10T14:45:13.815Z", datatype: Vocabulary.xsd + "dateTime")),
        "local": .literal(Literal("2011-02-01T01:02:03", datatype: Vocabulary.xsd + "dateTime")),
        "unknown": .literal(Literal("xyz", datatype: "http://example/unknown")),
        "badint": .literal(Literal("xyz", datatype: Vocabulary.xsdInteger)),
    ]

    /// Evaluates `text` against ``bindings``; nil when it is an expression error.
    static func evaluate(_ text: String, context: ExpressionContext = ExpressionContext()) throws -> Term? {
        let expression = try parse(text)
        return try? ExpressionEvaluator(context: context).evaluate(expression, bindings)
    }
}

/// One row of a table: an expression, and the constant it must equal (`nil` = an error).
struct ExpressionCase: CustomTestStringConvertible, Sendable {
    let expression: String
    let expected: String?

    init(_ expression: String, _ expected: String?) {
        self.expression = expression
        self.expected = expected
    }

    var testDescription: String { "\(expression) → \(expected ?? "error")" }

    func check() throws -> (actual: Term?, expected: Term?) {
        let actual = try ExpressionText.evaluate(expression)
        let wanted = try expected.map { try ExpressionText.term($0) }
        return (actual, wanted)
    }
}
