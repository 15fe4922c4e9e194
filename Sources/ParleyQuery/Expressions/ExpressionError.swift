/// An error while evaluating a SPARQL expression: an unbound variable, a type error, a bad
/// argument. It is not a query failure: SPARQL turns it into an unbound `BIND` variable, a
/// false `FILTER`, or a skipped aggregate input. `message` says what went wrong, for EXPLAIN
/// and debugging only.
public struct ExpressionError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "expression error: \(message)" }

    static func unbound(_ variable: String) -> ExpressionError { .init("?\(variable) is unbound") }
    static func typeError(_ what: String) -> ExpressionError { .init("type error: \(what)") }
    static func badArgument(_ function: String, _ what: String) -> ExpressionError {
        .init("\(function): \(what)")
    }
}
