import ParleyRDF

extension Parser {
    /// `Expression ::= ConditionalOrExpression`. Each nested expression counts one level.
    mutating func parseExpression() throws(SPARQLSyntaxError) -> Expression {
        try enterNesting()
        defer { depth -= 1 }
        return try parseConditionalOr()
    }

    /// `ConditionalOrExpression ::= ConditionalAndExpression ( '||' ConditionalAndExpression )*`
    mutating func parseConditionalOr() throws(SPARQLSyntaxError) -> Expression {
        let saved = chain
        defer { chain = saved }
        var e = try parseConditionalAnd()
        while try accept(.or) {
            try fold()
            e = .binary(.or, e, try parseConditionalAnd())
        }
        return e
    }

    /// `ConditionalAndExpression ::= RelationalExpression ( '&&' RelationalExpression )*`
    mutating func parseConditionalAnd() throws(SPARQLSyntaxError) -> Expression {
        let saved = chain
        defer { chain = saved }
        var e = try parseRelational()
        while try accept(.and) {
            try fold()
            e = .binary(.and, e, try parseRelational())
        }
        return e
    }

    /// `RelationalExpression ::= NumericExpression ( '=' | '!=' | '<' | '>' | '<=' | '>=' NumericExpression
    /// | 'IN' ExpressionList | 'NOT' 'IN' ExpressionList )?`
    mutating func parseRelational() throws(SPARQLSyntaxError) -> Expression {
        let left = try parseAdditive()
        if case .symbol(let s) = token.kind {
            let op: BinaryOperator? = switch s {
            case .equal: .equal
            case .notEqual: .notEqual
            case .less: .less
            case .greater: .greater
            case .lessOrEqual: .lessOrEqual
            case .greaterOrEqual: .greaterOrEqual
            default: nil
            }
            if let op {
                try advance()
                return .binary(op, left, try parseAdditive())
            }
        }
        if try accept(keyword: "IN") {
            return .in(left, try parseExpressionList("after IN"), negated: false)
        }
        if try accept(keyword: "NOT") {
            try expect(keyword: "IN", " after NOT")
            return .in(left, try parseExpressionList("after NOT IN"), negated: true)
        }
        return left
    }

    /// `AdditiveExpression ::= MultiplicativeExpression ( '+' MultiplicativeExpression
    /// | '-' MultiplicativeExpression | ( NumericLiteralPositive | NumericLiteralNegative )
    /// ( ( '*' UnaryExpression ) | ( '/' UnaryExpression ) )* )*`.
    /// A signed number right after an operand (`?x -1`) is a subtraction or an addition.
    mutating func parseAdditive() throws(SPARQLSyntaxError) -> Expression {
        let saved = chain
        defer { chain = saved }
        var e = try parseMultiplicative()
        while true {
            if token.isSymbol(.plus) || token.isSymbol(.minus) || signedNumber() != nil { try fold() }
            if try accept(.plus) {
                e = .binary(.add, e, try parseMultiplicative())
            } else if try accept(.minus) {
                e = .binary(.subtract, e, try parseMultiplicative())
            } else if let (negative, literal) = signedNumber() {
                try advance()
                var right = Expression.term(literal)
                while true {
                    if token.isSymbol(.star) || token.isSymbol(.slash) { try fold() }
                    if try accept(.star) {
                        right = .binary(.multiply, right, try parseUnary())
                    } else if try accept(.slash) {
                        right = .binary(.divide, right, try parseUnary())
                    } else {
                        break
                    }
                }
                e = .binary(negative ? .subtract : .add, e, right)
            } else {
                return e
            }
        }
    }

    /// The current token as `NumericLiteralPositive`/`Negative`: the sign, and the literal without it.
    private func signedNumber() -> (negative: Bool, literal: Term)? {
        let lexical: String, datatype: String
        switch token.kind {
        case .integer(let l): (lexical, datatype) = (l, Vocabulary.xsdInteger)
        case .decimal(let l): (lexical, datatype) = (l, Vocabulary.xsdDecimal)
        case .double(let l): (lexical, datatype) = (l, Vocabulary.xsdDouble)
        default: return nil
        }
        guard let sign = lexical.utf8.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        return (sign == UInt8(ascii: "-"), .literal(Literal(String(lexical.dropFirst()), datatype: datatype)))
    }

    /// `MultiplicativeExpression ::= UnaryExpression ( '*' UnaryExpression | '/' UnaryExpression )*`
    mutating func parseMultiplicative() throws(SPARQLSyntaxError) -> Expression {
        let saved = chain
        defer { chain = saved }
        var e = try parseUnary()
        while true {
            if token.isSymbol(.star) || token.isSymbol(.slash) { try fold() }
            if try accept(.star) {
                e = .binary(.multiply, e, try parseUnary())
            } else if try accept(.slash) {
                e = .binary(.divide, e, try parseUnary())
            } else {
                return e
            }
        }
    }

    /// `UnaryExpression ::= '!' PrimaryExpression | '+' PrimaryExpression | '-' PrimaryExpression | PrimaryExpression`
    mutating func parseUnary() throws(SPARQLSyntaxError) -> Expression {
        if try accept(.bang) { return .unary(.not, try parsePrimary()) }
        if try accept(.plus) { return .unary(.plus, try parsePrimary()) }
        if try accept(.minus) { return .unary(.minus, try parsePrimary()) }
        return try parsePrimary()
    }

    /// `PrimaryExpression ::= BrackettedExpression | BuiltInCall | iriOrFunction | RDFLiteral
    /// | NumericLiteral | BooleanLiteral | Var`
    mutating func parsePrimary() throws(SPARQLSyntaxError) -> Expression {
        switch token.kind {
        case .symbol(.openParen):
            return try parseBrackettedExpression()
        case .variable(let v):
            try advance()
            return .variable(v)
        case .iri, .prefixedName:
            return try parseIRIOrFunction(requireArguments: false)
        case .keyword(let k) where k != "TRUE" && k != "FALSE":
            if let call = try parseBuiltInCallIfPresent() { return call }
            throw expected("an expression")
        default:
            if let literal = try parseLiteralIfPresent() { return .term(literal) }
            throw expected("an expression")
        }
    }

    /// `BrackettedExpression ::= '(' Expression ')'`
    mutating func parseBrackettedExpression() throws(SPARQLSyntaxError) -> Expression {
        try expect(.openParen)
        let e = try parseExpression()
        try expect(.closeParen, " to close the expression")
        return e
    }

    /// `iriOrFunction ::= iri ArgList?`, or `FunctionCall ::= iri ArgList` when `requireArguments`.
    mutating func parseIRIOrFunction(requireArguments: Bool) throws(SPARQLSyntaxError) -> Expression {
        let iri = try parseIRI()
        if try acceptNil() { return .function(iri, [], distinct: false) }
        guard try accept(.openParen) else {
            if requireArguments { throw expected("'(' after the function IRI") }
            return .term(.iri(iri))
        }
        let distinct = try accept(keyword: "DISTINCT")
        var args = [try parseExpression()]
        while try accept(.comma) { args.append(try parseExpression()) }
        try expect(.closeParen, " or ',' in the argument list")
        return .function(iri, args, distinct: distinct)
    }

    /// `ExpressionList ::= NIL | '(' Expression ( ',' Expression )* ')'`
    mutating func parseExpressionList(_ context: String) throws(SPARQLSyntaxError) -> [Expression] {
        if try acceptNil() { return [] }
        try expect(.openParen, " " + context)
        var list = [try parseExpression()]
        while try accept(.comma) { list.append(try parseExpression()) }
        try expect(.closeParen, " or ','")
        return list
    }

    /// `Constraint ::= BrackettedExpression | BuiltInCall | FunctionCall`
    mutating func parseConstraint(_ what: String) throws(SPARQLSyntaxError) -> Expression {
        switch token.kind {
        case .symbol(.openParen):
            return try parseBrackettedExpression()
        case .iri, .prefixedName:
            return try parseIRIOrFunction(requireArguments: true)
        case .keyword:
            if let call = try parseBuiltInCallIfPresent() { return call }
            throw expected(what)
        default:
            throw expected(what)
        }
    }

    /// `BuiltInCall` (aggregates, EXISTS and NOT EXISTS included); `nil` (consuming nothing)
    /// when the current keyword names no built-in.
    mutating func parseBuiltInCallIfPresent() throws(SPARQLSyntaxError) -> Expression? {
        guard case .keyword(let keyword) = token.kind else { return nil }
        let start = token
        switch keyword {
        case "EXISTS":
            try advance()
            return .exists(try parseExistsPattern())
        case "NOT":
            try advance()
            try expect(keyword: "EXISTS", " after NOT")
            return .notExists(try parseExistsPattern())
        case "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT":
            return .aggregate(try parseAggregate(keyword))
        case "BOUND":
            try advance()
            try expect(.openParen, " after BOUND")
            guard case .variable(let v) = token.kind else { throw expected("a variable in BOUND") }
            try advance()
            try expect(.closeParen, " to close BOUND")
            return .builtin(.bound, [.variable(v)])
        default:
            break
        }
        guard let function = BuiltinFunction.named(keyword), function != .bound else { return nil }
        try advance()
        let args = try parseExpressionList("after \(start.text)")
        if let arity = function.arity, !arity.contains(args.count) {
            let count = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw SPARQLSyntaxError(
                .expected("\(count) argument\(arity.upperBound == 1 ? "" : "s") for \(keyword)", found: "\(args.count)"),
                at: start.position)
        }
        return .builtin(function, args)
    }

    /// The group after EXISTS, translated to algebra on the spot (its filters may not hold aggregates).
    private mutating func parseExistsPattern() throws(SPARQLSyntaxError) -> GraphPattern {
        guard token.isSymbol(.openBrace) else { throw expected("'{' after EXISTS") }
        let group = try parseGroupGraphPattern()
        return try builder.translate(group)
    }

    /// `Aggregate ::= 'COUNT' '(' 'DISTINCT'? ( '*' | Expression ) ')' | 'SUM' '(' 'DISTINCT'? Expression ')'
    /// | … | 'GROUP_CONCAT' '(' 'DISTINCT'? Expression ( ';' 'SEPARATOR' '=' String )? ')'`
    private mutating func parseAggregate(_ keyword: String) throws(SPARQLSyntaxError) -> Aggregate {
        guard aggregatesAllowed, !insideAggregate else {
            throw SPARQLSyntaxError(.aggregateNotAllowed(keyword, nested: insideAggregate), at: token.position)
        }
        insideAggregate = true
        defer { insideAggregate = false }
        try advance()
        try expect(.openParen, " after \(keyword)")
        let distinct = try accept(keyword: "DISTINCT")
        if keyword == "COUNT", try accept(.star) {
            try expect(.closeParen, " to close COUNT(*)")
            return Aggregate(.count, nil, distinct: distinct)
        }
        let argument = try parseExpression()
        let function: Aggregate.Function
        switch keyword {
        case "COUNT": function = .count
        case "SUM": function = .sum
        case "MIN": function = .min
        case "MAX": function = .max
        case "AVG": function = .avg
        case "SAMPLE": function = .sample
        default:
            var separator: String?
            if try accept(.semicolon) {
                try expect(keyword: "SEPARATOR", " after ';' in GROUP_CONCAT")
                try expect(.equal, " after SEPARATOR")
                guard case .string(let s) = token.kind else { throw expected("a string after SEPARATOR =") }
                separator = s
                try advance()
            }
            function = .groupConcat(separator: separator)
        }
        try expect(.closeParen, " to close \(keyword)")
        return Aggregate(function, argument, distinct: distinct)
    }
}
