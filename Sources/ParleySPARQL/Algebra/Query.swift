import ParleyRDF

/// A parsed SPARQL query: its form, dataset, algebra, and the prologue it was parsed with.
///
/// Guarantees: `algebra` follows §18.2 (no aggregates left inside expressions, blank nodes
/// of patterns turned into internal variables), and the static rules of §18 and §19 hold
/// (variables not rebound, grouping respected, blank node labels not shared between BGPs).
public struct Query: Hashable, Sendable, CustomStringConvertible {
    /// The query form and what it needs beyond the algebra.
    public enum Form: Hashable, Sendable {
        /// SELECT: the result variables in order (already the `Project` of `algebra`).
        case select(variables: [String], modifier: SelectModifier)
        /// CONSTRUCT: the template; blank nodes in it are fresh per solution.
        case construct([TriplePattern])
        /// DESCRIBE: the resources to describe (IRIs or variables of `algebra`).
        case describe([TermPattern])
        case ask
    }

    public var form: Form
    /// FROM / FROM NAMED, or `nil` when the query names no dataset.
    public var dataset: Dataset?
    public var algebra: GraphPattern
    /// The base IRI in force at the end of the prologue (BASE or the caller's).
    public var baseIRI: String?
    /// The prefixes in force at the end of the prologue, the caller's defaults included.
    public var prefixes: [String: String]

    public init(form: Form, dataset: Dataset?, algebra: GraphPattern, baseIRI: String?, prefixes: [String: String]) {
        self.form = form
        self.dataset = dataset
        self.algebra = algebra
        self.baseIRI = baseIRI
        self.prefixes = prefixes
    }

    /// The algebra as an S-expression, for EXPLAIN.
    public var description: String { algebra.description }
}

/// `DISTINCT` or `REDUCED` on a SELECT.
public enum SelectModifier: Hashable, Sendable {
    case none, distinct, reduced
}

/// An RDF dataset description: FROM graphs merged into the default graph, FROM NAMED graphs.
/// In an update, USING and USING NAMED.
public struct Dataset: Hashable, Sendable {
    public var defaultGraphs: [String]
    public var namedGraphs: [String]

    public init(defaultGraphs: [String] = [], namedGraphs: [String] = []) {
        self.defaultGraphs = defaultGraphs
        self.namedGraphs = namedGraphs
    }
}

/// A parsed SPARQL 1.1 Update request: operations to run in order, with the prologue in force
/// at its end. The static rules of SPARQL Update hold (see ``UpdateOperation``), and a blank
/// node label is not shared by two INSERT DATA operations.
public struct Update: Hashable, Sendable, CustomStringConvertible {
    public var operations: [UpdateOperation]
    public var baseIRI: String?
    public var prefixes: [String: String]

    public init(operations: [UpdateOperation], baseIRI: String?, prefixes: [String: String]) {
        self.operations = operations
        self.baseIRI = baseIRI
        self.prefixes = prefixes
    }

    public var description: String { operations.map(\.description).joined(separator: "\n") }
}

/// One operation of an update request: [SPARQL 1.1 Update §3](https://www.w3.org/TR/sparql11-update/#updateLanguage).
///
/// Guarantees: data operations hold no variables; DELETE DATA, DELETE WHERE and DELETE
/// templates hold no blank nodes.
public enum UpdateOperation: Hashable, Sendable {
    /// `INSERT DATA { … }`; blank nodes are `.blank` terms, fresh in the store.
    case insertData([Quad])
    /// `DELETE DATA { … }`.
    case deleteData([Quad])
    /// `DELETE WHERE { … }`: the quads are both the pattern and the template.
    case deleteWhere([QuadPattern])
    /// `[WITH g] DELETE {…} INSERT {…} [USING …] WHERE {…}`.
    case modify(with: String?, delete: [QuadPattern], insert: [QuadPattern], using: Dataset?, pattern: GraphPattern)
    /// `LOAD [SILENT] <source> [INTO GRAPH <g>]`.
    case load(silent: Bool, source: String, into: String?)
    /// `CLEAR [SILENT] target`.
    case clear(silent: Bool, GraphTarget)
    /// `DROP [SILENT] target`.
    case drop(silent: Bool, GraphTarget)
    /// `CREATE [SILENT] GRAPH <g>`.
    case create(silent: Bool, String)
    /// `ADD [SILENT] from TO to`.
    case add(silent: Bool, from: GraphReference, to: GraphReference)
    /// `MOVE [SILENT] from TO to`.
    case move(silent: Bool, from: GraphReference, to: GraphReference)
    /// `COPY [SILENT] from TO to`.
    case copy(silent: Bool, from: GraphReference, to: GraphReference)
}

/// The graphs CLEAR and DROP act on.
public enum GraphTarget: Hashable, Sendable {
    case graph(String)
    case defaultGraph
    case allNamed
    case all
}

/// A graph ADD, MOVE and COPY name: the default graph or a named one.
public enum GraphReference: Hashable, Sendable {
    case defaultGraph
    case graph(String)
}
