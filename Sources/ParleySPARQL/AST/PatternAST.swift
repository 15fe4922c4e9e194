import ParleyRDF

/// A group graph pattern as written: its elements in order, before §18.2.2 translation.
struct GroupPatternAST: Hashable, Sendable {
    var elements: [PatternElement] = []
}

/// One element of a group graph pattern (`GroupGraphPatternSub` in §19.8).
indirect enum PatternElement: Hashable, Sendable {
    /// A triples block, property lists and collections already expanded.
    case triples([PathTriple])
    case filter(Expression)
    case optional(GroupPatternAST)
    case minus(GroupPatternAST)
    /// `{…} UNION {…} …`; a lone `{…}` is a one-element union.
    case union([GroupPatternAST])
    case graph(TermPattern, GroupPatternAST)
    case service(TermPattern, GroupPatternAST, silent: Bool)
    /// `BIND(expr AS ?v)`, with the position of `?v` for the scope error.
    case bind(Expression, variable: String, at: TextPosition)
    case values(ValuesTable)
    case subSelect(SelectQueryAST)
}

/// A triple whose predicate may be a property path.
struct PathTriple: Hashable, Sendable {
    var subject: TermPattern
    var verb: Verb
    var object: TermPattern
}

/// A predicate position: a variable or IRI, or a path.
enum Verb: Hashable, Sendable {
    case term(TermPattern)
    case path(PropertyPath)
}

/// The rows of a VALUES block; `nil` is `UNDEF`.
struct ValuesTable: Hashable, Sendable {
    var variables: [String]
    var rows: [[Term?]]
}
