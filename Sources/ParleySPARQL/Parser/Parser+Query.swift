import ParleyRDF

extension Parser {
    /// `QueryUnit ::= Prologue ( SelectQuery | ConstructQuery | DescribeQuery | AskQuery ) ValuesClause`,
    /// then the end of the text. With `allowPatterns`, text that is only a group of triple
    /// patterns (after the prologue) reads as `SELECT * WHERE { … }`.
    mutating func parseQueryUnit(allowPatterns: Bool = false) throws(SPARQLSyntaxError) -> Query {
        try parsePrologue()
        let query: Query
        switch token.kind {
        case .keyword("SELECT"): query = try parseSelectQuery()
        case .keyword("CONSTRUCT"): query = try parseConstructQuery()
        case .keyword("DESCRIBE"): query = try parseDescribeQuery()
        case .keyword("ASK"): query = try parseAskQuery()
        default:
            guard allowPatterns else { throw expected("SELECT, CONSTRUCT, DESCRIBE or ASK") }
            query = try parseBarePatterns()
        }
        try expectEnd()
        return query
    }

    /// The REPL shorthand: `?s ?p ?o . …` or `{ … }` means `SELECT * WHERE { … }`.
    private mutating func parseBarePatterns() throws(SPARQLSyntaxError) -> Query {
        let position = token.position
        let group: GroupPatternAST
        if token.isSymbol(.openBrace) {
            group = try parseGroupGraphPattern()
        } else {
            guard startsTriples || token.isKeyword("FILTER") || token.isKeyword("OPTIONAL") else {
                throw expected("SELECT, CONSTRUCT, DESCRIBE, ASK or a triple pattern")
            }
            closeBlankNodeScope()
            group = try parseGroupGraphPatternSub()
            guard case .end = token.kind else {
                throw expected(group.elements.isEmpty ? "a triple pattern" : "'.' or end of input")
            }
        }
        let select = SelectClauseAST(items: nil, position: position)
        let query = SelectQueryAST(select: select, pattern: group, modifiers: SolutionModifierAST(), values: nil)
        let (algebra, variables) = try builder.translate(query)
        return makeQuery(.select(variables: variables, modifier: .none), dataset: nil, algebra: algebra)
    }

    private func makeQuery(_ form: Query.Form, dataset: Dataset?, algebra: GraphPattern) -> Query {
        Query(form: form, dataset: dataset, algebra: algebra, baseIRI: baseIRI, prefixes: prefixes)
    }

    /// `SelectQuery ::= SelectClause DatasetClause* WhereClause SolutionModifier`
    mutating func parseSelectQuery() throws(SPARQLSyntaxError) -> Query {
        let select = try parseSelectClause()
        let dataset = try parseDatasetClauses()
        let pattern = try parseWhereClause()
        let modifiers = try parseSolutionModifier()
        let values = try parseValuesClause()
        let ast = SelectQueryAST(select: select, pattern: pattern, modifiers: modifiers, values: values)
        let (algebra, variables) = try builder.translate(ast)
        return makeQuery(.select(variables: variables, modifier: select.modifier), dataset: dataset, algebra: algebra)
    }

    /// `SelectClause ::= 'SELECT' ( 'DISTINCT' | 'REDUCED' )? ( ( Var | ( '(' Expression 'AS' Var ')' ) )+ | '*' )`
    mutating func parseSelectClause() throws(SPARQLSyntaxError) -> SelectClauseAST {
        var clause = SelectClauseAST(items: nil, position: token.position)
        try expect(keyword: "SELECT")
        if try accept(keyword: "DISTINCT") {
            clause.modifier = .distinct
        } else if try accept(keyword: "REDUCED") {
            clause.modifier = .reduced
        }
        if try accept(.star) { return clause }
        var items: [SelectItem] = []
        while true {
            if case .variable(let v) = token.kind {
                items.append(.variable(v, at: token.position))
                try advance()
            } else if try accept(.openParen) {
                try fold()
                aggregatesAllowed = true
                let e = try parseExpression()
                aggregatesAllowed = false
                try expect(keyword: "AS", " in '(expression AS ?var)'")
                guard case .variable(let v) = token.kind else { throw expected("a variable after AS") }
                items.append(.expression(e, as: v, at: token.position))
                try advance()
                try expect(.closeParen, " to close '(expression AS ?var)'")
            } else {
                break
            }
        }
        guard !items.isEmpty else { throw expected("'*', a variable or '(expression AS ?var)' after SELECT") }
        clause.items = items
        return clause
    }

    /// `DatasetClause ::= 'FROM' ( DefaultGraphClause | NamedGraphClause )`, any number.
    mutating func parseDatasetClauses(keyword: String = "FROM") throws(SPARQLSyntaxError) -> Dataset? {
        var dataset: Dataset?
        while try accept(keyword: keyword) {
            var d = dataset ?? Dataset()
            if try accept(keyword: "NAMED") {
                d.namedGraphs.append(try parseIRI("an IRI after \(keyword) NAMED"))
            } else {
                d.defaultGraphs.append(try parseIRI("an IRI or NAMED after \(keyword)"))
            }
            dataset = d
        }
        return dataset
    }

    /// `SolutionModifier ::= GroupClause? HavingClause? OrderClause? LimitOffsetClauses?`
    mutating func parseSolutionModifier() throws(SPARQLSyntaxError) -> SolutionModifierAST {
        var modifiers = SolutionModifierAST()
        if try accept(keyword: "GROUP") {
            try expect(keyword: "BY", " after GROUP")
            while let condition = try parseGroupConditionIfPresent() {
                try fold()
                modifiers.groupBy.append(condition)
            }
            if modifiers.groupBy.isEmpty { throw expected("a variable, '(expression)' or function call after GROUP BY") }
        }
        if try accept(keyword: "HAVING") {
            aggregatesAllowed = true
            defer { aggregatesAllowed = false }
            repeat {
                try fold()
                modifiers.having.append(try parseConstraint("a bracketted expression or function call after HAVING"))
            } while startsConstraint
        }
        if try accept(keyword: "ORDER") {
            try expect(keyword: "BY", " after ORDER")
            aggregatesAllowed = true
            defer { aggregatesAllowed = false }
            repeat {
                modifiers.orderBy.append(try parseOrderCondition())
            } while startsConstraint || token.isKeyword("ASC") || token.isKeyword("DESC") || { if case .variable = token.kind { true } else { false } }()
        }
        if token.isKeyword("LIMIT") {
            modifiers.limit = try parseLimitOrOffset()
            if token.isKeyword("OFFSET") { modifiers.offset = try parseLimitOrOffset() ?? 0 }
        } else if token.isKeyword("OFFSET") {
            modifiers.offset = try parseLimitOrOffset() ?? 0
            if token.isKeyword("LIMIT") { modifiers.limit = try parseLimitOrOffset() }
        }
        return modifiers
    }

    private var startsConstraint: Bool {
        switch token.kind {
        case .symbol(.openParen), .iri, .prefixedName: return true
        case .keyword(let k): return BuiltinFunction.named(k) != nil || ["EXISTS", "NOT", "BOUND", "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"].contains(k)
        default: return false
        }
    }

    /// `GroupCondition ::= BuiltInCall | FunctionCall | '(' Expression ( 'AS' Var )? ')' | Var`
    private mutating func parseGroupConditionIfPresent() throws(SPARQLSyntaxError) -> GroupCondition? {
        let position = token.position
        switch token.kind {
        case .variable(let v):
            try advance()
            return .variable(v)
        case .symbol(.openParen):
            try advance()
            let e = try parseExpression()
            var name: String?
            var namePosition = position
            if try accept(keyword: "AS") {
                guard case .variable(let v) = token.kind else { throw expected("a variable after AS") }
                name = v
                namePosition = token.position
                try advance()
            }
            try expect(.closeParen, " to close the GROUP BY expression")
            if name == nil, case .variable(let v) = e { return .variable(v) }
            return .expression(e, as: name, at: namePosition)
        case .iri, .prefixedName, .keyword:
            guard startsConstraint else { return nil }
            return .expression(try parseConstraint("a GROUP BY condition"), as: nil, at: position)
        default:
            return nil
        }
    }

    /// `OrderCondition ::= ( ( 'ASC' | 'DESC' ) BrackettedExpression ) | ( Constraint | Var )`
    private mutating func parseOrderCondition() throws(SPARQLSyntaxError) -> OrderCondition {
        if try accept(keyword: "ASC") {
            return OrderCondition(try parseBrackettedExpression())
        }
        if try accept(keyword: "DESC") {
            return OrderCondition(try parseBrackettedExpression(), descending: true)
        }
        if case .variable(let v) = token.kind {
            try advance()
            return OrderCondition(.variable(v))
        }
        return OrderCondition(try parseConstraint("an ORDER BY condition"))
    }

    /// `LimitClause ::= 'LIMIT' INTEGER`, `OffsetClause ::= 'OFFSET' INTEGER`.
    private mutating func parseLimitOrOffset() throws(SPARQLSyntaxError) -> Int? {
        let keyword = token.text.uppercased()
        try advance()
        guard case .integer(let lexical) = token.kind, let first = lexical.utf8.first, first != UInt8(ascii: "+"),
              first != UInt8(ascii: "-")
        else { throw expected("a non-negative integer after \(keyword)") }
        guard let value = Int(lexical) else {
            throw SPARQLSyntaxError(.notAllowed("\(keyword) \(lexical) (too large)"), at: token.position)
        }
        try advance()
        return value
    }

    /// `ConstructQuery ::= 'CONSTRUCT' ( ConstructTemplate DatasetClause* WhereClause SolutionModifier
    /// | DatasetClause* 'WHERE' '{' TriplesTemplate? '}' SolutionModifier )`
    mutating func parseConstructQuery() throws(SPARQLSyntaxError) -> Query {
        try expect(keyword: "CONSTRUCT")
        if token.isSymbol(.openBrace) {
            try advance()
            let saved = blankNodes
            blankNodes = .terms
            let template = try parseTriplesTemplate()
            blankNodes = saved
            try expect(.closeBrace, " to close the CONSTRUCT template")
            let dataset = try parseDatasetClauses()
            let pattern = try parseWhereClause()
            let modifiers = try parseSolutionModifier()
            let values = try parseValuesClause()
            let (algebra, _) = try builder.finish(try builder.translate(pattern), select: nil, modifiers: modifiers, values: values)
            return makeQuery(.construct(template), dataset: dataset, algebra: algebra)
        }
        let dataset = try parseDatasetClauses()
        try expect(keyword: "WHERE", " or '{' after CONSTRUCT")
        try expect(.openBrace, " after CONSTRUCT WHERE")
        closeBlankNodeScope()
        let triples = try parseTriplesTemplate()
        closeBlankNodeScope()
        try expect(.closeBrace, " to close CONSTRUCT WHERE (only triple patterns are allowed)")
        let modifiers = try parseSolutionModifier()
        let values = try parseValuesClause()
        let (algebra, _) = try builder.finish(.bgp(triples), select: nil, modifiers: modifiers, values: values)
        // In the template, the pattern's blank-node variables are blank nodes again.
        func templated(_ t: TermPattern) -> TermPattern {
            if case .variable(let v) = t, v.hasPrefix("?") { return .term(.blank(String(v.dropFirst()))) }
            return t
        }
        let template = triples.map { TriplePattern(templated($0.subject), templated($0.predicate), templated($0.object)) }
        return makeQuery(.construct(template), dataset: dataset, algebra: algebra)
    }

    /// `DescribeQuery ::= 'DESCRIBE' ( VarOrIri+ | '*' ) DatasetClause* WhereClause? SolutionModifier`
    mutating func parseDescribeQuery() throws(SPARQLSyntaxError) -> Query {
        try expect(keyword: "DESCRIBE")
        var targets: [TermPattern]?
        if !(try accept(.star)) {
            var list: [TermPattern] = []
            while true {
                if case .variable(let v) = token.kind {
                    try advance()
                    list.append(.variable(v))
                } else if let iri = try parseIRIIfPresent() {
                    list.append(.term(.iri(iri)))
                } else {
                    break
                }
            }
            guard !list.isEmpty else { throw expected("'*', a variable or an IRI after DESCRIBE") }
            targets = list
        }
        let dataset = try parseDatasetClauses()
        var pattern = GraphPattern.unit
        if token.isKeyword("WHERE") || token.isSymbol(.openBrace) {
            pattern = try builder.translate(try parseWhereClause())
        }
        let modifiers = try parseSolutionModifier()
        let values = try parseValuesClause()
        let (algebra, _) = try builder.finish(pattern, select: nil, modifiers: modifiers, values: values)
        let described = targets ?? pattern.inScopeVariables.filter { !TermPattern.isInternalVariable($0) }.map { .variable($0) }
        return makeQuery(.describe(described), dataset: dataset, algebra: algebra)
    }

    /// `AskQuery ::= 'ASK' DatasetClause* WhereClause SolutionModifier`
    mutating func parseAskQuery() throws(SPARQLSyntaxError) -> Query {
        try expect(keyword: "ASK")
        let dataset = try parseDatasetClauses()
        let pattern = try builder.translate(try parseWhereClause())
        let modifiers = try parseSolutionModifier()
        let values = try parseValuesClause()
        let (algebra, _) = try builder.finish(pattern, select: nil, modifiers: modifiers, values: values)
        return makeQuery(.ask, dataset: dataset, algebra: algebra)
    }
}
