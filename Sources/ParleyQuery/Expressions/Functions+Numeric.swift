import ParleyRDF

/// §17.4.4: ABS, CEIL, FLOOR, ROUND; the type of the argument is kept.
extension ExpressionEvaluator {
    static func rounding(_ term: Term, _ mode: NumericValue.Rounding) throws -> Term {
        guard let value = NumericValue(term) else {
            throw ExpressionError.typeError("\(mode) needs a number, got \(term)")
        }
        return value.rounded(mode).term
    }
}
