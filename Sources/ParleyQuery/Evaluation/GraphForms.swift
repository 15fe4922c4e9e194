import ParleyRDF
import ParleySPARQL
import ParleyStore

/// CONSTRUCT: instantiates the template once per solution (blank nodes fresh per solution),
/// drops triples with an unbound variable or that RDF does not allow (a literal subject, a
/// non-IRI predicate), and gives each distinct triple once.
final class ConstructIterator {
    private let root: RowIterator
    private let template: [TriplePattern]
    private let execution: Execution
    private var pending: [Quad] = []
    private var seen: Set<Quad> = []
    private var solution = 0

    init(root: RowIterator, template: [TriplePattern], execution: Execution) {
        self.root = root
        self.template = template
        self.execution = execution
    }

    func next() throws -> Quad? {
        while true {
            if let quad = pending.popLast() { return quad }
            guard let row = try root.next() else { return nil }
            solution += 1
            var produced: [Quad] = []
            for triple in template {
                guard let s = try instantiate(triple.subject, row), let p = try instantiate(triple.predicate, row),
                      let o = try instantiate(triple.object, row) else { continue }
                if case .literal = s { continue }
                guard case .iri = p else { continue }
                let quad = Quad(s, p, o)
                if seen.insert(quad).inserted { produced.append(quad) }
            }
            pending = produced.reversed()
        }
    }

    private func instantiate(_ pattern: TermPattern, _ row: Row) throws -> Term? {
        switch pattern {
        case .variable(let name):
            guard let slot = execution.slots.index[name] else { return nil }
            return try execution.table.term(row[slot])
        case .term(.blank(let label)):
            return .blank("c\(solution)_\(label)")
        case .term(let term):
            return term
        }
    }
}

/// DESCRIBE: for each resource named or bound, the triples with it as subject in the default
/// graph, following blank-node objects (a concise bounded description).
final class DescribeIterator {
    private var pending: [Quad] = []

    init(root: RowIterator, terms: [TermPattern], execution: Execution) throws {
        var resources: [TermID] = []
        var seenResources = Set<TermID>()
        func add(_ id: TermID) { if id != 0 && seenResources.insert(id).inserted { resources.append(id) } }
        let variables = terms.compactMap(\.variable).compactMap { execution.slots.index[$0] }
        for case .term(let term) in terms { if let id = try execution.table.storeID(term) { add(id) } }
        if !variables.isEmpty {
            while let row = try root.next() {
                for slot in variables { add(row[slot]) }
            }
        }
        var seen = Set<IDQuad>()
        var queue = resources
        var visited = Set<TermID>()
        var quads: [Quad] = []
        while let subject = queue.popLast() {
            guard visited.insert(subject).inserted, subject < TermTable.localBase else { continue }
            let source = try execution.scan(subject: subject, predicate: nil, object: nil, graph: .defaultGraph)
            while let quad = try source.next() {
                try execution.checkpoint()
                var triple = quad
                triple.graph = 0
                guard seen.insert(triple).inserted else { continue }
                guard let s = try execution.table.term(quad.subject), let p = try execution.table.term(quad.predicate),
                      let o = try execution.table.term(quad.object) else { continue }
                quads.append(Quad(s, p, o))
                if case .blank = o { queue.append(quad.object) }
            }
        }
        pending = quads.reversed()
    }

    func next() throws -> Quad? { pending.popLast() }
}
