import ParleyRDF

/// ORDER BY's order (§15.1 extended to a total order, like Jena/Oxigraph): unbound < blank
/// nodes < IRIs < literals; numerics by value, then strings, dates…; ties broken by term text so
/// sorting is deterministic.
///
/// Guarantees: `compare` is a total order (antisymmetric, transitive, consistent with `Term`
/// equality: 0 only for equal terms, or both nil). Literals group as numeric < strings (simple
/// and language-tagged together, by text, the simple one first on equal text, then by tag) <
/// boolean < dateTime < date < anything else; inside a group values
/// compare by value (`1` before `1.0` when equal by value, then by datatype IRI and text),
/// NaN before every other number, and dates with indeterminate order by lexical form.
public enum TermOrder {
    public static func compare(_ a: Term?, _ b: Term?) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let x?, let y?): return compare(x, y)
        }
    }

    static func compare(_ a: Term, _ b: Term) -> Int {
        switch (a, b) {
        case (.blank(let x), .blank(let y)): return Comparison.codepointCompare(x, y)
        case (.iri(let x), .iri(let y)): return Comparison.codepointCompare(x, y)
        case (.literal(let x), .literal(let y)): return compareLiterals(x, y)
        default: return rank(a) - rank(b)
        }
    }

    private static func rank(_ term: Term) -> Int {
        switch term {
        case .blank: 1
        case .iri: 2
        case .literal: 3
        }
    }

    private static func group(_ kind: Comparison.Kind) -> Int {
        switch kind {
        case .numeric: 0
        case .string, .langString: 1
        case .boolean: 3
        case .dateTime: 4
        case .date: 5
        case .opaque: 6
        }
    }

    private static func compareLiterals(_ a: Literal, _ b: Literal) -> Int {
        let ka = Comparison.kind(a), kb = Comparison.kind(b)
        let ga = group(ka), gb = group(kb)
        if ga != gb { return ga < gb ? -1 : 1 }
        var order = 0
        switch (ka, kb) {
        case (.numeric(let x), .numeric(let y)):
            switch (x.isNaN, y.isNaN) {
            case (true, false): order = -1
            case (false, true): order = 1
            case (true, true): order = 0
            case (false, false): order = NumericValue.compare(x, y) ?? 0
            }
        case (.string(let x), .string(let y)):
            order = Comparison.codepointCompare(x, y)
        case (.langString(let x, let lx), .langString(let y, let ly)):
            order = Comparison.codepointCompare(x, y)
            if order == 0 { order = Comparison.codepointCompare(lx, ly) }
        // Simple and language-tagged strings sort together by their text, as a reader expects
        // of a list of labels; on equal text the simple string comes first.
        case (.string(let x), .langString(let y, _)):
            order = Comparison.codepointCompare(x, y)
            if order == 0 { order = -1 }
        case (.langString(let x, _), .string(let y)):
            order = Comparison.codepointCompare(x, y)
            if order == 0 { order = 1 }
        case (.boolean(let x), .boolean(let y)):
            order = x == y ? 0 : (x ? 1 : -1)
        case (.dateTime(let x), .dateTime(let y)), (.date(let x), .date(let y)):
            order = DateTimeValue.compare(x, y) ?? 0
        default:
            break
        }
        if order != 0 { return order }
        // Tie-breaks that keep the order total: datatype, then lexical form, then tag.
        order = Comparison.codepointCompare(a.datatype, b.datatype)
        if order != 0 { return order }
        order = Comparison.codepointCompare(a.lexical, b.lexical)
        if order != 0 { return order }
        return Comparison.codepointCompare(a.language ?? "", b.language ?? "")
    }
}
