import ParleyRDF
import ParleySPARQL
import ParleyStore

/// `COUNT(*)` without `GROUP BY` over one triple pattern (alone or in one `GRAPH`), answered
/// from the indexes' counts instead of from the solutions.
///
/// It applies only where the count of quads is the count of solutions: no `GROUP BY`, every
/// aggregate a `COUNT(*)` or a `COUNT(?v)` of a variable of the pattern (always bound), none
/// `DISTINCT`, and no variable twice in the pattern (`?x ?p ?x` must compare ids). The default
/// graph is read by what it is: the unnamed graph and one `FROM` graph are index counts; the
/// union of all graphs (when the store has named graphs) and a merge of `FROM` graphs are
/// sets of triples, so a triple in two graphs counts once, and they are counted by scanning
/// ids, still without building solutions. Anything else is evaluated as usual.
struct CountPlan {
    let subject: TermPattern
    let predicate: TermPattern
    let object: TermPattern
    /// The `GRAPH` around the pattern, if any.
    let graphName: TermPattern?

    /// The plan for a group's pattern and aggregates, or `nil` when the counts cannot answer it.
    init?(_ inner: GraphPattern, aggregates: [AggregateBinding]) {
        var pattern = inner
        var graphName: TermPattern?
        if case .graph(let name, let body) = inner {
            graphName = name
            pattern = body
        }
        guard case .bgp(let triples) = pattern, triples.count == 1, let triple = triples.first else { return nil }
        let variables = [triple.subject, triple.predicate, triple.object, graphName].compactMap { $0?.variable }
        guard Set(variables).count == variables.count, !aggregates.isEmpty else { return nil }
        for binding in aggregates {
            let aggregate = binding.aggregate
            guard aggregate.function == .count, !aggregate.distinct else { return nil }
            switch aggregate.argument {
            case nil: break
            case .variable(let v)? where variables.contains(v): break
            default: return nil
            }
        }
        subject = triple.subject
        predicate = triple.predicate
        object = triple.object
        self.graphName = graphName
    }
}

/// The single row of a counted group.
final class CountedGroupIterator: RowIterator {
    private var row: Row?
    init(_ row: Row) { self.row = row }
    func next() throws -> Row? {
        defer { row = nil }
        return row
    }
}

extension Evaluator {
    /// The group's one row, counted by `plan`, with every aggregate's slot set to the count.
    func countedGroup(_ plan: CountPlan, aggregates: [AggregateBinding], graph: ActiveGraph) throws -> RowIterator {
        func id(_ pattern: TermPattern) throws -> TermID? {
            guard case .term(let term) = pattern else { return nil }
            return try execution.table.storeID(term) ?? 0
        }
        let s = try id(plan.subject), p = try id(plan.predicate), o = try id(plan.object)
        var total = 0
        var methods: [String] = []
        func add(_ graph: ActiveGraph) throws {
            let counted = try execution.count(subject: s, predicate: p, object: o, graph: graph)
            total += counted.count
            if !methods.contains(counted.method) { methods.append(counted.method) }
        }
        switch plan.graphName {
        case nil:
            try add(graph)
        case .term(let name)?:
            let allowed = try execution.dataset.namedGraphs ?? execution.namedGraphIDs()
            if let g = try execution.table.storeID(name), allowed.contains(g) { try add(.named(g)) }
        case .variable?:
            if let named = execution.dataset.namedGraphs {
                for g in named { try add(.named(g)) }
            } else {
                // Every named graph: one count over the graph-last indexes.
                let counted = try execution.count(subject: s, predicate: p, object: o, graph: nil)
                total = counted.count
                methods = [counted.method]
            }
        }
        var row = execution.emptyRow
        let value = try execution.table.id(.integer(total))
        for binding in aggregates {
            if let slot = execution.slots.index[binding.variable] { row[slot] = value }
        }
        if let profile = execution.profile {
            func text(_ t: TermPattern) -> String {
                switch t {
                case .variable(let v): "?" + v
                case .term(let term): NTriplesSerializer.string(term)
                }
            }
            let label = "count(*) from \(methods.isEmpty ? "nothing (no such graph)" : methods.joined(separator: "; ")) "
                + "(\(text(plan.subject)) \(text(plan.predicate)) \(text(plan.object)))"
            let node = profile.add(label, depth: execution.explainDepth, key: [AnyHashable(label), AnyHashable(execution.explainDepth)])
            node.rows = total
        }
        return CountedGroupIterator(row)
    }
}
