import ParleyRDF

/// Failures of the shell itself (not of a query): bad dot-command use, files it cannot open.
/// All the wording is in ``diagnostic``.
public enum ShellError: DiagnosticError, Hashable, Sendable {
    case unknownCommand(String, suggestion: String?)
    case usage(command: String, usage: String)
    case invalidValue(command: String, value: String, expected: String)
    case cannotOpen(String, String)
    case unknownTerm(String, suggestion: String?)
    case readNestedTooDeep(String)
    case notSupported(String)

    public var diagnostic: Diagnostic { Diagnostic(message) }

    private var message: String {
        switch self {
        case .unknownCommand(let name, let suggestion):
            "unknown command '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; .help lists them")
        case .usage(let command, let usage): "usage: \(command) \(usage)"
        case .invalidValue(let command, let value, let expected): "\(command): expected \(expected), got '\(value)'"
        case .cannotOpen(let path, let reason): "cannot open '\(path)': \(reason)"
        case .unknownTerm(let term, let suggestion):
            "\(term) is not in the store" + (suggestion.map { "; did you mean \($0)?" } ?? "")
        case .readNestedTooDeep(let path): "\(path): .read nested too deeply (a script reading itself?)"
        case .notSupported(let what): "\(what) is not supported here"
        }
    }
}
