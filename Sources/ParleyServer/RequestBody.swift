import Hummingbird
import NIOCore

extension Request {
    /// The body, up to `limit` bytes; more (by `Content-Length` or as it arrives) is a 413.
    func collectBody(limit: Int) async throws -> [UInt8] {
        let tooLarge = ProtocolError(.contentTooLarge, "the request body is larger than this server's limit of \(limit) bytes (parley serve --max-body)")
        if let length = headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        do {
            let buffer = try await body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        }
    }

    /// The URL's query parameters, strictly decoded.
    func urlFields() throws(ProtocolError) -> FormFields {
        guard let query = uri.query else { return FormFields() }
        return try FormFields(Substring(query))
    }
}
