import ParleyRDF
import ParleySPARQL
import ParleyStore

/// The rows of `input` for which `expression` is true (errors are false).
///
/// `?v = <iri>` and `?v = "simple literal"` (either way round) compare ids, not terms: for
/// those constants RDF term equality is SPARQL's `=`, and any other value of `?v` makes the
/// comparison false or an error, which FILTER also rejects.
final class FilterIterator: RowIterator {
    private let input: RowIterator
    private let expression: Expression
    private let execution: Execution
    private let graph: ActiveGraph
    private let idEquality: (slot: Int, id: TermID)?

    init(input: RowIterator, expression: Expression, graph: ActiveGraph, execution: Execution) {
        self.input = input
        self.expression = expression
        self.graph = graph
        self.execution = execution
        self.idEquality = Self.idEquality(expression, execution)
    }

    private static func idEquality(_ expression: Expression, _ execution: Execution) -> (slot: Int, id: TermID)? {
        guard case .binary(.equal, let a, let b) = expression else { return nil }
        let pair: (String, Term)
        switch (a, b) {
        case (.variable(let v), .term(let t)), (.term(let t), .variable(let v)): pair = (v, t)
        default: return nil
        }
        switch pair.1 {
        case .iri: break
        case .literal(let literal) where literal.language == nil && literal.datatype == Vocabulary.xsdString: break
        default: return nil
        }
        guard let slot = execution.slots.index[pair.0], let id = try? execution.table.id(pair.1) else { return nil }
        return (slot, id)
    }

    func next() throws -> Row? {
        while let row = try input.next() {
            try execution.checkpoint()
            if let (slot, id) = idEquality {
                if row[slot] == id { return row }
                continue
            }
            execution.currentGraph = graph
            execution.context.beginSolution()
            if execution.expressions.isTrue(expression, execution.bindings(row)) { return row }
        }
        return nil
    }
}

/// BIND: each row with more variables set to expressions' values (unbound on error), the
/// expressions evaluated in order, each seeing the ones before it.
final class ExtendIterator: RowIterator {
    private let input: RowIterator
    private let bindings: [(slot: Int, expression: Expression)]
    private let execution: Execution
    private let graph: ActiveGraph

    init(input: RowIterator, bindings: [(slot: Int, expression: Expression)], graph: ActiveGraph, execution: Execution) {
        self.input = input
        self.bindings = bindings
        self.graph = graph
        self.execution = execution
    }

    func next() throws -> Row? {
        guard var row = try input.next() else { return nil }
        execution.currentGraph = graph
        execution.context.beginSolution()
        for (slot, expression) in bindings where row[slot] == 0 {
            row[slot] = execution.evaluate(expression, row)
        }
        return row
    }
}

/// Join of a stream with a materialised right side: rows are indexed by the variables both
/// sides always bind, and checked for compatibility on the rest.
final class HashJoinIterator: RowIterator {
    private let left: RowIterator
    private let execution: Execution
    private let keySlots: [Int]
    private var table: [[TermID]: [Row]] = [:]
    private var unkeyed: [Row] = []
    private var pending: [Row] = []

    init(left: RowIterator, right: [Row], keySlots: [Int], execution: Execution) {
        self.left = left
        self.execution = execution
        self.keySlots = keySlots
        for row in right {
            let key = keySlots.map { row[$0] }
            if key.contains(0) { unkeyed.append(row) } else { table[key, default: []].append(row) }
        }
    }

    func next() throws -> Row? {
        while true {
            if let row = pending.popLast() { return row }
            guard let l = try left.next() else { return nil }
            try execution.checkpoint()
            let key = keySlots.map { l[$0] }
            let candidates: [Row]
            if key.contains(0) {
                candidates = table.values.flatMap { $0 } + unkeyed
            } else {
                candidates = (table[key] ?? []) + unkeyed
            }
            for r in candidates.reversed() where compatible(l, r) { pending.append(merged(l, r)) }
        }
    }
}

extension Execution {
    /// Whether a merged OPTIONAL row passes the OPTIONAL's own filter (true without one).
    func passes(_ filter: Expression?, _ row: Row, graph: ActiveGraph) -> Bool {
        guard let filter else { return true }
        currentGraph = graph
        context.beginSolution()
        return expressions.isTrue(filter, bindings(row))
    }
}

/// OPTIONAL: for each left row, the right rows made for it (the right side run with the left
/// row as its input, or the compatible rows of a materialised right side), filtered by the
/// OPTIONAL's condition; the left row alone when none pass.
final class CorrelatedLeftJoinIterator: RowIterator {
    private let left: RowIterator
    private let makeRight: (Row) throws -> RowIterator
    private let filter: Expression?
    private let execution: Execution
    private let graph: ActiveGraph
    private var pending: [Row] = []

    init(left: RowIterator, filter: Expression?, graph: ActiveGraph, execution: Execution,
         makeRight: @escaping (Row) throws -> RowIterator) {
        self.left = left
        self.makeRight = makeRight
        self.filter = filter
        self.graph = graph
        self.execution = execution
    }

    func next() throws -> Row? {
        while true {
            if let row = pending.popLast() { return row }
            guard let l = try left.next() else { return nil }
            let right = try makeRight(l)
            var matches: [Row] = []
            while let m = try right.next() {
                try execution.checkpoint()
                if execution.passes(filter, m, graph: graph) { matches.append(m) }
            }
            if matches.isEmpty { return l }
            pending = matches.reversed()
        }
    }
}

/// MINUS: left rows with no compatible right row sharing a bound variable.
final class MinusIterator: RowIterator {
    private let left: RowIterator
    private let right: [Row]
    private let execution: Execution

    init(left: RowIterator, right: [Row], execution: Execution) {
        self.left = left
        self.right = right
        self.execution = execution
    }

    func next() throws -> Row? {
        outer: while let l = try left.next() {
            for r in right {
                try execution.checkpoint()
                var shares = false
                var clash = false
                for i in 0..<l.count where l[i] != 0 && r[i] != 0 {
                    shares = true
                    if l[i] != r[i] { clash = true; break }
                }
                if shares && !clash { continue outer }
            }
            return l
        }
        return nil
    }
}

/// Streams one iterator after another.
final class ConcatIterator: RowIterator {
    private var parts: [() throws -> RowIterator]
    private var current: RowIterator?

    init(_ parts: [() throws -> RowIterator]) { self.parts = parts }

    func next() throws -> Row? {
        while true {
            if let current, let row = try current.next() { return row }
            guard !parts.isEmpty else { return nil }
            current = try parts.removeFirst()()
        }
    }
}

/// For each input row, the rows an inner iterator made for it produces.
final class PerRowIterator: RowIterator {
    private let input: RowIterator
    private let make: (Row) throws -> RowIterator
    private var current: RowIterator?

    init(input: RowIterator, make: @escaping (Row) throws -> RowIterator) {
        self.input = input
        self.make = make
    }

    func next() throws -> Row? {
        while true {
            if let current, let row = try current.next() { return row }
            guard let row = try input.next() else { return nil }
            current = try make(row)
        }
    }
}

/// Keeps only some slots bound (projection; a sub-select's other variables do not leak).
final class ProjectIterator: RowIterator {
    private let input: RowIterator
    private let keep: [Bool]

    init(input: RowIterator, keep: [Bool]) {
        self.input = input
        self.keep = keep
    }

    func next() throws -> Row? {
        guard var row = try input.next() else { return nil }
        for i in 0..<row.count where !keep[i] { row[i] = 0 }
        return row
    }
}

/// DISTINCT: each row once, in first-seen order.
final class DistinctIterator: RowIterator {
    private let input: RowIterator
    private var seen: Set<Row> = []
    private let execution: Execution

    init(input: RowIterator, execution: Execution) {
        self.input = input
        self.execution = execution
    }

    func next() throws -> Row? {
        while let row = try input.next() {
            try execution.checkpoint()
            if seen.insert(row).inserted { return row }
        }
        return nil
    }
}

/// REDUCED: drops rows equal to the one before (cheap, memory-free).
final class ReducedIterator: RowIterator {
    private let input: RowIterator
    private var last: Row?

    init(input: RowIterator) { self.input = input }

    func next() throws -> Row? {
        while let row = try input.next() {
            if row != last { last = row; return row }
        }
        return nil
    }
}

/// OFFSET and LIMIT; stops pulling from its input once the limit is reached.
final class SliceIterator: RowIterator {
    private let input: RowIterator
    private var toSkip: Int
    private var remaining: Int?

    init(input: RowIterator, offset: Int, limit: Int?) {
        self.input = input
        self.toSkip = offset
        self.remaining = limit
    }

    func next() throws -> Row? {
        if let remaining, remaining <= 0 { return nil }
        while toSkip > 0 {
            guard try input.next() != nil else { return nil }
            toSkip -= 1
        }
        guard let row = try input.next() else { return nil }
        if let r = remaining { remaining = r - 1 }
        return row
    }
}

/// Rows computed on first use.
final class LazyIterator: RowIterator {
    private let make: () throws -> [Row]
    private var rows: [Row]?
    private var position = 0

    init(_ make: @escaping () throws -> [Row]) { self.make = make }

    func next() throws -> Row? {
        if rows == nil { rows = try make() }
        guard let rows, position < rows.count else { return nil }
        defer { position += 1 }
        return rows[position]
    }
}
