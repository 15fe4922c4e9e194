import ParleyRDF
import ParleySPARQL
import ParleyStore

/// Runs SPARQL queries and updates against a ``Store``.
///
/// A query runs in one read snapshot and streams its results to the closure (never holding
/// a transaction after it returns); an update request runs in one write transaction, so it
/// lands whole or not at all. The default graph is the union of all graphs unless
/// `QueryOptions.unionDefaultGraph` is off or the query has `FROM`.
public final class QueryEngine: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// Evaluates `query` and hands its result to `body`, which must consume it before
    /// returning.
    public func query<R>(_ query: Query, options: QueryOptions = QueryOptions(), _ body: (QueryResult) throws -> R) throws -> R {
        try store.read { snapshot in
            let execution = try prepare(query.algebra, form: query.form, dataset: query.dataset, options: options,
                                        baseIRI: query.baseIRI ?? options.baseIRI, snapshot: snapshot)
            defer { execution.context.exists = nil }
            let root = try Evaluator(execution: execution).iterator(query.algebra, input: UnitIterator(execution), graph: .defaultGraph)
            return try body(try result(of: query.form, root: root, execution: execution))
        }
    }

    func prepare(_ algebra: GraphPattern, form: Query.Form?, dataset: Dataset?, options: QueryOptions,
                 baseIRI: String?, snapshot: StoreSnapshot, defaultGraph: String? = nil) throws -> Execution {
        var collector = VariableCollector()
        collector.add(algebra)
        switch form {
        case .select(let variables, _)?: for v in variables { collector.slots.slot(v) }
        case .construct(let template)?: for t in template { collector.add(t) }
        case .describe(let terms)?: for t in terms { collector.add(t) }
        default: break
        }
        var resolved = try resolve(dataset, options: options, snapshot: snapshot)
        if let defaultGraph {
            // WITH: this graph is the default graph; GRAPH still reaches every named graph.
            let id = try snapshot.id(of: .iri(defaultGraph))
            resolved = ResolvedDataset(defaultGraph: .graphs(id.map { [$0] } ?? []), namedGraphs: nil)
        }
        let execution = Execution(snapshot: snapshot, slots: collector.slots, dataset: resolved,
                                  options: options, baseIRI: baseIRI)
        execution.context.exists = { [unowned execution] pattern, bindings in
            guard let row = (bindings as? RowBindings)?.row else { return false }
            let evaluator = Evaluator(execution: execution, substituting: true)
            return try evaluator.iterator(pattern, input: SingleRowIterator(row), graph: execution.currentGraph).next() != nil
        }
        return execution
    }

    private func resolve(_ dataset: Dataset?, options: QueryOptions, snapshot: StoreSnapshot) throws -> ResolvedDataset {
        guard let dataset else {
            return ResolvedDataset(defaultGraph: options.unionDefaultGraph ? .union : .unnamed, namedGraphs: nil)
        }
        func ids(_ iris: [String]) throws -> [TermID] {
            var result: [TermID] = []
            for iri in iris {
                if let id = try snapshot.id(of: .iri(iri)), !result.contains(id) { result.append(id) }
            }
            return result
        }
        return ResolvedDataset(defaultGraph: .graphs(try ids(dataset.defaultGraphs)),
                               namedGraphs: try ids(dataset.namedGraphs).sorted())
    }

    private func result(of form: Query.Form, root: RowIterator, execution: Execution) throws -> QueryResult {
        switch form {
        case .select(let variables, _):
            let slots = variables.map { execution.slots.index[$0] ?? 0 }
            return .solutions(SolutionSequence(variables: variables) {
                guard let row = try root.next() else { return nil }
                return try slots.map { try execution.table.term(row[$0]) }
            })
        case .ask:
            return .boolean(try root.next() != nil)
        case .construct(let template):
            return .graph(TripleSequence(next: ConstructIterator(root: root, template: template, execution: execution).next))
        case .describe(let terms):
            return .graph(TripleSequence(next: try DescribeIterator(root: root, terms: terms, execution: execution).next))
        }
    }
}
