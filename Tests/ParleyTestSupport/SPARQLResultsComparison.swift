import ParleyRDF

/// Decides whether an engine's answer is the one a W3C test expects, and says how it differs.
///
/// - Solutions are multisets, equal up to one blank node bijection across the whole result
///   (found by backtracking). Literals compare as terms: lexical form, datatype and language
///   tag exactly, with no value normalisation (the expected files are canonical; an engine that
///   writes `"1.0"` for `"1"` fails, as it should). Variables compare as sets.
/// - When the query orders its solutions (ORDER BY at the top), the caller passes the ordering
///   variables: the sequences of those columns must then match position by position, under the
///   same bijection. Rows whose keys tie may come in any order (Jena and Oxigraph do the same),
///   and ordering variables that are not projected cannot be checked.
/// - With lax cardinality (REDUCED), duplicate rows are ignored on both sides.
/// - Booleans compare as booleans; graphs by ``GraphIsomorphism``.
public enum SPARQLResultsComparison {
    /// `nil` when `actual` is what `expected` says, otherwise a short account of the difference.
    /// `orderedBy` is `nil` for an unordered result, else the projected ORDER BY variables.
    public static func difference(expected: SPARQLResults, actual: SPARQLResults,
                                  orderedBy: [String]? = nil, laxCardinality: Bool = false) -> String? {
        switch (expected, actual) {
        case (.boolean(let e), .boolean(let a)):
            return e == a ? nil : "expected \(e), got \(a)"
        case (.graph(let e), .graph(let a)):
            return GraphIsomorphism.areIsomorphic(e, a) ? nil : "graph differs: " + GraphIsomorphism.difference(e, a)
        case (.solutions(let e), .solutions(let a)):
            return difference(expected: e, actual: a, orderedBy: orderedBy, laxCardinality: laxCardinality)
        default:
            return "expected \(kind(expected)), got \(kind(actual))"
        }
    }

    /// The solution case of ``difference(expected:actual:orderedBy:laxCardinality:)``.
    public static func difference(expected: SPARQLSolutions, actual: SPARQLSolutions,
                                  orderedBy: [String]? = nil, laxCardinality: Bool = false) -> String? {
        if Set(expected.variables) != Set(actual.variables) {
            return "variables differ: expected \(expected.variables.map { "?" + $0 }.joined(separator: " ")), "
                + "got \(actual.variables.map { "?" + $0 }.joined(separator: " "))"
        }
        // Numeric literals compare by value within their datatype, as Jena's harness does: the
        // W3C expected files write the same xsd:decimal as "3" in one test and "3.0" in another.
        var expectedRows = expected.rows.map(NumericNormalisation.row)
        var actualRows = actual.rows.map(NumericNormalisation.row)
        if laxCardinality {
            expectedRows = unique(expectedRows)
            actualRows = unique(actualRows)
        }
        if let diff = multisetDifference(expectedRows, actualRows) { return diff }
        var matcher = BlankMatcher()
        if let keys = orderedBy {
            // The key sequence fixes the mapping of the blank nodes in it: no choice to backtrack.
            for (position, (e, a)) in zip(expectedRows, actualRows).enumerated() {
                for key in keys where !matcher.bind(e[key], a[key]) {
                    return "order differs at row \(position + 1) on ?\(key): expected \(format(e[key])), got \(format(a[key]))"
                }
            }
        }
        guard matcher.match(expectedRows, actualRows) else {
            return matcher.gaveUp
                ? "could not match blank nodes within the search budget"
                : "the same rows up to blank nodes, but no consistent blank node mapping exists"
        }
        return nil
    }

    /// What CSV keeps of a term: IRIs and literals become simple literals of their text (the
    /// empty string counts as unbound, as CSV cannot tell them apart), blank nodes stay blank.
    /// Compare an engine's answer to a `.csv` file by projecting it with this first.
    public static func csvProjection(_ solutions: SPARQLSolutions) -> SPARQLSolutions {
        SPARQLSolutions(variables: solutions.variables, rows: solutions.rows.map { row in
            row.compactMapValues { term -> Term? in
                switch term {
                case .iri(let iri): csvValue(iri)
                case .blank: term
                case .literal(let literal): csvValue(literal.lexical)
                }
            }
        })
    }

    /// The term a CSV cell's text stands for (see ``csvProjection(_:)``).
    static func csvValue(_ text: String) -> Term? {
        if text.isEmpty { return nil }
        if text.hasPrefix("_:") { return .blank(String(text.dropFirst(2))) }
        return .string(text)
    }

    private static func kind(_ results: SPARQLResults) -> String {
        switch results {
        case .boolean(let value): "boolean \(value)"
        case .graph(let quads): "a graph of \(quads.count) triples"
        case .solutions(let s): "\(s.rows.count) solutions"
        }
    }

    private static func unique(_ rows: [[String: Term]]) -> [[String: Term]] {
        var seen: Set<[String: Term]> = []
        return rows.filter { seen.insert($0).inserted }
    }

    /// Rows compared with every blank node as a wildcard: the rows one side has more of.
    private static func multisetDifference(_ expected: [[String: Term]], _ actual: [[String: Term]]) -> String? {
        var counts: [[String: Term]: Int] = [:]
        for row in expected { counts[shape(row), default: 0] += 1 }
        for row in actual { counts[shape(row), default: 0] -= 1 }
        let missing = counts.filter { $0.value > 0 }, extra = counts.filter { $0.value < 0 }
        guard !missing.isEmpty || !extra.isEmpty else { return nil }
        func list(_ rows: [[String: Term]: Int]) -> String {
            let lines = rows.map { row, count in format(row) + (abs(count) > 1 ? " ×\(abs(count))" : "") }.sorted()
            return lines.prefix(5).joined(separator: "; ") + (lines.count > 5 ? "; … (\(lines.count - 5) more)" : "")
        }
        var parts = ["expected \(expected.count) rows, got \(actual.count)"]
        if !missing.isEmpty { parts.append("missing: " + list(missing)) }
        if !extra.isEmpty { parts.append("extra: " + list(extra)) }
        return parts.joined(separator: "; ")
    }

    /// The row with every blank node replaced by the same placeholder.
    private static func shape(_ row: [String: Term]) -> [String: Term] {
        row.mapValues { term in
            if case .blank = term { return .blank("_") }
            return term
        }
    }

    /// `{?x=<…> ?y="a"}` with N-Triples terms, variables sorted.
    public static func format(_ row: [String: Term]) -> String {
        "{" + row.keys.sorted().map { "?\($0)=\(format(row[$0]))" }.joined(separator: " ") + "}"
    }

    static func format(_ term: Term?) -> String {
        guard let term else { return "unbound" }
        var out: [UInt8] = []
        NTriplesSerializer.appendTerm(term, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A blank node bijection, grown by backtracking over rows that hold blank nodes.
    private struct BlankMatcher {
        private var forward: [String: String] = [:]
        private var backward: [String: String] = [:]
        private var steps = 0
        private(set) var gaveUp = false
        private static let budget = 2_000_000

        /// Extends the mapping so that `e` maps to `a`; false (mapping unchanged) when impossible.
        mutating func bind(_ e: Term?, _ a: Term?) -> Bool {
            switch (e, a) {
            case (.blank(let x)?, .blank(let y)?):
                if let mapped = forward[x] { return mapped == y }
                if backward[y] != nil { return false }
                forward[x] = y
                backward[y] = x
                return true
            case (.blank?, _), (_, .blank?):
                return false
            default:
                return e == a
            }
        }

        /// Whether the rows match one to one under one bijection extending the current one.
        mutating func match(_ expected: [[String: Term]], _ actual: [[String: Term]]) -> Bool {
            // Rows without blank nodes were matched exactly by the multiset check.
            let withBlanks: ([String: Term]) -> Bool = { $0.values.contains { if case .blank = $0 { true } else { false } } }
            let e = expected.filter(withBlanks), a = actual.filter(withBlanks)
            guard e.count == a.count else { return false }
            // Most constrained rows first: rows whose shape is rarest.
            var shapeCounts: [[String: Term]: Int] = [:]
            for row in e { shapeCounts[SPARQLResultsComparison.shape(row), default: 0] += 1 }
            let order = e.sorted { (shapeCounts[shape($0)] ?? 0) < (shapeCounts[shape($1)] ?? 0) }
            var candidates: [[String: Term]: [Int]] = [:]
            for (i, row) in a.enumerated() { candidates[shape(row), default: []].append(i) }
            var used = Array(repeating: false, count: a.count)
            return search(order[...], a, candidates, &used)
        }

        private func shape(_ row: [String: Term]) -> [String: Term] { SPARQLResultsComparison.shape(row) }

        private mutating func search(_ rows: ArraySlice<[String: Term]>, _ actual: [[String: Term]],
                                     _ candidates: [[String: Term]: [Int]], _ used: inout [Bool]) -> Bool {
            guard let row = rows.first else { return true }
            for index in candidates[shape(row)] ?? [] where !used[index] {
                steps += 1
                if steps > Self.budget { gaveUp = true; return false }
                let saved = (forward, backward)
                if row.allSatisfy({ bind($0.value, actual[index][$0.key]) }) {
                    used[index] = true
                    if search(rows.dropFirst(), actual, candidates, &used) { return true }
                    used[index] = false
                }
                (forward, backward) = saved
                if gaveUp { return false }
            }
            return false
        }
    }
}
