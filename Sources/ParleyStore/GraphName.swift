import ParleyRDF

/// One graph of the store: the default graph or a named one. What graph replacement and
/// relabelling work on.
public enum GraphName: Hashable, Sendable {
    /// The default (unnamed) graph.
    case defaultGraph
    /// The graph named by this term (an IRI).
    case named(Term)

    /// The term quads of this graph carry as their graph (`nil` for the default graph).
    public var term: Term? {
        switch self {
        case .defaultGraph: nil
        case .named(let term): term
        }
    }
}

/// The graphs ``StoreWriter/clear(_:)`` empties.
public enum GraphSelection: Hashable, Sendable {
    /// One graph.
    case graph(GraphName)
    /// Every named graph (not the default graph).
    case allNamed
    /// The default graph and every named graph.
    case all
}

/// What ``StoreWriter/replaceGraph(_:with:)`` did.
public struct GraphReplacement: Hashable, Sendable {
    /// Quads the graph held before and that were removed.
    public var removed: Int
    /// Quads written that were new.
    public var added: Int
}
