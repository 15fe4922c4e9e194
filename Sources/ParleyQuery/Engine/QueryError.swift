import ParleyRDF
import ParleySPARQL

/// Why a query or update failed (not an expression error, which SPARQL turns into an unbound
/// value or a false filter).
public enum QueryError: DiagnosticError, Sendable {
    /// The text is not valid SPARQL.
    case syntax(SPARQLSyntaxError)
    /// The query asks for something Parley does not do (e.g. `SERVICE`).
    case unsupported(String)
    /// `cancel()` was called on the query's token.
    case cancelled
    /// The query ran longer than its `timeout`.
    case timeout(Duration)
    /// An update could not be applied (`CREATE` of an existing graph…).
    case update(String)
    /// `LOAD <source>` failed: the file is missing, its syntax unknown, or its text invalid
    /// (the diagnostic names the file, line and column).
    case load(String, Diagnostic)

    public var diagnostic: Diagnostic {
        switch self {
        case .syntax(let error): error.diagnostic
        case .unsupported(let what): Diagnostic("not supported: \(what)")
        case .cancelled: Diagnostic("query cancelled")
        case .timeout(let limit): Diagnostic("query stopped after its timeout of \(limit)")
        case .update(let message): Diagnostic(message)
        case .load(let source, let problem):
            Diagnostic("LOAD <\(source)>: \(problem.message)", source: problem.source, line: problem.line, column: problem.column)
        }
    }
}
