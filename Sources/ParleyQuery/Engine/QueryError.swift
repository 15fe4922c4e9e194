import ParleySPARQL

/// Why a query or update failed (not an expression error, which SPARQL turns into an unbound
/// value or a false filter).
public enum QueryError: Error, CustomStringConvertible, Sendable {
    /// The text is not valid SPARQL.
    case syntax(SPARQLSyntaxError)
    /// The query asks for something Parley does not do (e.g. `SERVICE`).
    case unsupported(String)
    /// `cancel()` was called on the query's token.
    case cancelled
    /// The query ran longer than its `timeout`.
    case timeout(Duration)
    /// An update could not be applied (`LOAD` of a missing file, `CREATE` of an existing graph…).
    case update(String)

    public var description: String {
        switch self {
        case .syntax(let error): "\(error)"
        case .unsupported(let what): "error: not supported: \(what)"
        case .cancelled: "error: query cancelled"
        case .timeout(let limit): "error: query stopped after its timeout of \(limit)"
        case .update(let message): "error: \(message)"
        }
    }
}
