import ParleyRDF
import ParleySPARQL
import ParleyStore

/// Evaluates property paths (SPARQL 1.1 §9, §18.4): sequences and alternatives as joins and
/// unions (with duplicates), `*`, `+` and `?` as sets of reachable nodes (the ALP procedure),
/// breadth-first with a visited set, so cycles terminate.
struct PathEvaluator {
    let execution: Execution
    let graph: ActiveGraph

    /// The (start, end) pairs of `path` with the given ends (nil = unbound).
    func pairs(_ path: PropertyPath, subject: TermID?, object: TermID?) throws -> [(TermID, TermID)] {
        try execution.checkpoint()
        switch path {
        case .link(let iri):
            guard let p = try execution.table.storeID(.iri(iri)) else { return [] }
            return try scanPairs(subject: subject, predicate: p, object: object, excluding: nil)
        case .inverse(let inner):
            return try pairs(inner, subject: object, object: subject).map { ($0.1, $0.0) }
        case .sequence(let first, let second):
            var result: [(TermID, TermID)] = []
            if subject == nil && object != nil {
                for (mid, end) in try pairs(second, subject: nil, object: object) {
                    for (start, _) in try pairs(first, subject: nil, object: mid) { result.append((start, end)) }
                }
            } else {
                for (start, mid) in try pairs(first, subject: subject, object: nil) {
                    for (_, end) in try pairs(second, subject: mid, object: object) { result.append((start, end)) }
                }
            }
            return result
        case .alternative(let a, let b):
            return try pairs(a, subject: subject, object: object) + pairs(b, subject: subject, object: object)
        case .zeroOrOne(let inner):
            var set = Set<PairKey>()
            var result: [(TermID, TermID)] = []
            for pair in try zeroLength(subject: subject, object: object) + pairs(inner, subject: subject, object: object)
            where set.insert(PairKey(pair)).inserted {
                result.append(pair)
            }
            return result
        case .zeroOrMore(let inner):
            return try closure(inner, subject: subject, object: object, includeZero: true)
        case .oneOrMore(let inner):
            return try closure(inner, subject: subject, object: object, includeZero: false)
        case .negatedPropertySet(let iris):
            var excluded = Set<TermID>()
            for iri in iris { if let id = try execution.table.storeID(.iri(iri)) { excluded.insert(id) } }
            return try scanPairs(subject: subject, predicate: nil, object: object, excluding: excluded)
        }
    }

    private struct PairKey: Hashable {
        let a: TermID, b: TermID
        init(_ pair: (TermID, TermID)) { a = pair.0; b = pair.1 }
    }

    private func scanPairs(subject: TermID?, predicate: TermID?, object: TermID?, excluding: Set<TermID>?) throws -> [(TermID, TermID)] {
        let source = try execution.scan(subject: subject, predicate: predicate, object: object, graph: graph)
        var result: [(TermID, TermID)] = []
        while let quad = try source.next() {
            try execution.checkpoint()
            if let excluding, excluding.contains(quad.predicate) { continue }
            result.append((quad.subject, quad.object))
        }
        return result
    }

    /// Zero-length paths: every node of the graph to itself, or the bound end(s).
    private func zeroLength(subject: TermID?, object: TermID?) throws -> [(TermID, TermID)] {
        switch (subject, object) {
        case let (s?, o?): return s == o ? [(s, s)] : []
        case let (s?, nil): return [(s, s)]
        case let (nil, o?): return [(o, o)]
        case (nil, nil): return try nodes().map { ($0, $0) }
        }
    }

    /// Whether a term is a subject or object of the active graph.
    func isNode(_ id: TermID) throws -> Bool {
        if try execution.scan(subject: id, predicate: nil, object: nil, graph: graph).next() != nil { return true }
        return try execution.scan(subject: nil, predicate: nil, object: id, graph: graph).next() != nil
    }

    /// Every subject and object of the active graph.
    private func nodes() throws -> [TermID] {
        let source = try execution.scan(subject: nil, predicate: nil, object: nil, graph: graph)
        var seen = Set<TermID>()
        var result: [TermID] = []
        while let quad = try source.next() {
            try execution.checkpoint()
            if seen.insert(quad.subject).inserted { result.append(quad.subject) }
            if seen.insert(quad.object).inserted { result.append(quad.object) }
        }
        return result
    }

    private func closure(_ inner: PropertyPath, subject: TermID?, object: TermID?, includeZero: Bool) throws -> [(TermID, TermID)] {
        switch (subject, object) {
        case let (s?, _):
            let reached = try reachable(from: s, via: inner, includeZero: includeZero, forward: true)
            if let object { return reached.contains(object) ? [(s, object)] : [] }
            return reached.map { (s, $0) }
        case let (nil, o?):
            return try reachable(from: o, via: inner, includeZero: includeZero, forward: false).map { ($0, o) }
        case (nil, nil):
            var result: [(TermID, TermID)] = []
            let starts = includeZero ? try nodes() : Array(Set(try pairs(inner, subject: nil, object: nil).map(\.0)))
            for start in starts {
                for end in try reachable(from: start, via: inner, includeZero: includeZero, forward: true) {
                    result.append((start, end))
                }
            }
            return result
        }
    }

    /// Nodes reachable from `start` in one or more steps (and `start` itself with zero).
    private func reachable(from start: TermID, via inner: PropertyPath, includeZero: Bool, forward: Bool) throws -> [TermID] {
        var visited = Set<TermID>()
        var result: [TermID] = []
        if includeZero {
            visited.insert(start)
            result.append(start)
        }
        var frontier = [start]
        var expanded = Set<TermID>()
        while let node = frontier.popLast() {
            guard expanded.insert(node).inserted else { continue }
            let steps = forward ? try pairs(inner, subject: node, object: nil).map(\.1)
                                : try pairs(inner, subject: nil, object: node).map(\.0)
            for next in steps {
                if visited.insert(next).inserted { result.append(next) }
                frontier.append(next)
            }
        }
        return result
    }
}

/// Joins the input with a property path pattern, per input row.
final class PathIterator: RowIterator {
    private let input: RowIterator
    private let subject: CompiledTriple.Position
    private let object: CompiledTriple.Position
    private let path: PropertyPath
    private let evaluator: PathEvaluator
    private var pending: [Row] = []

    init(input: RowIterator, subject: CompiledTriple.Position, path: PropertyPath, object: CompiledTriple.Position,
         evaluator: PathEvaluator) {
        self.input = input
        self.subject = subject
        self.object = object
        self.path = path
        self.evaluator = evaluator
    }

    func next() throws -> Row? {
        while true {
            if let row = pending.popLast() { return row }
            guard let row = try input.next() else { return nil }
            let s = value(subject, row), o = value(object, row)
            var produced: [Row] = []
            for (start, end) in try evaluator.pairs(path, subject: s, object: o) {
                // A zero-length match of a value bound before the path (not a constant of the
                // query) needs that value to be a node of the graph: the path is joined with
                // what came before, not evaluated with it substituted (W3C values_and_path).
                if start == end, isPreBound(subject, row) || isPreBound(object, row), try !evaluator.isNode(start) { continue }
                var out = row
                guard assign(&out, subject, start), assign(&out, object, end) else { continue }
                produced.append(out)
            }
            pending = produced.reversed()
        }
    }

    private func isPreBound(_ position: CompiledTriple.Position, _ row: Row) -> Bool {
        if case .variable(let slot) = position { return row[slot] != 0 }
        return false
    }

    private func value(_ position: CompiledTriple.Position, _ row: Row) -> TermID? {
        switch position {
        case .constant(let id): return id
        case .variable(let slot): return row[slot] == 0 ? nil : row[slot]
        }
    }

    private func assign(_ row: inout Row, _ position: CompiledTriple.Position, _ id: TermID) -> Bool {
        switch position {
        case .constant(let c): return c == id
        case .variable(let slot):
            if row[slot] == 0 { row[slot] = id; return true }
            return row[slot] == id
        }
    }
}
