import ParleyQuery
import ParleyRDF
import ParleySPARQL
import Testing

@Suite struct ExpressionOperatorTests {
    static let logic: [ExpressionCase] = [
        .init("true || false", "true"),
        .init("false || false", "false"),
        .init("?nope || true", "true"),
        .init("true || ?nope", "true"),
        .init("?nope || false", nil),
        .init("false && ?nope", "false"),
        .init("?nope && false", "false"),
        .init("true && ?nope", nil),
        .init("true && 1", "true"),
        .init("\"\" && true", "false"),
        .init("!true", "false"),
        .init("!\"\"", "true"),
        .init("!?iri", nil),
        .init("?nope", nil),
    ]

    @Test("evaluates || and && with SPARQL's three-valued error logic", arguments: logic)
    func logical(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }

    static let comparisons: [ExpressionCase] = [
        .init("1 = 1.0", "true"),
        .init("\"1\"^^xsd:integer = \"01\"^^xsd:integer", "true"),
        .init("1 = 1e0", "true"),
        .init("\"1\"^^xsd:int = 1", "true"),
        .init("1 != 2", "true"),
        .init("1 < 2.5", "true"),
        .init("2.5 <= 2.5", "true"),
        .init("3 > 2e0", "true"),
        .init("\"abc\" = \"abc\"^^xsd:string", "true"),
        .init("\"abc\" < \"abd\"", "true"),
        .init("\"b\" > \"abc\"", "true"),
        .init("\"abc\"@en = \"abc\"@EN", "true"),
        .init("\"abc\"@en = \"abc\"@fr", "false"),
        .init("\"abc\"@en = \"abc\"", "false"),
        .init("\"abc\"@en != \"abc\"", "true"),
        .init("\"abc\"@en < \"abd\"@en", nil),
        .init("true = \"1\"^^xsd:boolean", "true"),
        .init("false < true", "true"),
        .init("\"1\" = 1", "false"),
        .init("<http://a> = <http://a>", "true"),
        .init("<http://a> = <http://b>", "false"),
        .init("<http://a> = \"http://a\"", "false"),
        .init("<http://a> < <http://b>", nil),
        .init("?unknown = ?unknown", "true"),
        .init("?unknown = \"xyz\"", nil),
        .init("?unknown != \"abc\"", nil),
        .init("?unknown != \"abc\"@en", "true"),
        .init("?badint = 1", nil),
        .init("?badint = ?badint", "true"),
        .init("?b = ?b", "true"),
        .init("?b = ?iri", "false"),
        .init("?dt = \"2010-12-21T23:38:02Z\"^^xsd:dateTime", "true"),
        .init("?dt < ?utc", "true"),
        .init("?local > \"2011-01-01T00:00:00Z\"^^xsd:dateTime", "true"),
        .init("?local = \"2011-02-01T01:02:03Z\"^^xsd:dateTime", nil),
        .init("\"2006-08-23\"^^xsd:date < \"2006-08-24\"^^xsd:date", "true"),
        .init("\"NaN\"^^xsd:double = \"NaN\"^^xsd:double", "false"),
        .init("\"NaN\"^^xsd:double < 1", nil),
        .init("1 < \"a\"", nil),
    ]

    @Test("compares values as §17.3 and the open-world tests say", arguments: comparisons)
    func comparison(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }

    static let arithmetic: [ExpressionCase] = [
        .init("1 + 2", "3"),
        .init("?i + ?two", "3"),
        .init("1 + 2.5", "3.5"),
        .init("1.0 + 2", "\"3\"^^xsd:decimal"),
        .init("1 / 2", "0.5"),
        .init("4 / 2", "\"2\"^^xsd:decimal"),
        .init("1 / 3 * 3 < 1.01", "true"),
        .init("1.5 * 2", "\"3\"^^xsd:decimal"),
        .init("0.1 + 0.2 = 0.3", "true"),
        .init("1 + 1e0", "\"2.0E0\"^^xsd:double"),
        .init("2.5e0 * 4", "\"1.0E1\"^^xsd:double"),
        .init("\"1.5\"^^xsd:float + 1", "\"2.5E0\"^^xsd:float"),
        .init("\"1.5\"^^xsd:float + 1e0", "\"2.5E0\"^^xsd:double"),
        .init("\"2\"^^xsd:short * \"3\"^^xsd:byte", "6"),
        .init("1 / 0", nil),
        .init("1.5 / 0.0", nil),
        .init("1e0 / 0", "\"INF\"^^xsd:double"),
        .init("-1e0 / 0", "\"-INF\"^^xsd:double"),
        .init("0e0 / 0", "\"NaN\"^^xsd:double"),
        .init("9223372036854775807 + 1", "\"9223372036854775808\"^^xsd:decimal"),
        .init("5 - 7", "-2"),
        .init("-?i", "-1"),
        .init("+?d", "1.5"),
        .init("-(1.5)", "-1.5"),
        .init("-\"a\"", nil),
        .init("1 + \"1\"", nil),
        .init("?i + ?nope", nil),
        .init("?i + ?badint", nil),
        .init("0.000001e0 * 1", "\"1.0E-6\"^^xsd:double"),
        .init("123456.789e0 + 0", "\"1.23456789E5\"^^xsd:double"),
    ]

    @Test("does arithmetic with integer → decimal → float → double promotion", arguments: arithmetic)
    func arithmeticCase(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }

    static let membership: [ExpressionCase] = [
        .init("2 IN (1, 2, 3)", "true"),
        .init("2 IN ()", "false"),
        .init("2 NOT IN ()", "true"),
        .init("2 IN (1, ?nope, 2)", "true"),
        .init("2 IN (1, ?nope)", nil),
        .init("2 NOT IN (1, ?nope)", nil),
        .init("2 NOT IN (1, 3)", "true"),
        .init("2 NOT IN (?nope, 2)", "false"),
        .init("\"a\"@en IN (\"a\", \"a\"@EN)", "true"),
        .init("?nope IN (1)", nil),
    ]

    @Test("evaluates IN and NOT IN as chains of = with the error rules", arguments: membership)
    func inList(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }

    static let ebv: [(String, Bool?)] = [
        ("true", true), ("false", false), ("\"1\"^^xsd:boolean", true), ("\"maybe\"^^xsd:boolean", false),
        ("0", false), ("1", true), ("0.0", false), ("-0.5", true), ("0e0", false), ("\"NaN\"^^xsd:double", false),
        ("\"INF\"^^xsd:double", true), ("\"xyz\"^^xsd:integer", false), ("\"\"", false), ("\"a\"", true),
        ("\"a\"@en", true), ("\"\"@en", false), ("<http://a>", nil), ("\"2010-01-01\"^^xsd:date", nil),
        ("\"x\"^^<http://example/t>", nil),
    ]

    @Test("computes the effective boolean value of §17.2.2", arguments: ebv)
    func effectiveBooleanValue(_ text: String, _ expected: Bool?) throws {
        let term = try ExpressionText.term(text)
        #expect((try? ExpressionEvaluator.effectiveBooleanValue(term)) == expected)
    }

    @Test("isTrue turns errors into false")
    func filterSemantics() throws {
        let evaluator = ExpressionEvaluator(context: ExpressionContext())
        #expect(evaluator.isTrue(try ExpressionText.parse("?nope = 1"), ExpressionText.bindings) == false)
        #expect(evaluator.isTrue(try ExpressionText.parse("!(?nope = 1)"), ExpressionText.bindings) == false)
        #expect(evaluator.isTrue(try ExpressionText.parse("?i = 1"), ExpressionText.bindings) == true)
    }

    @Test("EXISTS asks the context's callback and is an error without one")
    func exists() throws {
        let context = ExpressionContext()
        let evaluator = ExpressionEvaluator(context: context)
        let query = try SPARQLParser.parse("SELECT * { FILTER EXISTS { ?s ?p ?o } FILTER NOT EXISTS { ?a ?b ?c } }")
        var filters: [Expression] = []
        func collect(_ p: GraphPattern) {
            switch p {
            case .filter(let e, let inner):
                if case .binary(.and, let l, let r) = e { filters += [l, r] } else { filters.append(e) }
                collect(inner)
            case .project(let inner, _): collect(inner)
            default: break
            }
        }
        collect(query.algebra)
        #expect(filters.count == 2)
        #expect(throws: ExpressionError.self) { try evaluator.evaluate(filters[0], [String: Term]()) }
        context.exists = { _, _ in true }
        let results = try filters.map { try evaluator.evaluate($0, [String: Term]()) }
        #expect(Set(results) == [.literal(Literal("true", datatype: Vocabulary.xsdBoolean)), .literal(Literal("false", datatype: Vocabulary.xsdBoolean))])
    }
}
