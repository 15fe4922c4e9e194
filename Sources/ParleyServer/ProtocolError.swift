import HTTPTypes
import ParleyRDF

/// A request the server refuses, as data: the HTTP status and why. Its ``diagnostic`` words
/// it, like every other error, through ``Diagnostic``.
public struct ProtocolError: DiagnosticError, Sendable {
    public var status: HTTPResponse.Status
    public var message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public var diagnostic: Diagnostic { Diagnostic(message) }

    /// 400 with the reason.
    static func badRequest(_ message: String) -> ProtocolError { ProtocolError(.badRequest, message) }

    /// 403: the server was started read-only.
    static let updatesNotAllowed = ProtocolError(
        .forbidden, "this server is read-only; start it with 'parley serve --allow-update' to accept updates")
}
