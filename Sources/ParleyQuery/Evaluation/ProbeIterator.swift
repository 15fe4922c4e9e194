import ParleyStore

/// Whether fully bound triples are in the active graph, one index seek each, on cursors kept
/// open for the whole pattern (a scan per row would open a cursor per row).
final class TripleExistence {
    /// A ``QuadProbe`` in a class, so iterators can keep one.
    private final class Probe {
        var probe: QuadProbe
        init(_ probe: consuming QuadProbe) { self.probe = probe }
    }

    private let probes: [Probe]

    /// The probes the graph needs: one index for the unnamed graph or one named graph, the
    /// default and the named-graph index for the union, one per graph for merged `FROM` graphs.
    init(graph: ActiveGraph, execution: Execution) throws {
        let snapshot = execution.snapshot
        func probe(_ scope: GraphScope) throws -> Probe { Probe(try snapshot.makeProbe(scope)) }
        switch graph {
        case .named(let g):
            probes = g < TermTable.localBase ? [try probe(.named(g))] : []
        case .defaultGraph:
            switch execution.dataset.defaultGraph {
            case .unnamed:
                probes = [try probe(.defaultGraph)]
            case .union:
                probes = try execution.namedGraphIDs().isEmpty
                    ? [try probe(.defaultGraph)] : [try probe(.defaultGraph), try probe(.anyNamed)]
            case .graphs(let graphs):
                probes = try graphs.map { try probe(.named($0)) }
            }
        }
    }

    /// The index names, for EXPLAIN.
    var indexNames: String { probes.map { $0.probe.index.rawValue }.joined(separator: "+") }

    func contains(_ s: TermID, _ p: TermID, _ o: TermID) throws -> Bool {
        // 0: a constant the store does not hold; local ids: terms the query computed.
        if s == 0 || p == 0 || o == 0 || s >= TermTable.localBase || p >= TermTable.localBase || o >= TermTable.localBase {
            return false
        }
        for probe in probes where try probe.probe.contains(subject: s, predicate: p, object: o) { return true }
        return false
    }
}

/// A triple pattern whose positions are all bound when it runs (constants, or variables bound
/// by the patterns before it): each input row passes when its triple is in the graph, checked
/// by one seek (``TripleExistence``) instead of a range scan.
final class ProbeIterator: RowIterator {
    private let input: RowIterator
    private let pattern: CompiledTriple
    private let execution: Execution
    private let graph: ActiveGraph
    private var existence: TripleExistence?
    /// Rows that leave a position unbound after all (joined with an arbitrary input) are
    /// matched by a scan, as ``TriplePatternIterator`` would.
    private var fallback: RowIterator?

    init(input: RowIterator, pattern: CompiledTriple, graph: ActiveGraph, execution: Execution) {
        self.input = input
        self.pattern = pattern
        self.graph = graph
        self.execution = execution
    }

    func next() throws -> Row? {
        while true {
            if let fallback {
                if let row = try fallback.next() { return row }
                self.fallback = nil
            }
            guard let row = try input.next() else { return nil }
            try execution.checkpoint()
            guard let s = value(pattern.subject, row), let p = value(pattern.predicate, row),
                  let o = value(pattern.object, row) else {
                fallback = TriplePatternIterator(input: SingleRowIterator(row), pattern: pattern, graph: graph, execution: execution)
                continue
            }
            if existence == nil { existence = try TripleExistence(graph: graph, execution: execution) }
            if try existence?.contains(s, p, o) == true { return row }
        }
    }

    @inline(__always)
    private func value(_ position: CompiledTriple.Position, _ row: Row) -> TermID? {
        switch position {
        case .constant(let id): return id
        case .variable(let slot): return row[slot] == 0 ? nil : row[slot]
        }
    }
}
