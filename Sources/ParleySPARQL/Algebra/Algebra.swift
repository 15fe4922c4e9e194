import ParleyRDF

/// A SPARQL algebra expression for a graph pattern and its solution modifiers, as
/// [§18.2](https://www.w3.org/TR/sparql11-query/#sparqlQuery) translates a query.
///
/// `description` prints it as an SSE S-expression, as Jena does:
/// `(project (?s) (bgp (triple ?s <http://ex/p> ?o)))`.
public indirect enum GraphPattern: Hashable, Sendable {
    /// [BGP](https://www.w3.org/TR/sparql11-query/#defn_BasicGraphPattern); the empty BGP is
    /// the identity of join (one solution, no bindings).
    case bgp([TriplePattern])
    /// [Path](https://www.w3.org/TR/sparql11-query/#defn_PropertyPathPattern): `subject path object`.
    case path(TermPattern, PropertyPath, TermPattern)
    /// [Join](https://www.w3.org/TR/sparql11-query/#defn_algJoin).
    case join(GraphPattern, GraphPattern)
    /// [LeftJoin](https://www.w3.org/TR/sparql11-query/#defn_algLeftJoin), with the OPTIONAL's
    /// filter (`nil` is `true`).
    case leftJoin(GraphPattern, GraphPattern, Expression?)
    /// [Filter](https://www.w3.org/TR/sparql11-query/#defn_algFilter).
    case filter(Expression, GraphPattern)
    /// [Union](https://www.w3.org/TR/sparql11-query/#defn_algUnion).
    case union(GraphPattern, GraphPattern)
    /// [Minus](https://www.w3.org/TR/sparql11-query/#defn_algMinus).
    case minus(GraphPattern, GraphPattern)
    /// `GRAPH name { … }`: evaluate in the named graph `name` (an IRI or a variable).
    case graph(TermPattern, GraphPattern)
    /// [Extend](https://www.w3.org/TR/sparql11-query/#defn_extend): BIND and `(expr AS ?v)`.
    case extend(GraphPattern, variable: String, Expression)
    /// Inline data: [ToMultiSet](https://www.w3.org/TR/sparql11-query/#defn_algToMultiSet) of a
    /// VALUES table; `nil` is `UNDEF`.
    case values(variables: [String], rows: [[Term?]])
    /// `SERVICE [SILENT] name { … }`, kept for an evaluator that may reject it.
    case service(TermPattern, GraphPattern, silent: Bool)
    /// [Group](https://www.w3.org/TR/sparql11-query/#defn_algGroup) by the values of `variables`
    /// (expressions were bound to variables by an Extend below) and
    /// [Aggregation](https://www.w3.org/TR/sparql11-query/#defn_algAggregation) with
    /// [AggregateJoin](https://www.w3.org/TR/sparql11-query/#defn_algAggregateJoin): each
    /// aggregate's result is bound to its variable. Empty `variables` is one group of all rows.
    case group(GraphPattern, variables: [String], aggregates: [AggregateBinding])
    /// [OrderBy](https://www.w3.org/TR/sparql11-query/#defn_algOrdered).
    case orderBy(GraphPattern, [OrderCondition])
    /// [Project](https://www.w3.org/TR/sparql11-query/#defn_algProjection).
    case project(GraphPattern, [String])
    /// [Distinct](https://www.w3.org/TR/sparql11-query/#defn_algDistinct).
    case distinct(GraphPattern)
    /// [Reduced](https://www.w3.org/TR/sparql11-query/#defn_algReduced).
    case reduced(GraphPattern)
    /// [Slice](https://www.w3.org/TR/sparql11-query/#defn_algSlice): OFFSET and LIMIT.
    case slice(GraphPattern, offset: Int, limit: Int?)

    /// The empty BGP.
    public static var unit: GraphPattern { .bgp([]) }
}

/// An aggregate whose result a ``GraphPattern/group(_:variables:aggregates:)`` binds to `variable`.
public struct AggregateBinding: Hashable, Sendable {
    public var variable: String
    public var aggregate: Aggregate

    public init(_ variable: String, _ aggregate: Aggregate) {
        self.variable = variable
        self.aggregate = aggregate
    }
}
