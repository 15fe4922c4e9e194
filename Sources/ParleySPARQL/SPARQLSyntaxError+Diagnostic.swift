import ParleyRDF

extension SPARQLSyntaxError: DiagnosticError {
    /// The error as a ``Diagnostic``: its message at its line and column, with no source name
    /// (the caller knows which file or statement the text came from).
    public var diagnostic: Diagnostic { Diagnostic(message, position: position) }
}
