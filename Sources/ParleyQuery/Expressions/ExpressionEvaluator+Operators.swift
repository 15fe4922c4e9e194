import ParleyRDF
import ParleySPARQL

/// §17.3: logical connectives with SPARQL's error logic, comparisons, arithmetic, IN.
extension ExpressionEvaluator {
    func evaluateBinary(_ op: BinaryOperator, _ left: Expression, _ right: Expression, _ bindings: some VariableBindings) throws -> Term {
        switch op {
        case .or:
            // §17.2: true if either side is true, even when the other is an error.
            let l = booleanResult(left, bindings)
            if case .success(true) = l { return .boolean(true) }
            let r = booleanResult(right, bindings)
            if case .success(true) = r { return .boolean(true) }
            if case .failure(let error) = l { throw error }
            if case .failure(let error) = r { throw error }
            return .boolean(false)
        case .and:
            let l = booleanResult(left, bindings)
            if case .success(false) = l { return .boolean(false) }
            let r = booleanResult(right, bindings)
            if case .success(false) = r { return .boolean(false) }
            if case .failure(let error) = l { throw error }
            if case .failure(let error) = r { throw error }
            return .boolean(true)
        default:
            let l = try evaluate(left, bindings)
            let r = try evaluate(right, bindings)
            return try Self.apply(op, l, r)
        }
    }

    /// Applies a non-logical binary operator to two values.
    static func apply(_ op: BinaryOperator, _ l: Term, _ r: Term) throws -> Term {
        switch op {
        case .equal: return .boolean(try Comparison.equal(l, r))
        case .notEqual: return .boolean(!(try Comparison.equal(l, r)))
        case .less: return .boolean(try Comparison.order(l, r) < 0)
        case .greater: return .boolean(try Comparison.order(l, r) > 0)
        case .lessOrEqual: return .boolean(try Comparison.order(l, r) <= 0)
        case .greaterOrEqual: return .boolean(try Comparison.order(l, r) >= 0)
        case .add: return try arithmetic(.add, l, r)
        case .subtract: return try arithmetic(.subtract, l, r)
        case .multiply: return try arithmetic(.multiply, l, r)
        case .divide: return try arithmetic(.divide, l, r)
        case .or, .and: throw ExpressionError("logical operator applied to values")
        }
    }

    static func arithmetic(_ op: NumericValue.Operation, _ l: Term, _ r: Term) throws -> Term {
        guard let x = NumericValue(l), let y = NumericValue(r) else {
            throw ExpressionError.typeError("arithmetic needs numbers, got \(l) and \(r)")
        }
        return try NumericValue.apply(op, x, y).term
    }

    func evaluateUnary(_ op: UnaryOperator, _ operand: Expression, _ bindings: some VariableBindings) throws -> Term {
        switch op {
        case .not:
            return .boolean(!(try Self.effectiveBooleanValue(evaluate(operand, bindings))))
        case .plus, .minus:
            let term = try evaluate(operand, bindings)
            guard let value = NumericValue(term) else { throw ExpressionError.typeError("unary \(op.rawValue) needs a number, got \(term)") }
            return (op == .minus ? value.negated : value).term
        }
    }

    /// §17.4.1.9/10: `x IN (…)` is `x = e1 || x = e2 …`, so an error counts only when no
    /// member is equal.
    func evaluateIn(_ needle: Expression, _ list: [Expression], negated: Bool, _ bindings: some VariableBindings) throws -> Term {
        let value = try evaluate(needle, bindings)
        var firstError: Error?
        for member in list {
            do {
                if try Comparison.equal(value, evaluate(member, bindings)) { return .boolean(!negated) }
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        return .boolean(negated)
    }
}

/// The value comparisons of §17.3 (`=`, `<` and the rest) and RDFterm-equal.
enum Comparison {
    /// What kind of value a literal holds, for deciding which operator applies.
    enum Kind {
        case numeric(NumericValue)
        case string(String)
        case langString(String, language: String)
        case boolean(Bool)
        case dateTime(DateTimeValue)
        case date(DateTimeValue)
        /// A literal of a datatype we don't know, or an ill-formed one of a type we know.
        case opaque
    }

    static func kind(_ literal: Literal) -> Kind {
        switch literal.datatype {
        case XSD.string: return .string(literal.lexical)
        case XSD.langString: return .langString(literal.lexical, language: literal.language ?? "")
        case XSD.boolean: return BooleanValue.parse(literal.lexical).map { .boolean($0) } ?? .opaque
        case XSD.dateTime: return DateTimeValue(.literal(literal)).map { .dateTime($0) } ?? .opaque
        case XSD.date: return DateTimeValue(.literal(literal)).map { .date($0) } ?? .opaque
        case let dt where XSD.isNumeric(dt): return NumericValue(literal).map { .numeric($0) } ?? .opaque
        default: return .opaque
        }
    }

    /// `=`: value equality for values of one family, RDFterm-equal otherwise. Non-identical
    /// literals whose values can't be compared (unknown datatype, ill-formed lexical form) are
    /// an error, as the open-world tests expect.
    static func equal(_ l: Term, _ r: Term) throws -> Bool {
        guard case .literal(let a) = l, case .literal(let b) = r else { return l == r }
        switch (kind(a), kind(b)) {
        case (.numeric(let x), .numeric(let y)): return NumericValue.compare(x, y) == 0
        case (.string(let x), .string(let y)): return codepointCompare(x, y) == 0
        case (.langString(let x, let lx), .langString(let y, let ly)): return codepointCompare(x, y) == 0 && lx.lowercased() == ly.lowercased()
        case (.langString, _), (_, .langString): return false
        case (.boolean(let x), .boolean(let y)): return x == y
        case (.dateTime(let x), .dateTime(let y)), (.date(let x), .date(let y)):
            guard let order = DateTimeValue.compare(x, y) else { throw ExpressionError("indeterminate date comparison") }
            return order == 0
        case (.opaque, _), (_, .opaque):
            if a == b { return true }  // RDFterm-equal: the same term
            throw ExpressionError.typeError("cannot compare \(l) and \(r)")
        default:
            return false
        }
    }

    /// `<` and friends: -1, 0 or 1 for numerics, strings, booleans and dates; an error otherwise.
    static func order(_ l: Term, _ r: Term) throws -> Int {
        guard case .literal(let a) = l, case .literal(let b) = r else {
            throw ExpressionError.typeError("cannot order \(l) and \(r)")
        }
        switch (kind(a), kind(b)) {
        case (.numeric(let x), .numeric(let y)):
            guard let order = NumericValue.compare(x, y) else { throw ExpressionError("NaN is unordered") }
            return order
        case (.string(let x), .string(let y)):
            return codepointCompare(x, y)
        case (.boolean(let x), .boolean(let y)):
            return x == y ? 0 : (x ? 1 : -1)
        case (.dateTime(let x), .dateTime(let y)), (.date(let x), .date(let y)):
            guard let order = DateTimeValue.compare(x, y) else { throw ExpressionError("indeterminate date comparison") }
            return order
        default:
            throw ExpressionError.typeError("cannot order \(l) and \(r)")
        }
    }

    /// Compares by Unicode code point, as `fn:compare` with the codepoint collation does.
    static func codepointCompare(_ a: String, _ b: String) -> Int {
        var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?):
                if x.value != y.value { return x.value < y.value ? -1 : 1 }
            }
        }
    }
}
