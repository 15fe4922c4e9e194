import ParleyRDF

/// Translates parsed patterns and queries into SPARQL algebra as
/// [§18.2](https://www.w3.org/TR/sparql11-query/#sparqlQuery) specifies, and enforces the
/// static rules that need scope: BIND and `AS` must not rebind an in-scope variable, and an
/// aggregate query projects only grouped variables and aggregate results.
///
/// It also hands out the names of internal variables (blank nodes, path steps, aggregates),
/// so they never collide within one query.
struct AlgebraBuilder: Sendable {
    private var counter = 0

    /// A fresh internal variable name: `?~N` (never projected by `*`) or `.N` for aggregates.
    mutating func freshVariable(aggregate: Bool = false) -> String {
        counter += 1
        return aggregate ? ".\(counter)" : "?~\(counter)"
    }

    // MARK: Group graph patterns (§18.2.2)

    /// [§18.2.2.6](https://www.w3.org/TR/sparql11-query/#convertGraphPattern): filters apply to
    /// the whole group, OPTIONAL's filter goes into its LeftJoin, BIND ends the BGP before it.
    mutating func translate(_ group: GroupPatternAST) throws(SPARQLSyntaxError) -> GraphPattern {
        var g: GraphPattern?
        var filters: [Expression] = []
        var pending: [PathTriple] = []

        func join(_ left: GraphPattern?, _ right: GraphPattern) -> GraphPattern {
            guard let left else { return right }
            if case .bgp(let a) = left, case .bgp(let b) = right { return .bgp(a + b) }
            return .join(left, right)
        }

        for element in group.elements {
            if case .triples(let triples) = element {
                pending += triples
                continue
            }
            if case .filter(let e) = element {
                filters.append(e)
                continue
            }
            if !pending.isEmpty {
                g = join(g, translateTriples(pending))
                pending = []
            }
            switch element {
            case .triples, .filter:
                break
            case .optional(let inner):
                let a = try translate(inner)
                // Only the OPTIONAL group's own FILTERs become the LeftJoin's condition; a
                // filter of a group nested inside it keeps its own scope (`{ { P FILTER } }`,
                // W3C dawg-optional-filter-005-not-simplified).
                let ownFilters = inner.elements.contains { if case .filter = $0 { true } else { false } }
                if ownFilters, case .filter(let f, let a2) = a {
                    g = .leftJoin(g ?? .unit, a2, f)
                } else {
                    g = .leftJoin(g ?? .unit, a, nil)
                }
            case .minus(let inner):
                g = .minus(g ?? .unit, try translate(inner))
            case .union(let groups):
                var u: GraphPattern?
                for member in groups {
                    let t = try translate(member)
                    u = u.map { .union($0, t) } ?? t
                }
                g = join(g, u ?? .unit)
            case .graph(let name, let inner):
                g = join(g, .graph(name, try translate(inner)))
            case .service(let name, let inner, let silent):
                g = join(g, .service(name, try translate(inner), silent: silent))
            case .bind(let e, let v, let position):
                let current = g ?? .unit
                if current.inScopeVariables.contains(v) {
                    throw SPARQLSyntaxError(.variableAlreadyBound(v), at: position)
                }
                g = .extend(current, variable: v, e)
            case .values(let table):
                g = join(g, .values(variables: table.variables, rows: table.rows))
            case .subSelect(let select):
                g = join(g, try translate(select).pattern)
            }
        }
        if !pending.isEmpty { g = join(g, translateTriples(pending)) }
        var result = g ?? .unit
        if let first = filters.first {
            result = .filter(filters.dropFirst().reduce(first) { .binary(.and, $0, $1) }, result)
        }
        return result
    }

    /// [§18.2.2.4](https://www.w3.org/TR/sparql11-query/#sparqlTranslatePathExpressions): IRIs,
    /// inverses and sequences become triple patterns, the rest stay paths. Consecutive triple
    /// patterns form one BGP; paths are joined in order.
    mutating func translateTriples(_ triples: [PathTriple]) -> GraphPattern {
        var items: [GraphPattern] = []
        var bgp: [TriplePattern] = []
        func flush() {
            if !bgp.isEmpty { items.append(.bgp(bgp)); bgp = [] }
        }
        func add(_ s: TermPattern, _ path: PropertyPath, _ o: TermPattern) {
            switch path {
            case .link(let iri):
                bgp.append(TriplePattern(s, .term(.iri(iri)), o))
            case .inverse(let p):
                add(o, p, s)
            case .sequence(let a, let b):
                let v = TermPattern.variable(freshVariable())
                add(s, a, v)
                add(v, b, o)
            default:
                flush()
                items.append(.path(s, path, o))
            }
        }
        for t in triples {
            switch t.verb {
            case .term(let p): bgp.append(TriplePattern(t.subject, p, t.object))
            case .path(let path): add(t.subject, path, t.object)
            }
        }
        flush()
        guard var result = items.first else { return .unit }
        for item in items.dropFirst() { result = .join(result, item) }
        return result
    }

    // MARK: Queries (§18.2.4, §18.2.5)

    /// A SELECT query or sub-select: the algebra and the projected variables.
    mutating func translate(_ query: SelectQueryAST) throws(SPARQLSyntaxError) -> (pattern: GraphPattern, variables: [String]) {
        let where_ = try translate(query.pattern)
        return try finish(where_, select: query.select, modifiers: query.modifiers, values: query.values)
    }

    /// Grouping, HAVING, VALUES, select expressions, ORDER BY, projection, DISTINCT/REDUCED
    /// and slicing over `pattern`, in the order of §18.2.4 and §18.2.5. With `select == nil`
    /// (ASK, CONSTRUCT, DESCRIBE) nothing is projected.
    mutating func finish(
        _ pattern: GraphPattern, select: SelectClauseAST?, modifiers: SolutionModifierAST, values: ValuesTable?
    ) throws(SPARQLSyntaxError) -> (pattern: GraphPattern, variables: [String]) {
        var p = pattern
        var aggregates: [AggregateBinding] = []
        var items = select?.items ?? []
        var having = modifiers.having
        var orderBy = modifiers.orderBy

        // Move aggregates out of the expressions that may hold them.
        for i in items.indices {
            if case .expression(let e, let v, let position) = items[i] {
                items[i] = .expression(extractAggregates(e, into: &aggregates), as: v, at: position)
            }
        }
        having = having.map { extractAggregates($0, into: &aggregates) }
        for i in orderBy.indices {
            orderBy[i].expression = extractAggregates(orderBy[i].expression, into: &aggregates)
        }

        // §18.2.4.1 Grouping and aggregation.
        let isAggregate = !modifiers.groupBy.isEmpty || !aggregates.isEmpty
        if isAggregate {
            var keys: [String] = []
            for condition in modifiers.groupBy {
                switch condition {
                case .variable(let v):
                    keys.append(v)
                case .expression(let e, let v, let position):
                    if let v {
                        if p.inScopeVariables.contains(v) {
                            throw SPARQLSyntaxError(.variableAlreadyBound(v), at: position)
                        }
                        p = .extend(p, variable: v, e)
                        keys.append(v)
                    } else {
                        let v = freshVariable()
                        p = .extend(p, variable: v, e)
                        keys.append(v)
                    }
                }
            }
            p = .group(p, variables: keys, aggregates: aggregates)
            if let select {
                guard select.items != nil else { throw SPARQLSyntaxError(.selectStarWithGrouping, at: select.position) }
                var allowed = Set(keys)
                for item in items {
                    switch item {
                    case .variable(let v, let position):
                        guard allowed.contains(v) else { throw SPARQLSyntaxError(.ungroupedVariable(v), at: position) }
                    case .expression(let e, let v, let position):
                        for used in e.variables where !TermPattern.isInternalVariable(used) && !allowed.contains(used) {
                            throw SPARQLSyntaxError(.ungroupedVariable(used), at: position)
                        }
                        allowed.insert(v)
                    }
                }
            }
        }
        // §18.2.4.2 HAVING.
        if let first = having.first {
            p = .filter(having.dropFirst().reduce(first) { .binary(.and, $0, $1) }, p)
        }
        // §18.2.4.3 VALUES.
        if let values {
            p = .join(p, .values(variables: values.variables, rows: values.rows))
        }
        // §18.2.4.4 Select expressions.
        var projected: [String] = []
        if let select {
            if select.items != nil {
                for item in items {
                    switch item {
                    case .variable(let v, _):
                        if !projected.contains(v) { projected.append(v) }
                    case .expression(let e, let v, let position):
                        if projected.contains(v) || p.inScopeVariables.contains(v) {
                            throw SPARQLSyntaxError(.variableAlreadyBound(v), at: position)
                        }
                        p = .extend(p, variable: v, e)
                        projected.append(v)
                    }
                }
            } else {
                projected = p.inScopeVariables.filter { !TermPattern.isInternalVariable($0) }
            }
        }
        // §18.2.5 Solution modifiers.
        if !orderBy.isEmpty { p = .orderBy(p, orderBy) }
        if select != nil { p = .project(p, projected) }
        switch select?.modifier ?? .none {
        case .none: break
        case .distinct: p = .distinct(p)
        case .reduced: p = .reduced(p)
        }
        if modifiers.offset > 0 || modifiers.limit != nil {
            p = .slice(p, offset: modifiers.offset, limit: modifiers.limit)
        }
        return (p, projected)
    }

    /// `e` with every aggregate replaced by a variable bound in `aggregates` (one per distinct
    /// aggregate, so `COUNT(?x)` twice is counted once).
    private mutating func extractAggregates(_ e: Expression, into aggregates: inout [AggregateBinding]) -> Expression {
        switch e {
        case .aggregate(let a):
            if let existing = aggregates.first(where: { $0.aggregate == a }) { return .variable(existing.variable) }
            let v = freshVariable(aggregate: true)
            aggregates.append(AggregateBinding(v, a))
            return .variable(v)
        case .variable, .term, .exists, .notExists:
            return e
        case .binary(let op, let l, let r):
            return .binary(op, extractAggregates(l, into: &aggregates), extractAggregates(r, into: &aggregates))
        case .unary(let op, let x):
            return .unary(op, extractAggregates(x, into: &aggregates))
        case .in(let x, let list, let negated):
            return .in(extractAggregates(x, into: &aggregates), list.map { extractAggregates($0, into: &aggregates) }, negated: negated)
        case .builtin(let f, let args):
            return .builtin(f, args.map { extractAggregates($0, into: &aggregates) })
        case .function(let iri, let args, let distinct):
            return .function(iri, args.map { extractAggregates($0, into: &aggregates) }, distinct: distinct)
        }
    }
}
