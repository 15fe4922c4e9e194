import ParleyStore

extension Execution {
    /// The exact number of triples matching a pattern of ids (`nil` = unbound) in `graph`
    /// (`nil`: every named graph, each quad once), with how it was found, for EXPLAIN.
    ///
    /// Index counts where the graph is one index's contents; the whole union of all graphs
    /// from two index counts and the store's count of triples held by more than one graph;
    /// where the graph is otherwise a set made of several (a pattern over the union when named
    /// graphs exist, or several `FROM` graphs), the distinct triples are counted by scanning ids.
    func count(subject: TermID?, predicate: TermID?, object: TermID?,
               graph: ActiveGraph?) throws -> (count: Int, method: String) {
        for id in [subject, predicate, object] {
            if let id, id == 0 || id >= TermTable.localBase { return (0, "nothing (a term the store does not hold)") }
        }
        func indexed(_ scope: GraphScope) throws -> (count: Int, method: String) {
            let counted = try snapshot.count(QuadPattern(subject: subject, predicate: predicate, object: object, graph: scope))
            return (counted.count, counted.methodDescription)
        }
        func scanned(_ how: String) throws -> (count: Int, method: String) {
            let source = try scan(subject: subject, predicate: predicate, object: object, graph: .defaultGraph)
            var n = 0
            while try source.next() != nil {
                try checkpoint()
                n += 1
            }
            return (n, how)
        }
        switch graph {
        case nil:
            return try indexed(.anyNamed)
        case .named(let g)?:
            guard g < TermTable.localBase else { return (0, "nothing (no such graph)") }
            return try indexed(.named(g))
        case .defaultGraph?:
            switch dataset.defaultGraph {
            case .unnamed:
                return try indexed(.defaultGraph)
            case .union:
                if try namedGraphIDs().isEmpty { return try indexed(.defaultGraph) }
                if subject == nil, predicate == nil, object == nil, let triples = try snapshot.unionTripleCount() {
                    return (triples, "indexes spo and spog, entry counts, less the triples in more than one graph (statistics)")
                }
                return try scanned("a scan of the union of all graphs (each triple once)")
            case .graphs(let graphs):
                if graphs.isEmpty { return (0, "nothing (no FROM graph in the store)") }
                if graphs.count == 1 { return try indexed(.named(graphs[0])) }
                return try scanned("a scan of the merged FROM graphs (each triple once)")
            }
        }
    }
}
