import ParleyRDF

/// The answer to a query, streamed: valid only inside the closure of
/// ``QueryEngine/query(_:options:_:)`` (it reads from that call's snapshot of the store).
public enum QueryResult {
    /// `ASK`.
    case boolean(Bool)
    /// `SELECT`: rows of terms in the order of `variables` (`nil` = unbound).
    case solutions(SolutionSequence)
    /// `CONSTRUCT` and `DESCRIBE`: triples (each quad's graph is `nil`), duplicates removed.
    case graph(TripleSequence)
}

/// The rows of a `SELECT`, pulled one at a time.
public final class SolutionSequence {
    /// The projected variables, without `?`.
    public let variables: [String]
    private let pull: () throws -> [Term?]?

    public init(variables: [String], next: @escaping () throws -> [Term?]?) {
        self.variables = variables
        self.pull = next
    }

    /// The next row, or `nil` at the end.
    public func next() throws -> [Term?]? { try pull() }
}

/// The triples of a `CONSTRUCT` or `DESCRIBE`, pulled one at a time.
public final class TripleSequence {
    private let pull: () throws -> Quad?

    public init(next: @escaping () throws -> Quad?) { self.pull = next }

    /// The next triple, or `nil` at the end.
    public func next() throws -> Quad? { try pull() }
}

/// What an update did.
public struct UpdateReport: Sendable {
    public var inserted = 0
    public var deleted = 0
    public init() {}
}
