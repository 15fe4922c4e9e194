import ParleyRDF
import ParleySPARQL
import ParleyStore

/// ORDER BY: materialises its input and sorts it stably by the conditions (SPARQL's order
/// of terms, `TermOrder`). With a limit, keeps only the best `limit` rows while reading
/// (a bounded insertion buffer), so `ORDER BY … LIMIT 10` never holds the whole result.
final class OrderByIterator: RowIterator {
    private let input: RowIterator
    private let conditions: [OrderCondition]
    private let execution: Execution
    private let keep: Int?
    private var sorted: [Row]?
    private var position = 0

    init(input: RowIterator, conditions: [OrderCondition], keep: Int?, execution: Execution) {
        self.input = input
        self.conditions = conditions
        self.keep = keep
        self.execution = execution
    }

    func next() throws -> Row? {
        if sorted == nil { sorted = try sortAll() }
        guard let sorted, position < sorted.count else { return nil }
        defer { position += 1 }
        return sorted[position]
    }

    private func keys(_ row: Row) -> [Term?] {
        execution.context.beginSolution()
        let bindings = execution.bindings(row)
        return conditions.map { try? execution.expressions.evaluate($0.expression, bindings) }
    }

    /// Whether `a` sorts before `b`.
    private func precedes(_ a: [Term?], _ b: [Term?]) -> Bool {
        for (i, condition) in conditions.enumerated() {
            let c = TermOrder.compare(a[i], b[i])
            if c != 0 { return condition.descending ? c > 0 : c < 0 }
        }
        return false
    }

    private func sortAll() throws -> [Row] {
        var entries: [(keys: [Term?], index: Int, row: Row)] = []
        var index = 0
        while let row = try input.next() {
            try execution.checkpoint()
            let k: [Term?]
            if let keep, keep > 0, entries.count == keep, let last = entries.last, conditions.count > 1 {
                // Top-k: a row already worse than the last kept one on the first key is
                // dropped without evaluating the other keys.
                execution.context.beginSolution()
                let bindings = execution.bindings(row)
                let first = try? execution.expressions.evaluate(conditions[0].expression, bindings)
                let c = TermOrder.compare(first, last.keys[0])
                if conditions[0].descending ? c < 0 : c > 0 { continue }
                k = [first] + conditions.dropFirst().map { try? execution.expressions.evaluate($0.expression, bindings) }
            } else {
                k = keys(row)
            }
            if let keep {
                guard keep > 0 else { continue }
                if entries.count == keep, let last = entries.last, !precedes(k, last.keys) { continue }
                // Insert after every entry that does not sort after it (stable).
                var low = 0, high = entries.count
                while low < high {
                    let mid = (low + high) / 2
                    if precedes(k, entries[mid].keys) { high = mid } else { low = mid + 1 }
                }
                entries.insert((k, index, row), at: low)
                if entries.count > keep { entries.removeLast() }
            } else {
                entries.append((k, index, row))
            }
            index += 1
        }
        if keep == nil {
            entries.sort { a, b in
                if precedes(a.keys, b.keys) { return true }
                if precedes(b.keys, a.keys) { return false }
                return a.index < b.index
            }
        }
        return entries.map(\.row)
    }
}

/// GROUP BY with aggregates: materialises its input, groups rows by the group variables' ids
/// and folds each aggregate over its group.
final class GroupIterator: RowIterator {
    private let input: RowIterator
    private let groupSlots: [Int]
    private let aggregates: [(slot: Int, aggregate: Aggregate)]
    private let execution: Execution
    private var output: [Row]?
    private var position = 0

    init(input: RowIterator, groupSlots: [Int], aggregates: [(slot: Int, aggregate: Aggregate)], execution: Execution) {
        self.input = input
        self.groupSlots = groupSlots
        self.aggregates = aggregates
        self.execution = execution
    }

    func next() throws -> Row? {
        if output == nil { output = try group() }
        guard let output, position < output.count else { return nil }
        defer { position += 1 }
        return output[position]
    }

    private func group() throws -> [Row] {
        var order: [[TermID]] = []
        var groups: [[TermID]: [AggregateAccumulator]] = [:]
        let fresh = aggregates.map { AggregateAccumulator($0.aggregate, context: execution.context) }
        if groupSlots.isEmpty {
            // One group of every row: no key to build or look up per row.
            var accumulators = fresh
            while let row = try input.next() {
                try execution.checkpoint()
                execution.context.beginSolution()
                let bindings = execution.bindings(row)
                for i in 0..<accumulators.count { accumulators[i].add(bindings, evaluator: execution.expressions) }
            }
            var row = execution.emptyRow
            for (i, aggregate) in aggregates.enumerated() {
                if let value = accumulators[i].result() { row[aggregate.slot] = try execution.table.id(value) }
            }
            return [row]
        }
        while let row = try input.next() {
            try execution.checkpoint()
            let key = groupSlots.map { row[$0] }
            if groups[key] == nil {
                groups[key] = fresh
                order.append(key)
            }
            execution.context.beginSolution()
            let bindings = execution.bindings(row)
            for i in 0..<aggregates.count {
                groups[key]![i].add(bindings, evaluator: execution.expressions)
            }
        }
        // Without GROUP BY, an empty input still makes one group (COUNT(*) = 0).
        if order.isEmpty && groupSlots.isEmpty {
            order.append([])
            groups[[]] = fresh
        }
        var rows: [Row] = []
        for key in order {
            var row = execution.emptyRow
            for (i, slot) in groupSlots.enumerated() { row[slot] = key[i] }
            for (i, aggregate) in aggregates.enumerated() {
                if let value = groups[key]![i].result() { row[aggregate.slot] = try execution.table.id(value) }
            }
            rows.append(row)
        }
        return rows
    }
}
