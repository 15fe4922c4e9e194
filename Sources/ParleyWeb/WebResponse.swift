/// One answer of the page's routes, apart from any HTTP library: status, content type, body.
/// ``WebPages`` hands it to Hummingbird; tests read it directly.
public struct WebResponse: Hashable, Sendable {
    public var status: Int
    public var contentType: String
    public var body: String

    public init(status: Int = 200, contentType: String, body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// An HTML page.
    public static func html(_ body: String, status: Int = 200) -> WebResponse {
        WebResponse(status: status, contentType: "text/html; charset=utf-8", body: body)
    }

    /// A plain-text message (errors from routes that do not serve HTML).
    public static func text(_ body: String, status: Int) -> WebResponse {
        WebResponse(status: status, contentType: "text/plain; charset=utf-8", body: body + "\n")
    }

    /// The security policy every page is served with: its own scripts and styles only, no
    /// plugins, no framing.
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
}
