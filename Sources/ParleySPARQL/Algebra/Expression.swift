import ParleyRDF

/// A SPARQL expression: [§17](https://www.w3.org/TR/sparql11-query/#expressions) operators,
/// built-in calls, function calls by IRI, EXISTS and aggregates.
///
/// In algebra produced by ``AlgebraBuilder`` no `.aggregate` is left inside an expression: each
/// is moved into a ``GraphPattern/group(_:variables:aggregates:)`` and replaced by a variable.
public indirect enum Expression: Hashable, Sendable {
    case variable(String)
    /// An IRI or literal constant.
    case term(Term)
    case binary(BinaryOperator, Expression, Expression)
    case unary(UnaryOperator, Expression)
    /// `e IN (list)`, or `e NOT IN (list)` when `negated`.
    case `in`(Expression, [Expression], negated: Bool)
    /// A built-in call of §17.4 (`STR(?x)`, `REGEX(?s, "a", "i")`, `BOUND(?v)`, …).
    case builtin(BuiltinFunction, [Expression])
    /// A call of a function by IRI: an XSD cast (`xsd:integer(?x)`) or an extension function.
    /// `distinct` is set for `<f>(DISTINCT …)` (a custom aggregate, accepted by the grammar).
    case function(String, [Expression], distinct: Bool)
    /// [EXISTS](https://www.w3.org/TR/sparql11-query/#func-filter-exists) over a pattern.
    case exists(GraphPattern)
    /// NOT EXISTS, that is `fn:not(exists(pattern))`.
    case notExists(GraphPattern)
    /// An aggregate; only in expressions straight from the parser.
    case aggregate(Aggregate)

    /// `true`, `false` and numbers as typed literals.
    public static func literal(_ lexical: String, datatype: String) -> Expression {
        .term(.literal(Literal(lexical, datatype: datatype)))
    }
}

/// The binary operators of §17.3, by precedence group.
public enum BinaryOperator: String, Hashable, Sendable {
    case or = "||", and = "&&"
    case equal = "=", notEqual = "!=", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// The unary operators of §17.3.
public enum UnaryOperator: String, Hashable, Sendable {
    case not = "!", plus = "+", minus = "-"
}

/// The built-in calls of [§17.4](https://www.w3.org/TR/sparql11-query/#SparqlOps), named by
/// their lower-case SSE name. Aliases are merged: `URI` is ``iri``, `isURI` is ``isIRI``.
public enum BuiltinFunction: String, Hashable, Sendable, CaseIterable {
    case str, lang, langMatches = "langmatches", datatype, bound, iri, bnode, rand, abs, ceil, floor, round
    case concat, substr, strlen, replace, ucase, lcase, encodeForURI = "encode_for_uri", contains
    case strStarts = "strstarts", strEnds = "strends", strBefore = "strbefore", strAfter = "strafter"
    case year, month, day, hours, minutes, seconds, timezone, tz, now, uuid, strUUID = "struuid"
    case md5, sha1, sha256, sha384, sha512, coalesce, `if`, strLang = "strlang", strDT = "strdt"
    case sameTerm = "sameterm", isIRI = "isiri", isBlank = "isblank", isLiteral = "isliteral"
    case isNumeric = "isnumeric", regex

    /// The function a keyword names (`STRSTARTS`, `ISURI`, …), given upper-cased.
    static func named(_ keyword: String) -> BuiltinFunction? {
        switch keyword {
        case "URI": .iri
        case "ISURI": .isIRI
        default: BuiltinFunction(rawValue: keyword.lowercased())
        }
    }

    /// How many arguments the grammar allows (§19.8 BuiltInCall); `nil` for a list of any length.
    public var arity: ClosedRange<Int>? {
        switch self {
        case .rand, .now, .uuid, .strUUID: 0...0
        case .bnode: 0...1
        case .langMatches, .contains, .strStarts, .strEnds, .strBefore, .strAfter, .strLang, .strDT, .sameTerm: 2...2
        case .substr, .regex: 2...3
        case .replace: 3...4
        case .if: 3...3
        case .concat, .coalesce: nil
        default: 1...1
        }
    }
}

/// An aggregate call: [§18.5](https://www.w3.org/TR/sparql11-query/#aggregateAlgebra).
public struct Aggregate: Hashable, Sendable {
    /// The set function (§18.5.1): COUNT, SUM, MIN, MAX, AVG, SAMPLE, GROUP_CONCAT
    /// (`separator == nil` means the default, a single space).
    public enum Function: Hashable, Sendable {
        case count, sum, min, max, avg, sample
        case groupConcat(separator: String?)
    }

    public var function: Function
    /// The argument; `nil` only for `COUNT(*)`.
    public var argument: Expression?
    public var distinct: Bool

    public init(_ function: Function, _ argument: Expression?, distinct: Bool) {
        self.function = function
        self.argument = argument
        self.distinct = distinct
    }
}

/// One ORDER BY key: [OrderBy](https://www.w3.org/TR/sparql11-query/#defn_algOrdered).
public struct OrderCondition: Hashable, Sendable {
    public var expression: Expression
    public var descending: Bool

    public init(_ expression: Expression, descending: Bool = false) {
        self.expression = expression
        self.descending = descending
    }
}
