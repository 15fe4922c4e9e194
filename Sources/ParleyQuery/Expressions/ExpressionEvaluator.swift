import ParleyRDF
import ParleySPARQL

/// Evaluates SPARQL expressions (§17) over one solution's bindings.
///
/// Guarantees: evaluation never crashes or fails the query on bad data; every SPARQL error
/// (an unbound variable, a type error, a bad argument, an unknown function IRI) is thrown as
/// an ``ExpressionError``. Numeric results are written in canonical lexical form.
/// The evaluator is a cheap value; the per-query state lives in its ``ExpressionContext``.
public struct ExpressionEvaluator {
    public let context: ExpressionContext

    public init(context: ExpressionContext) {
        self.context = context
    }

    /// The value of `expression`; throws ExpressionError for SPARQL errors (an unbound
    /// variable, a type error…).
    public func evaluate(_ expression: Expression, _ bindings: some VariableBindings) throws -> Term {
        switch expression {
        case .variable(let name):
            guard let term = bindings.value(of: name) else { throw ExpressionError.unbound(name) }
            return term
        case .term(let term):
            return term
        case .binary(let op, let left, let right):
            return try evaluateBinary(op, left, right, bindings)
        case .unary(let op, let operand):
            return try evaluateUnary(op, operand, bindings)
        case .in(let needle, let list, let negated):
            return try evaluateIn(needle, list, negated: negated, bindings)
        case .builtin(let function, let arguments):
            return try callBuiltin(function, arguments, bindings)
        case .function(let iri, let arguments, _):
            return try callFunction(iri, arguments, bindings)
        case .exists(let pattern):
            return .boolean(try evaluateExists(pattern, bindings))
        case .notExists(let pattern):
            return .boolean(!(try evaluateExists(pattern, bindings)))
        case .aggregate:
            throw ExpressionError("an aggregate outside a GROUP")
        }
    }

    /// FILTER semantics: the effective boolean value, with errors as false.
    public func isTrue(_ expression: Expression, _ bindings: some VariableBindings) -> Bool {
        (try? Self.effectiveBooleanValue(evaluate(expression, bindings))) ?? false
    }

    /// §17.2.2: booleans by value, numerics true unless zero or NaN, strings true unless
    /// empty; an ill-formed boolean or numeric is false; anything else is a type error.
    public static func effectiveBooleanValue(_ term: Term) throws -> Bool {
        guard case .literal(let literal) = term else {
            throw ExpressionError.typeError("no effective boolean value for \(term)")
        }
        switch literal.datatype {
        case XSD.boolean:
            return BooleanValue.parse(literal.lexical) ?? false
        case XSD.string, XSD.langString:
            return !literal.lexical.isEmpty
        case let dt where XSD.isNumeric(dt):
            guard let value = NumericValue(literal) else { return false }
            return !value.isZero && !value.isNaN
        default:
            throw ExpressionError.typeError("no effective boolean value for a \(literal.datatype) literal")
        }
    }

    private func evaluateExists(_ pattern: GraphPattern, _ bindings: some VariableBindings) throws -> Bool {
        guard let exists = context.exists else { throw ExpressionError("EXISTS is not available here") }
        return try exists(pattern, bindings)
    }

    /// The EBV of `expression`, or the error it raised.
    func booleanResult(_ expression: Expression, _ bindings: some VariableBindings) -> Result<Bool, Error> {
        Result { try Self.effectiveBooleanValue(evaluate(expression, bindings)) }
    }
}

/// xsd:boolean lexical forms.
enum BooleanValue {
    static func parse(_ lexical: String) -> Bool? {
        switch XSD.trimmed(lexical) {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }
}

extension Term {
    /// `"true"^^xsd:boolean` or `"false"^^xsd:boolean`.
    static func boolean(_ value: Bool) -> Term {
        .literal(Literal(value ? "true" : "false", datatype: XSD.boolean))
    }

    static func integer(_ value: Int) -> Term {
        .literal(Literal(String(value), datatype: XSD.integer))
    }

    /// The literal, when this term is one.
    var literalValue: Literal? {
        if case .literal(let literal) = self { return literal }
        return nil
    }
}
