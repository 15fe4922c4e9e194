import ParleyRDF

/// A position in a triple or quad pattern: a variable or an RDF term.
///
/// Blank nodes written in a query *pattern* never appear here as terms: the parser turns them
/// into non-distinguished variables (names starting with `?`, e.g. `?b` for `_:b`, `?~3` for
/// `[]`), which `SELECT *` does not project. Blank nodes in CONSTRUCT and INSERT templates stay
/// `.term(.blank(label))`: they stand for fresh nodes per solution.
public enum TermPattern: Hashable, Sendable {
    /// A variable, named without `?`.
    case variable(String)
    case term(Term)

    /// The variable name, if this is a variable.
    public var variable: String? {
        if case .variable(let v) = self { return v }
        return nil
    }

    /// Whether `name` is a variable the parser made up (for a blank node, an aggregate or a
    /// path step) rather than one the user wrote.
    public static func isInternalVariable(_ name: String) -> Bool {
        guard let first = name.utf8.first else { return true }
        return first == UInt8(ascii: "?") || first == UInt8(ascii: ".")
    }
}

/// A triple pattern: [§18.1.4](https://www.w3.org/TR/sparql11-query/#defn_TriplePattern).
public struct TriplePattern: Hashable, Sendable {
    public var subject: TermPattern
    public var predicate: TermPattern
    public var object: TermPattern

    public init(_ subject: TermPattern, _ predicate: TermPattern, _ object: TermPattern) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }
}

/// A triple pattern in a graph: a quad pattern of an update template. `graph == nil` is the
/// default graph (or the WITH graph of a Modify).
public struct QuadPattern: Hashable, Sendable {
    public var subject: TermPattern
    public var predicate: TermPattern
    public var object: TermPattern
    public var graph: TermPattern?

    public init(_ subject: TermPattern, _ predicate: TermPattern, _ object: TermPattern, graph: TermPattern? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// A property path expression: [§18.1.7](https://www.w3.org/TR/sparql11-query/#defn_PropertyPathExpr).
///
/// Only paths that §18.2.2.4 cannot rewrite into triple patterns reach the algebra: a bare
/// IRI, `^iri` and sequences of those become triple patterns instead.
public indirect enum PropertyPath: Hashable, Sendable {
    /// `link(iri)`: one edge labelled `iri`.
    case link(String)
    /// `inv(path)`: `^path`.
    case inverse(PropertyPath)
    /// `seq(p, q)`: `p/q`.
    case sequence(PropertyPath, PropertyPath)
    /// `alt(p, q)`: `p|q`.
    case alternative(PropertyPath, PropertyPath)
    /// [ZeroOrMorePath](https://www.w3.org/TR/sparql11-query/#defn_evalPP_ZeroOrMorePath): `p*`.
    case zeroOrMore(PropertyPath)
    /// [OneOrMorePath](https://www.w3.org/TR/sparql11-query/#defn_evalPP_OneOrMorePath): `p+`.
    case oneOrMore(PropertyPath)
    /// [ZeroOrOnePath](https://www.w3.org/TR/sparql11-query/#defn_evalPP_ZeroOrOnePath): `p?`.
    case zeroOrOne(PropertyPath)
    /// [NPS](https://www.w3.org/TR/sparql11-query/#defn_evalPP_negatedPropertySet): `!(a|b)`,
    /// forward IRIs only; `!(^a)` is `inverse(negatedPropertySet([a]))`.
    case negatedPropertySet([String])
}
