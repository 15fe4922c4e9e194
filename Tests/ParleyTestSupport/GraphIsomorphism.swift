import ParleyRDF

/// Decides whether two RDF datasets are the same up to renaming blank nodes (RDF 1.1
/// graph isomorphism), as the W3C evaluation tests require.
///
/// Both inputs are treated as sets. Blank nodes are coloured by iterated hashing of their
/// neighbourhoods (colour refinement); when colours tie, one candidate pairing is fixed and
/// refinement repeats, backtracking over the choices. A mapping is accepted only after the
/// mapped quads are checked to be exactly the other set, so the answer never rests on a hash.
public enum GraphIsomorphism {
    /// Whether `a` and `b` are isomorphic.
    public static func areIsomorphic(_ a: [Quad], _ b: [Quad]) -> Bool {
        let setA = Set(a), setB = Set(b)
        guard setA.count == setB.count else { return false }
        let groundA = setA.filter { !hasBlank($0) }, groundB = setB.filter { !hasBlank($0) }
        guard groundA == groundB else { return false }
        let left = Side(setA.filter(hasBlank)), right = Side(setB.filter(hasBlank))
        guard left.quads.count == right.quads.count, left.blanks.count == right.blanks.count else { return false }
        let start = Dictionary(uniqueKeysWithValues: left.blanks.map { ($0, 0) })
        let startRight = Dictionary(uniqueKeysWithValues: right.blanks.map { ($0, 0) })
        return search(left, left.refine(start), right, right.refine(startRight), target: Set(right.quads), depth: 0)
    }

    /// A human-readable account of the difference, for test failure messages.
    public static func difference(_ a: [Quad], _ b: [Quad]) -> String {
        let setA = Set(a), setB = Set(b)
        let onlyA = setA.subtracting(setB).map { NTriplesSerializer.string([$0]) }.sorted()
        let onlyB = setB.subtracting(setA).map { NTriplesSerializer.string([$0]) }.sorted()
        return "\(setA.count) vs \(setB.count) quads; only in first (blank labels may differ):\n"
            + onlyA.prefix(20).joined() + "only in second:\n" + onlyB.prefix(20).joined()
    }

    private static func hasBlank(_ quad: Quad) -> Bool {
        [quad.subject, quad.predicate, quad.object, quad.graph].contains { term in
            if case .blank = term { return true }
            return false
        }
    }

    private static func search(_ left: Side, _ colorsA: [String: Int], _ right: Side, _ colorsB: [String: Int],
                               target: Set<Quad>, depth: Int) -> Bool {
        let classesA = Dictionary(grouping: left.blanks, by: { colorsA[$0] ?? 0 })
        let classesB = Dictionary(grouping: right.blanks, by: { colorsB[$0] ?? 0 })
        guard classesA.mapValues(\.count) == classesB.mapValues(\.count) else { return false }
        guard let (color, members) = classesA.filter({ $0.value.count > 1 })
            .min(by: { $0.value.count < $1.value.count || ($0.value.count == $1.value.count && $0.key < $1.key) })
        else {
            // Every colour is unique: the colours give the mapping.
            let byColor = Dictionary(uniqueKeysWithValues: right.blanks.map { (colorsB[$0] ?? 0, $0) })
            var mapping: [String: String] = [:]
            for blank in left.blanks { mapping[blank] = byColor[colorsA[blank] ?? 0] }
            return Set(left.quads.map { left.rename($0, mapping) }) == target
        }
        guard let x = members.first, let candidates = classesB[color] else { return false }
        var hasher = Hasher()
        hasher.combine(color)
        hasher.combine(depth)
        hasher.combine("fixed")
        let fixed = hasher.finalize()
        for y in candidates {
            var nextA = colorsA, nextB = colorsB
            nextA[x] = fixed
            nextB[y] = fixed
            if search(left, left.refine(nextA), right, right.refine(nextB), target: target, depth: depth + 1) {
                return true
            }
        }
        return false
    }

    /// One side's quads that mention blank nodes, indexed by blank node.
    private struct Side {
        let quads: [Quad]
        let blanks: [String]
        let incident: [String: [Quad]]

        init(_ quads: Set<Quad>) {
            self.quads = Array(quads)
            var incident: [String: [Quad]] = [:]
            for quad in quads {
                for term in [quad.subject, quad.predicate, quad.object, quad.graph] {
                    if case .blank(let label) = term, incident[label]?.last != quad {
                        incident[label, default: []].append(quad)
                    }
                }
            }
            self.incident = incident
            blanks = incident.keys.sorted()
        }

        /// Refines colours until the number of colour classes stops growing.
        func refine(_ start: [String: Int]) -> [String: Int] {
            var colors = start
            var classes = Set(colors.values).count
            for _ in 0...blanks.count {
                var next: [String: Int] = [:]
                for blank in blanks {
                    let signatures = (incident[blank] ?? []).map { signature($0, of: blank, colors) }.sorted()
                    var hasher = Hasher()
                    hasher.combine(colors[blank] ?? 0)
                    hasher.combine(signatures)
                    next[blank] = hasher.finalize()
                }
                colors = next
                let newClasses = Set(colors.values).count
                if newClasses == classes { break }
                classes = newClasses
            }
            return colors
        }

        private func signature(_ quad: Quad, of blank: String, _ colors: [String: Int]) -> Int {
            var hasher = Hasher()
            for (position, term) in [quad.subject, quad.predicate, quad.object, quad.graph].enumerated() {
                hasher.combine(position)
                switch term {
                case .blank(let label) where label == blank: hasher.combine("self")
                case .blank(let label): hasher.combine("blank"); hasher.combine(colors[label] ?? 0)
                case let other: hasher.combine(other)
                }
            }
            return hasher.finalize()
        }

        func rename(_ quad: Quad, _ mapping: [String: String]) -> Quad {
            func map(_ term: Term) -> Term {
                if case .blank(let label) = term, let target = mapping[label] { return .blank(target) }
                return term
            }
            return Quad(map(quad.subject), map(quad.predicate), map(quad.object), graph: quad.graph.map(map))
        }
    }
}
