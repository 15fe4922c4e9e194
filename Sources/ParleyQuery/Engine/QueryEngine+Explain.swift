import ParleySPARQL

extension QueryEngine {
    /// EXPLAIN: the query's algebra (as an S-expression) and its plan, run to the end with
    /// rows counted per operator: for each triple pattern the index it scans and the
    /// planner's estimate beside the rows it actually produced, and the total time.
    public func explain(_ query: Query, options: QueryOptions = QueryOptions()) throws -> String {
        try store.read { snapshot in
            let execution = try prepare(query.algebra, form: query.form, dataset: query.dataset, options: options,
                                        baseIRI: query.baseIRI ?? options.baseIRI, snapshot: snapshot)
            defer { execution.context.exists = nil }
            let profile = PlanProfile()
            execution.profile = profile
            let clock = ContinuousClock()
            let start = clock.now
            let root = try Evaluator(execution: execution).iterator(query.algebra, input: UnitIterator(execution), graph: .defaultGraph)
            var rows = 0
            while try root.next() != nil { rows += 1 }
            let elapsed = clock.now - start
            var text = "algebra:\n" + query.algebra.description + "\n\nplan:\n"
            text += profile.render()
            text += "\n\(rows) solution\(rows == 1 ? "" : "s") in \(elapsed.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 2))))\n"
            return text
        }
    }
}

/// Per-operator counts for EXPLAIN, filled in while the query runs.
final class PlanProfile {
    final class Node {
        let label: String
        let depth: Int
        var estimate: Double?
        var rows = 0
        /// How many times the operator was started (once per input row when correlated).
        var runs = 1
        init(label: String, depth: Int, estimate: Double?) {
            self.label = label
            self.depth = depth
            self.estimate = estimate
        }
    }

    private(set) var nodes: [Node] = []
    private var byKey: [AnyHashable: Node] = [:]

    /// The node for an operator; an operator built again (per input row) counts another run of
    /// the same node, so the plan stays the size of the query.
    func add(_ label: String, depth: Int, key: AnyHashable, estimate: Double? = nil) -> Node {
        if let existing = byKey[key] {
            existing.runs += 1
            return existing
        }
        let node = Node(label: label, depth: depth, estimate: estimate)
        nodes.append(node)
        byKey[key] = node
        return node
    }

    func render() -> String {
        var out = ""
        for node in nodes {
            out += String(repeating: "  ", count: node.depth) + node.label
            if let estimate = node.estimate {
                out += "  est \(Int(estimate.rounded()))\(node.runs > 1 ? " per run" : "")"
            }
            out += "  rows \(node.rows)"
            if node.runs > 1 { out += " over \(node.runs) runs" }
            out += "\n"
        }
        return out
    }
}

/// Counts the rows an operator produces, for EXPLAIN.
final class CountingIterator: RowIterator {
    private let input: RowIterator
    private let node: PlanProfile.Node

    init(input: RowIterator, node: PlanProfile.Node) {
        self.input = input
        self.node = node
    }

    func next() throws -> Row? {
        guard let row = try input.next() else { return nil }
        node.rows += 1
        return row
    }
}
