import ParleyStore

/// Orders the triple patterns of a BGP: greedily the cheapest pattern next, preferring
/// patterns connected to variables already bound, so no cross product is made where a
/// connected order exists. Costs come from the store's statistics (triples per predicate)
/// and from which positions are bound.
struct Planner {
    let execution: Execution

    func order(_ patterns: [CompiledTriple], bound initial: Set<Int>, graph: ActiveGraph) throws -> [CompiledTriple] {
        var remaining = patterns
        var bound = initial
        var ordered: [CompiledTriple] = []
        let total = try max(1, totalQuads())
        while !remaining.isEmpty {
            var best = 0
            var bestCost = Double.infinity
            var bestConnected = false
            for (i, pattern) in remaining.enumerated() {
                let connected = bound.isEmpty || !Set(pattern.variables).isDisjoint(with: bound)
                let cost = try estimate(pattern, bound: bound, total: total)
                if (connected && !bestConnected) || (connected == bestConnected && cost < bestCost) {
                    best = i
                    bestCost = cost
                    bestConnected = connected
                }
            }
            let next = remaining.remove(at: best)
            ordered.append(next)
            bound.formUnion(next.variables)
        }
        return ordered
    }

    /// Estimated rows one evaluation of the pattern yields. A pattern whose bound positions are
    /// all constants of the query is counted exactly when it matches few quads (up to
    /// ``Execution/exactCountLimit``); otherwise the estimate comes from the predicate's count
    /// and how many positions are bound.
    func estimate(_ pattern: CompiledTriple, bound: Set<Int>, total: Double) throws -> Double {
        func known(_ position: CompiledTriple.Position) -> Bool {
            switch position {
            case .constant: return true
            case .variable(let slot): return bound.contains(slot)
            }
        }
        if case .constant(0) = pattern.subject { return 0 }
        if case .constant(0) = pattern.predicate { return 0 }
        if case .constant(0) = pattern.object { return 0 }
        let s = known(pattern.subject), o = known(pattern.object)
        var rows = total
        if case .constant(let p) = pattern.predicate {
            rows = try execution.predicateCount(p)
        } else if known(pattern.predicate) {
            rows = total / 50
        }
        let boundByVariable = pattern.variables.contains { bound.contains($0) }
        let counted = !boundByVariable && (s || o)
        if counted, let exact = try execution.smallCount(pattern) { return exact }
        switch (s, o) {
        case (true, true): rows = min(rows, 1)
        case (true, false): rows = min(rows, max(1, rows / 1_000) + 3)
        case (false, true): rows = min(rows, max(1, rows / 200) + 10)
        case (false, false): break
        }
        // Counting stopped past the limit: the pattern matches more than any counted one.
        if counted { rows = max(rows, Double(Execution.exactCountLimit + 1)) }
        return rows
    }

    func totalQuads() throws -> Double { try execution.totalQuads() }
}
