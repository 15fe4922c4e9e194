import ParleyStore

/// Two triple patterns with constant predicates over the same two variables, as subject and
/// object of both: `?a <p> ?b . ?b <q> ?a` (a cycle, e.g. mutual friends) or
/// `?a <p> ?b . ?a <q> ?b`. Joined by merging two sorted scans instead of one scan or seek per
/// row of the first.
///
/// The driver is scanned with only its predicate bound, which reads the `pos` order: grouped
/// by its object (`outer`), its subjects (`inner`) ascending within a group. For each group
/// the partner is scanned with the group's value and its predicate bound; that index's next
/// position is the other variable, so its values come ascending too, and one linear merge of
/// the two runs finds the pairs in both.
struct PairJoinPlan {
    let driver: CompiledTriple
    let partner: CompiledTriple
    /// The driver's object variable: its scan comes grouped by it.
    let outer: Int
    /// The driver's subject variable: ascending within each group.
    let inner: Int

    init?(driver: CompiledTriple, partner: CompiledTriple) {
        guard case .constant = driver.predicate, case .constant = partner.predicate,
              case .variable(let s) = driver.subject, case .variable(let o) = driver.object, s != o,
              case .variable(let ps) = partner.subject, case .variable(let po) = partner.object,
              Set([ps, po]) == Set([s, o]) else { return nil }
        self.driver = driver
        self.partner = partner
        outer = o
        inner = s
        partnerSubjectIsOuter = ps == o
    }

    /// Whether the partner's subject is the outer variable (its scan binds subject and
    /// predicate, and its objects are the inner values); else its object is.
    let partnerSubjectIsOuter: Bool
}

extension Execution {
    /// Whether scans in `graph` come in index order (not the merge of several `FROM` graphs,
    /// which comes graph after graph).
    func scansAreSorted(_ graph: ActiveGraph) -> Bool {
        guard case .defaultGraph = graph, case .graphs(let graphs) = dataset.defaultGraph else { return true }
        return graphs.count <= 1
    }
}

/// The merge join of a ``PairJoinPlan``, run once per input row. An input row that already
/// binds one of the two variables is matched by nested loops instead.
final class PairMergeJoinIterator: RowIterator {
    private let input: RowIterator
    private let plan: PairJoinPlan
    private let graph: ActiveGraph
    private let execution: Execution
    private let driverPredicate: TermID
    private let partnerPredicate: TermID
    private var base: Row?
    private var driver: QuadSource?
    private var fallback: RowIterator?
    private var currentOuter: TermID = 0
    private var partner: QuadSource?
    /// The inner value of the partner's current quad (`nil`: the partner's run has ended).
    private var partnerHead: TermID?

    init(input: RowIterator, plan: PairJoinPlan, graph: ActiveGraph, execution: Execution) {
        self.input = input
        self.plan = plan
        self.graph = graph
        self.execution = execution
        if case .constant(let p) = plan.driver.predicate { driverPredicate = p } else { driverPredicate = 0 }
        if case .constant(let p) = plan.partner.predicate { partnerPredicate = p } else { partnerPredicate = 0 }
    }

    func next() throws -> Row? {
        while true {
            if let fallback {
                if let row = try fallback.next() { return row }
                self.fallback = nil
            }
            if let driver, base != nil {
                // The driver is bound once per call, not once per quad: the loop runs over
                // every quad of the predicate and most find no partner.
                while let quad = try driver.next() {
                    try execution.checkpoint()
                    let u = quad.object, v = quad.subject
                    if partner == nil || u != currentOuter { try openPartner(u) }
                    while let head = partnerHead, head < v { try advancePartner() }
                    if partnerHead == v, var out = base {
                        out[plan.outer] = u
                        out[plan.inner] = v
                        return out
                    }
                }
                self.driver = nil
            }
            guard let row = try input.next() else { return nil }
            if row[plan.outer] != 0 || row[plan.inner] != 0 {
                let first = TriplePatternIterator(input: SingleRowIterator(row), pattern: plan.driver, graph: graph, execution: execution)
                fallback = TriplePatternIterator(input: first, pattern: plan.partner, graph: graph, execution: execution)
                continue
            }
            base = row
            partner = nil
            driver = try execution.scan(subject: nil, predicate: driverPredicate, object: nil, graph: graph)
        }
    }

    private func openPartner(_ outer: TermID) throws {
        currentOuter = outer
        // The last group's scan is started over on this one's (same positions bound).
        partner = plan.partnerSubjectIsOuter
            ? try execution.scan(subject: outer, predicate: partnerPredicate, object: nil, graph: graph, reusing: partner)
            : try execution.scan(subject: nil, predicate: partnerPredicate, object: outer, graph: graph, reusing: partner)
        try advancePartner()
    }

    @inline(__always)
    private func advancePartner() throws {
        guard let quad = try partner?.next() else {
            partnerHead = nil
            return
        }
        partnerHead = plan.partnerSubjectIsOuter ? quad.object : quad.subject
    }
}
