import ParleyRDF

extension Parser {
    /// `GroupGraphPattern ::= '{' ( SubSelect | GroupGraphPatternSub ) '}'`
    mutating func parseGroupGraphPattern() throws(SPARQLSyntaxError) -> GroupPatternAST {
        try enterNesting()
        defer { depth -= 1 }
        try expect(.openBrace, " to start a group graph pattern")
        let savedAggregates = aggregatesAllowed
        aggregatesAllowed = false
        defer { aggregatesAllowed = savedAggregates }
        closeBlankNodeScope()
        var group: GroupPatternAST
        tripleNeedsSeparator = false
        if token.isKeyword("SELECT") {
            group = GroupPatternAST(elements: [.subSelect(try parseSubSelect())])
        } else {
            group = try parseGroupGraphPatternSub()
        }
        closeBlankNodeScope()
        guard token.isSymbol(.closeBrace) else {
            throw expected(tripleNeedsSeparator ? "'.' or '}' after a triple pattern" : "'}' or a triple pattern")
        }
        try advance()
        return group
    }

    /// `SubSelect ::= SelectClause WhereClause SolutionModifier ValuesClause`
    mutating func parseSubSelect() throws(SPARQLSyntaxError) -> SelectQueryAST {
        let select = try parseSelectClause()
        let pattern = try parseWhereClause()
        let modifiers = try parseSolutionModifier()
        let values = try parseValuesClause()
        return SelectQueryAST(select: select, pattern: pattern, modifiers: modifiers, values: values)
    }

    /// `WhereClause ::= 'WHERE'? GroupGraphPattern`
    mutating func parseWhereClause() throws(SPARQLSyntaxError) -> GroupPatternAST {
        let hadWhere = try accept(keyword: "WHERE")
        guard token.isSymbol(.openBrace) else { throw expected(hadWhere ? "'{' after WHERE" : "WHERE or '{'") }
        return try parseGroupGraphPattern()
    }

    /// `GroupGraphPatternSub ::= TriplesBlock? ( GraphPatternNotTriples '.'? TriplesBlock? )*`,
    /// read until `}` (or the end, for the bare-pattern shorthand).
    mutating func parseGroupGraphPatternSub() throws(SPARQLSyntaxError) -> GroupPatternAST {
        var group = GroupPatternAST()
        var triples: [PathTriple] = []
        var canStartTriples = true
        let saved = chain
        defer { chain = saved }
        while true {
            if let element = try parseGraphPatternNotTriplesIfPresent() {
                try fold()
                if !triples.isEmpty {
                    group.elements.append(.triples(triples))
                    triples = []
                }
                group.elements.append(element)
                _ = try accept(.dot)
                canStartTriples = true
                continue
            }
            guard startsTriples else { break }
            guard canStartTriples else { throw expected("'.' or '}' after a triple pattern") }
            try parseTriplesSameSubject(into: &triples, paths: true)
            canStartTriples = try accept(.dot)
        }
        if !triples.isEmpty { group.elements.append(.triples(triples)) }
        tripleNeedsSeparator = !canStartTriples
        return group
    }

    /// `GraphPatternNotTriples` (with FILTER), or `nil` when the current token starts none.
    mutating func parseGraphPatternNotTriplesIfPresent() throws(SPARQLSyntaxError) -> PatternElement? {
        if token.isSymbol(.openBrace) {
            var groups = [try parseGroupGraphPattern()]
            while try accept(keyword: "UNION") {
                try fold()
                guard token.isSymbol(.openBrace) else { throw expected("'{' after UNION") }
                groups.append(try parseGroupGraphPattern())
            }
            return .union(groups)
        }
        guard case .keyword(let keyword) = token.kind else { return nil }
        switch keyword {
        case "OPTIONAL":
            try advance()
            guard token.isSymbol(.openBrace) else { throw expected("'{' after OPTIONAL") }
            return .optional(try parseGroupGraphPattern())
        case "MINUS":
            try advance()
            guard token.isSymbol(.openBrace) else { throw expected("'{' after MINUS") }
            return .minus(try parseGroupGraphPattern())
        case "GRAPH":
            try advance()
            let name = try parseVarOrIRI("a variable or IRI after GRAPH")
            guard token.isSymbol(.openBrace) else { throw expected("'{' after the graph name") }
            return .graph(name, try parseGroupGraphPattern())
        case "SERVICE":
            try advance()
            let silent = try accept(keyword: "SILENT")
            let name = try parseVarOrIRI("a variable or IRI after SERVICE")
            guard token.isSymbol(.openBrace) else { throw expected("'{' after the service IRI") }
            return .service(name, try parseGroupGraphPattern(), silent: silent)
        case "FILTER":
            try advance()
            return .filter(try parseConstraint("a bracketted expression or function call after FILTER"))
        case "BIND":
            try advance()
            try expect(.openParen, " after BIND")
            let e = try parseExpression()
            try expect(keyword: "AS", " in BIND")
            guard case .variable(let v) = token.kind else { throw expected("a variable after AS") }
            let position = token.position
            try advance()
            try expect(.closeParen, " to close BIND")
            return .bind(e, variable: v, at: position)
        case "VALUES":
            try advance()
            return .values(try parseDataBlock())
        default:
            return nil
        }
    }

    /// `ValuesClause ::= ( 'VALUES' DataBlock )?`
    mutating func parseValuesClause() throws(SPARQLSyntaxError) -> ValuesTable? {
        guard try accept(keyword: "VALUES") else { return nil }
        return try parseDataBlock()
    }

    /// `DataBlock ::= InlineDataOneVar | InlineDataFull`
    mutating func parseDataBlock() throws(SPARQLSyntaxError) -> ValuesTable {
        if case .variable(let v) = token.kind {
            try advance()
            try expect(.openBrace, " to start the VALUES rows")
            var rows: [[Term?]] = []
            while !token.isSymbol(.closeBrace) {
                rows.append([try parseDataBlockValue()])
            }
            try advance()
            return ValuesTable(variables: [v], rows: rows)
        }
        var variables: [String] = []
        if !(try acceptNil()) {
            try expect(.openParen, " or a variable after VALUES")
            while case .variable(let v) = token.kind {
                variables.append(v)
                try advance()
            }
            try expect(.closeParen, " to close the VALUES variables")
        }
        try expect(.openBrace, " to start the VALUES rows")
        var rows: [[Term?]] = []
        while true {
            let position = token.position
            var row: [Term?] = []
            if try acceptNil() {
            } else if try accept(.openParen) {
                while !token.isSymbol(.closeParen) { row.append(try parseDataBlockValue()) }
                try advance()
            } else {
                break
            }
            guard row.count == variables.count else {
                throw SPARQLSyntaxError(.valuesRowLength(expected: variables.count, found: row.count), at: position)
            }
            rows.append(row)
        }
        try expect(.closeBrace, " or '(' in VALUES")
        return ValuesTable(variables: variables, rows: rows)
    }

    /// `DataBlockValue ::= iri | RDFLiteral | NumericLiteral | BooleanLiteral | 'UNDEF'`
    mutating func parseDataBlockValue() throws(SPARQLSyntaxError) -> Term? {
        if try accept(keyword: "UNDEF") { return nil }
        if let iri = try parseIRIIfPresent() { return .iri(iri) }
        if let literal = try parseLiteralIfPresent() { return literal }
        throw expected("an IRI, literal or UNDEF in VALUES")
    }
}
