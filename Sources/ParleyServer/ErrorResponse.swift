import Hummingbird
import NIOCore
import ParleyOperations
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore

/// Every error a request meets, as the response it gets: the status the error's data calls for
/// and, as `text/plain`, the error worded by the one ``DiagnosticRenderer`` — a syntax error in
/// the request text as `LINE:COLUMN: error: …` with the line and a caret, no file name.
enum ErrorResponse {
    /// `error` as a response; `text` is the request text its position counts in, if any.
    static func make(_ error: any Error, text: String? = nil) -> Response {
        let rendered = RequestText(text: text ?? "").render(error)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status(for: error), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: rendered + "\n")))
    }

    /// The status the error's data calls for.
    static func status(for error: any Error) -> HTTPResponse.Status {
        switch error {
        case let error as ProtocolError: return error.status
        case is SPARQLSyntaxError, is RDFSyntaxError: return .badRequest
        case let error as QueryError:
            switch error {
            case .syntax: return .badRequest
            case .timeout, .cancelled: return .serviceUnavailable
            case .unsupported: return .notImplemented
            case .update, .load: return .badRequest
            }
        case let error as OperationError:
            switch error {
            case .noSuchGraph: return .notFound
            case .quadsIntoGraph: return .unsupportedMediaType
            default: return .internalServerError
            }
        case let error as StoreError:
            if case .readOnly = error { return .forbidden }
            return .internalServerError
        case let error as HTTPResponseError: return error.status
        default: return .internalServerError
        }
    }
}
