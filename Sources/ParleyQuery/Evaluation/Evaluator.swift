import ParleyRDF
import ParleySPARQL
import ParleyStore

/// Builds the pull-based operator tree for a graph pattern (SPARQL 1.1 §18.5 evaluation).
///
/// Patterns that only match and bind (BGPs, paths, VALUES, and unions, joins and GRAPHs of
/// them) take the rows of the pattern before them as input and run once per input row with
/// those bindings substituted (index nested-loop join). Any other pattern is evaluated on its
/// own and joined by hashing on the variables both sides always bind, which keeps FILTER,
/// OPTIONAL, MINUS and sub-query scoping exact.
struct Evaluator {
    let execution: Execution
    /// Run every pattern with the input's bindings substituted (EXISTS's semantics, §18.6).
    var substituting = false
    /// Set under `DISTINCT` over a projection of one BGP: the variables the result needs (the
    /// projected ones). A pattern that binds only variables nothing else needs then stops at
    /// its first match per row, since DISTINCT would drop the rest.
    var distinctNeeds: Set<Int>?

    init(execution: Execution, substituting: Bool = false) {
        self.execution = execution
        self.substituting = substituting
    }

    /// The solutions of `pattern` joined with the rows of `input`. Under EXPLAIN each operator
    /// is wrapped to count its rows, in a tree that mirrors the algebra.
    func iterator(_ pattern: GraphPattern, input: RowIterator, graph: ActiveGraph) throws -> RowIterator {
        guard let profile = execution.profile else { return try build(pattern, input: input, graph: graph) }
        let node = profile.add(Self.operatorName(pattern, correlated: !(input is UnitIterator)), depth: execution.explainDepth,
                               key: [AnyHashable(pattern), AnyHashable(execution.explainDepth)])
        execution.explainDepth += 1
        defer { execution.explainDepth -= 1 }
        return CountingIterator(input: try build(pattern, input: input, graph: graph), node: node)
    }

    /// Runs `body` (which builds operators) at an EXPLAIN depth: for sub-plans built while the
    /// query runs, once per input row, long after the tree around them was built.
    private func atDepth<R>(_ depth: Int, _ body: () throws -> R) rethrows -> R {
        let saved = execution.explainDepth
        execution.explainDepth = depth
        defer { execution.explainDepth = saved }
        return try body()
    }

    /// How EXPLAIN names an operator.
    static func operatorName(_ pattern: GraphPattern, correlated: Bool) -> String {
        let via = correlated ? " (per input row)" : ""
        switch pattern {
        case .bgp(let triples): return "bgp, \(triples.count) pattern\(triples.count == 1 ? "" : "s")\(via)"
        case .filter(_, .bgp(let triples)): return "bgp with filter, \(triples.count) pattern\(triples.count == 1 ? "" : "s")\(via)"
        case .path: return "path\(via)"
        case .join: return "join\(via)"
        case .leftJoin: return "optional (left join)\(via)"
        case .filter: return "filter\(via)"
        case .union: return "union\(via)"
        case .minus: return "minus\(via)"
        case .graph(let name, _): return "graph \(name.variable.map { "?" + $0 } ?? "<…>")\(via)"
        case .extend: return "bind\(via)"
        case .values(_, let rows): return "values, \(rows.count) row\(rows.count == 1 ? "" : "s")\(via)"
        case .service: return "service"
        case .group(_, let variables, let aggregates): return "group by \(variables.map { "?" + $0 }.joined(separator: " ")), \(aggregates.count) aggregate\(aggregates.count == 1 ? "" : "s")"
        case .orderBy: return "order by"
        case .project(_, let variables): return "project \(variables.map { "?" + $0 }.joined(separator: " "))"
        case .distinct: return "distinct"
        case .reduced: return "reduced"
        case .slice(_, let offset, let limit): return "slice offset \(offset) limit \(limit.map(String.init) ?? "none")"
        }
    }

    private func build(_ pattern: GraphPattern, input: RowIterator, graph: ActiveGraph) throws -> RowIterator {
        if !isSubstitutable(pattern) && !(input is UnitIterator) {
            let right = try collect(iterator(pattern, input: UnitIterator(execution), graph: graph))
            return HashJoinIterator(left: input, right: right, keySlots: certainSlots(pattern), execution: execution)
        }
        switch pattern {
        case .bgp(let triples):
            return try bgp(triples, filters: [], input: input, graph: graph)
        case .filter(let expression, .bgp(let triples)):
            return try bgp(triples, filters: conjuncts(expression), input: input, graph: graph)
        case .path(let s, let path, let o):
            return PathIterator(input: input, subject: try pathPosition(s), path: path, object: try pathPosition(o),
                                evaluator: PathEvaluator(execution: execution, graph: graph))
        case .join(let left, let right):
            let l = try iterator(left, input: input, graph: graph)
            return try iterator(right, input: l, graph: graph)
        case .leftJoin(let left, let right, let filter):
            let l = try iterator(left, input: input, graph: graph)
            if isSubstitutable(right) {
                let depth = execution.explainDepth
                return CorrelatedLeftJoinIterator(left: l, filter: filter, graph: graph, execution: execution) { row in
                    try atDepth(depth) { try iterator(right, input: SingleRowIterator(row), graph: graph) }
                }
            }
            let r = try collect(iterator(right, input: UnitIterator(execution), graph: graph))
            return CorrelatedLeftJoinIterator(left: l, filter: filter, graph: graph, execution: execution) { row in
                ArrayIterator(r.compactMap { compatible(row, $0) ? merged(row, $0) : nil })
            }
        case .filter(let expression, let inner):
            return FilterIterator(input: try iterator(inner, input: input, graph: graph), expression: expression,
                                  graph: graph, execution: execution)
        case .union(let a, let b):
            if input is UnitIterator {
                let depth = execution.explainDepth
                return ConcatIterator([
                    { try atDepth(depth) { try iterator(a, input: UnitIterator(execution), graph: graph) } },
                    { try atDepth(depth) { try iterator(b, input: UnitIterator(execution), graph: graph) } },
                ])
            }
            let depth = execution.explainDepth
            return PerRowIterator(input: input) { row in
                ConcatIterator([
                    { try atDepth(depth) { try iterator(a, input: SingleRowIterator(row), graph: graph) } },
                    { try atDepth(depth) { try iterator(b, input: SingleRowIterator(row), graph: graph) } },
                ])
            }
        case .minus(let left, let right):
            let l = try iterator(left, input: input, graph: graph)
            let r = try collect(iterator(right, input: UnitIterator(execution), graph: graph))
            return MinusIterator(left: l, right: r, execution: execution)
        case .graph(let name, let inner):
            return try graphPattern(name, inner, input: input)
        case .extend:
            // A chain of BINDs (or SELECT expressions) is one step per solution, so BNODE("x")
            // in two of them gives the same blank node within a solution.
            var bindings: [(slot: Int, expression: Expression)] = []
            var inner = pattern
            while case .extend(let next, let variable, let expression) = inner {
                bindings.insert((execution.slots.index[variable] ?? 0, expression), at: 0)
                inner = next
            }
            return ExtendIterator(input: try iterator(inner, input: input, graph: graph), bindings: bindings,
                                  graph: graph, execution: execution)
        case .values(let variables, let rows):
            return try values(variables, rows, input: input)
        case .service:
            throw QueryError.unsupported("SERVICE (federated queries)")
        case .group(let inner, let variables, let aggregates):
            if variables.isEmpty, input is UnitIterator, !substituting, let plan = CountPlan(inner, aggregates: aggregates) {
                return try countedGroup(plan, aggregates: aggregates, graph: graph)
            }
            let source = try iterator(inner, input: input, graph: graph)
            return GroupIterator(
                input: source,
                groupSlots: variables.compactMap { execution.slots.index[$0] },
                aggregates: aggregates.map { (execution.slots.index[$0.variable] ?? 0, $0.aggregate) },
                execution: execution)
        case .orderBy(let inner, let conditions):
            return OrderByIterator(input: try iterator(inner, input: input, graph: graph), conditions: conditions,
                                   keep: nil, execution: execution)
        case .project(let inner, let variables):
            var keep = [Bool](repeating: false, count: execution.width)
            for v in variables { if let slot = execution.slots.index[v] { keep[slot] = true } }
            return ProjectIterator(input: try iterator(inner, input: input, graph: graph), keep: keep)
        case .distinct(let inner):
            var evaluator = self
            if case .project(let body, let variables) = inner, Self.isBGP(body) {
                evaluator.distinctNeeds = Set(variables.compactMap { execution.slots.index[$0] })
            }
            return DistinctIterator(input: try evaluator.iterator(inner, input: input, graph: graph), execution: execution)
        case .reduced(let inner):
            return ReducedIterator(input: try iterator(inner, input: input, graph: graph))
        case .slice(let inner, let offset, let limit):
            if let limit, let sorted = orderedSource(inner) {
                // ORDER BY … LIMIT: keep only the first offset+limit rows while sorting.
                let ordered = OrderByIterator(
                    input: try iterator(sorted.source, input: input, graph: graph), conditions: sorted.conditions,
                    keep: offset + limit, execution: execution)
                return SliceIterator(input: sorted.wrap(ordered), offset: offset, limit: limit)
            }
            return SliceIterator(input: try iterator(inner, input: input, graph: graph), offset: offset, limit: limit)
        }
    }

    /// `orderBy(x)` or `project(orderBy(x))` under a slice, with how to rebuild the projection.
    private func orderedSource(_ pattern: GraphPattern)
        -> (source: GraphPattern, conditions: [OrderCondition], wrap: (RowIterator) -> RowIterator)? {
        switch pattern {
        case .orderBy(let source, let conditions):
            return (source, conditions, { $0 })
        case .project(.orderBy(let source, let conditions), let variables):
            var keep = [Bool](repeating: false, count: execution.width)
            for v in variables { if let slot = execution.slots.index[v] { keep[slot] = true } }
            return (source, conditions, { ProjectIterator(input: $0, keep: keep) })
        default:
            return nil
        }
    }

    /// A BGP, alone or under FILTERs.
    static func isBGP(_ pattern: GraphPattern) -> Bool {
        switch pattern {
        case .bgp: return true
        case .filter(_, let inner): return isBGP(inner)
        default: return false
        }
    }

    /// Whether a pattern may run with bindings from before it substituted (it only matches
    /// and binds, so substituting equals joining).
    func isSubstitutable(_ pattern: GraphPattern) -> Bool {
        if substituting {
            switch pattern {
            case .group, .project, .slice, .distinct, .reduced, .orderBy: return false
            default: return true
            }
        }
        switch pattern {
        case .bgp, .path, .values: return true
        case .join(let a, let b), .union(let a, let b): return isSubstitutable(a) && isSubstitutable(b)
        case .graph(_, let inner): return isSubstitutable(inner)
        default: return false
        }
    }

    /// Variables bound in every solution of a pattern (join keys).
    private func certainSlots(_ pattern: GraphPattern) -> [Int] {
        Self.certainVariables(pattern).compactMap { execution.slots.index[$0] }.sorted()
    }

    static func certainVariables(_ pattern: GraphPattern) -> Set<String> {
        switch pattern {
        case .bgp(let triples):
            return Set(triples.flatMap { [$0.subject, $0.predicate, $0.object].compactMap(\.variable) })
        case .path(let s, _, let o):
            return Set([s.variable, o.variable].compactMap { $0 })
        case .join(let a, let b):
            return certainVariables(a).union(certainVariables(b))
        case .leftJoin(let a, _, _), .minus(let a, _), .filter(_, let a), .orderBy(let a, _),
             .distinct(let a), .reduced(let a), .slice(let a, _, _):
            return certainVariables(a)
        case .union(let a, let b):
            return certainVariables(a).intersection(certainVariables(b))
        case .graph(let name, let inner):
            var result = certainVariables(inner)
            if let v = name.variable { result.insert(v) }
            return result
        case .extend(let inner, _, _):
            return certainVariables(inner)
        case .values(let variables, let rows):
            return Set(variables.enumerated().filter { i, _ in rows.allSatisfy { $0[i] != nil } }.map(\.element))
        case .group(_, let variables, _):
            return Set(variables)
        case .project(let inner, let variables):
            return certainVariables(inner).intersection(variables)
        case .service:
            return []
        }
    }

    private func conjuncts(_ expression: Expression) -> [Expression] {
        if case .binary(.and, let a, let b) = expression { return conjuncts(a) + conjuncts(b) }
        return [expression]
    }

    // MARK: Basic graph patterns

    private func position(_ pattern: TermPattern) throws -> CompiledTriple.Position {
        switch pattern {
        case .variable(let name): return .variable(execution.slots.index[name] ?? 0)
        case .term(let term): return .constant(try execution.table.storeID(term) ?? 0)
        }
    }

    private func pathPosition(_ pattern: TermPattern) throws -> CompiledTriple.Position {
        switch pattern {
        case .variable(let name): return .variable(execution.slots.index[name] ?? 0)
        case .term(let term): return .constant(try execution.table.id(term))
        }
    }

    /// A BGP as a chain of index nested-loop joins in the planner's order, each filter
    /// applied as soon as its variables are bound.
    private func bgp(_ triples: [TriplePattern], filters: [Expression], input: RowIterator, graph: ActiveGraph) throws -> RowIterator {
        let compiled = try triples.map { CompiledTriple(subject: try position($0.subject), predicate: try position($0.predicate), object: try position($0.object)) }
        let inputBound = (input as? SingleRowIterator)?.boundSlots ?? []
        let planner = Planner(execution: execution)
        var order = try planner.order(compiled, bound: inputBound, graph: graph)
        var pending = filters.map { (expression: $0, slots: Set(Self.variables(of: $0).compactMap { execution.slots.index[$0] }), exists: Self.hasExists($0)) }
        var bound = inputBound
        var current: RowIterator = input
        var estimateBound = inputBound
        enum Step { case pair(PairJoinPlan), triple(CompiledTriple) }
        var steps: [Step] = []
        if let pair = try pairJoin(&order, bound: inputBound, graph: graph) { steps.append(.pair(pair)) }
        steps += order.map(Step.triple)
        // Under DISTINCT: variables a later step, a filter or the result needs.
        var neededLater: [Set<Int>] = []
        // (A filter with EXISTS may read any variable: then every variable is needed.)
        if let needs = distinctNeeds, !pending.contains(where: \.exists) {
            var needed = needs.union(pending.flatMap(\.slots))
            for step in steps.reversed() {
                neededLater.insert(needed, at: 0)
                switch step {
                case .triple(let triple): needed.formUnion(triple.variables)
                case .pair(let pair): needed.formUnion(pair.driver.variables)
                }
            }
        }
        for (stepIndex, step) in steps.enumerated() {
            let variables: [Int]
            switch step {
            case .triple(let triple):
                // Every position bound: one seek per row, not a range scan.
                let probes = triple.variables.allSatisfy { estimateBound.contains($0) }
                // Binds only variables nothing needs (under DISTINCT): the first match will do.
                let firstOnly = !probes && stepIndex < neededLater.count
                    && triple.variables.allSatisfy { estimateBound.contains($0) || !neededLater[stepIndex].contains($0) }
                current = probes ? ProbeIterator(input: current, pattern: triple, graph: graph, execution: execution)
                    : TriplePatternIterator(input: current, pattern: triple, graph: graph, execution: execution,
                                            firstMatchOnly: firstOnly)
                if let profile = execution.profile {
                    let estimate = try planner.estimate(triple, bound: estimateBound, total: try planner.totalQuads())
                    let label = (probes ? "probe " : firstOnly ? "first match per row (DISTINCT), scan " : "scan ")
                        + (try describe(triple, bound: estimateBound, graph: graph))
                    let node = profile.add(label, depth: execution.explainDepth,
                                           key: [AnyHashable(label), AnyHashable(execution.explainDepth)], estimate: estimate)
                    current = CountingIterator(input: current, node: node)
                }
                variables = triple.variables
            case .pair(let pair):
                current = PairMergeJoinIterator(input: current, plan: pair, graph: graph, execution: execution)
                if let profile = execution.profile {
                    let label = "merge join on ?\(execution.slots.names[pair.outer]) ?\(execution.slots.names[pair.inner]): "
                        + "scan \(try describe(pair.driver, bound: estimateBound, graph: graph)) with "
                        + "scan \(try describe(pair.partner, bound: estimateBound.union([pair.outer]), graph: graph)) per ?\(execution.slots.names[pair.outer])"
                    let node = profile.add(label, depth: execution.explainDepth,
                                           key: [AnyHashable(label), AnyHashable(execution.explainDepth)])
                    current = CountingIterator(input: current, node: node)
                }
                variables = pair.driver.variables
            }
            estimateBound.formUnion(variables)
            bound.formUnion(variables)
            let ready = pending.filter { !$0.exists && $0.slots.isSubset(of: bound) }
            pending.removeAll { f in !f.exists && f.slots.isSubset(of: bound) }
            for f in ready { current = FilterIterator(input: current, expression: f.expression, graph: graph, execution: execution) }
        }
        for f in pending { current = FilterIterator(input: current, expression: f.expression, graph: graph, execution: execution) }
        return current
    }

    /// The merge join of the planner's first pattern with another over the same two variables
    /// (``PairJoinPlan``), both removed from `order`; `nil` (and `order` unchanged) where none
    /// applies or where the partner is so much larger than the first that one seek per row of
    /// the first reads less.
    private func pairJoin(_ order: inout [CompiledTriple], bound: Set<Int>, graph: ActiveGraph) throws -> PairJoinPlan? {
        guard order.count >= 2, execution.scansAreSorted(graph), let first = order.first,
              first.variables.allSatisfy({ !bound.contains($0) }) else { return nil }
        let planner = Planner(execution: execution)
        let total = try planner.totalQuads()
        for j in 1..<order.count {
            guard let plan = PairJoinPlan(driver: first, partner: order[j]) else { continue }
            let driverRows = try planner.estimate(first, bound: bound, total: total)
            let partnerRows = try planner.estimate(order[j], bound: bound, total: total)
            guard partnerRows <= 8 * max(driverRows, 1_000) else { return nil }
            order.remove(at: j)
            order.removeFirst()
            return plan
        }
        return nil
    }

    /// `spo (?s <p> ?o)` for EXPLAIN: the index a pattern's scan reads, and the pattern.
    private func describe(_ triple: CompiledTriple, bound: Set<Int>, graph: ActiveGraph) throws -> String {
        func known(_ p: CompiledTriple.Position) -> Bool {
            if case .variable(let slot) = p { return bound.contains(slot) }
            return true
        }
        func text(_ p: CompiledTriple.Position) throws -> String {
            switch p {
            case .variable(let slot): return "?" + execution.slots.names[slot]
            case .constant(0): return "<absent>"
            case .constant(let id): return try execution.table.term(id).map { NTriplesSerializer.string($0) } ?? "?"
            }
        }
        let scope: GraphScope = if case .named(let g) = graph { .named(g) } else { .defaultGraph }
        var pattern = ParleyStore.QuadPattern(graph: scope)
        pattern.subject = known(triple.subject) ? 1 : nil
        pattern.predicate = known(triple.predicate) ? 1 : nil
        pattern.object = known(triple.object) ? 1 : nil
        var index = pattern.plan.description
        if case .defaultGraph = graph, case .union = execution.dataset.defaultGraph, try !execution.namedGraphIDs().isEmpty {
            index += "+" + index + "g (union of all graphs)"
        }
        return "\(index) (\(try text(triple.subject)) \(try text(triple.predicate)) \(try text(triple.object)))"
    }

    static func hasExists(_ expression: Expression) -> Bool {
        switch expression {
        case .exists, .notExists: return true
        case .variable, .term: return false
        case .binary(_, let a, let b): return hasExists(a) || hasExists(b)
        case .unary(_, let a): return hasExists(a)
        case .in(let a, let list, _): return hasExists(a) || list.contains(where: hasExists)
        case .builtin(_, let args), .function(_, let args, _): return args.contains(where: hasExists)
        case .aggregate: return false
        }
    }

    static func variables(of expression: Expression) -> [String] {
        switch expression {
        case .variable(let v): return [v]
        case .term: return []
        case .binary(_, let a, let b): return variables(of: a) + variables(of: b)
        case .unary(_, let a): return variables(of: a)
        case .in(let a, let list, _): return variables(of: a) + list.flatMap(variables(of:))
        case .builtin(_, let args), .function(_, let args, _): return args.flatMap(variables(of:))
        case .exists, .notExists, .aggregate: return []
        }
    }

    // MARK: GRAPH and VALUES

    private func graphPattern(_ name: TermPattern, _ inner: GraphPattern, input: RowIterator) throws -> RowIterator {
        let allowed = try namedGraphs()
        switch name {
        case .term(let term):
            guard let id = try execution.table.storeID(term), allowed.contains(id) else {
                return EmptyIterator()
            }
            return try iterator(inner, input: input, graph: .named(id))
        case .variable(let variable):
            let slot = execution.slots.index[variable] ?? 0
            let depth = execution.explainDepth
            return PerRowIterator(input: input) { row in
                let candidates = row[slot] != 0 ? (allowed.contains(row[slot]) ? [row[slot]] : []) : allowed
                return ConcatIterator(candidates.map { g in
                    {
                        var seeded = row
                        seeded[slot] = g
                        if isSubstitutable(inner) {
                            return try atDepth(depth) { try iterator(inner, input: SingleRowIterator(seeded), graph: .named(g)) }
                        }
                        // Evaluate on its own in that graph, then join with the row.
                        let rows = try atDepth(depth) { try collect(iterator(inner, input: UnitIterator(execution), graph: .named(g))) }
                        return ArrayIterator(rows.compactMap { r -> Row? in
                            guard compatible(seeded, r) else { return nil }
                            return merged(seeded, r)
                        })
                    }
                })
            }
        }
    }

    /// The named graphs `GRAPH` may reach, in id order.
    private func namedGraphs() throws -> [TermID] {
        if let named = execution.dataset.namedGraphs { return named }
        return try execution.namedGraphIDs()
    }

    private func values(_ variables: [String], _ rows: [[Term?]], input: RowIterator) throws -> RowIterator {
        var table: [Row] = []
        for values in rows {
            var row = execution.emptyRow
            for (i, variable) in variables.enumerated() {
                if let term = values[i], let slot = execution.slots.index[variable] { row[slot] = try execution.table.id(term) }
            }
            table.append(row)
        }
        return PerRowIterator(input: input) { row in
            ArrayIterator(table.compactMap { compatible(row, $0) ? merged(row, $0) : nil })
        }
    }
}

/// The single empty solution: the input of a pattern evaluated on its own.
final class UnitIterator: RowIterator {
    private var done = false
    private let width: Int
    init(_ execution: Execution) { width = execution.width }
    func next() throws -> Row? {
        if done { return nil }
        done = true
        return Row(repeating: 0, count: width)
    }
}

/// One given row.
final class SingleRowIterator: RowIterator {
    private var row: Row?
    let boundSlots: Set<Int>
    init(_ row: Row) {
        self.row = row
        boundSlots = Set(row.indices.filter { row[$0] != 0 })
    }
    func next() throws -> Row? {
        defer { row = nil }
        return row
    }
}

/// No rows.
final class EmptyIterator: RowIterator {
    func next() throws -> Row? { nil }
}
