import ParleyRDF

/// What an expression reads: the current solution's bindings, by variable name (no `?`).
///
/// `allBindings` is needed only by `COUNT(DISTINCT *)`, which tells solutions apart by all
/// their bindings; conformers that cannot list them keep the default `nil`, and then
/// `COUNT(DISTINCT *)` counts every solution.
public protocol VariableBindings {
    /// The term bound to `variable`, or `nil` when it is unbound.
    func value(of variable: String) -> Term?
    /// Every binding of the solution, or `nil` when the conformer cannot list them.
    var allBindings: [String: Term]? { get }
}

extension VariableBindings {
    public var allBindings: [String: Term]? { nil }
}

/// A dictionary from variable name to term is a solution (convenient in tests).
extension Dictionary: VariableBindings where Key == String, Value == Term {
    public func value(of variable: String) -> Term? { self[variable] }
    public var allBindings: [String: Term]? { self }
}
