import Hummingbird
import ParleyOperations
import ParleyQuery

/// The browsing pages mounted on the server's router: `/` (the query page), `/assets/NAME`
/// (its stylesheet and script, embedded in the binary), `/entity?iri=` (or `?term=`) and
/// `/graph.svg?iri=`. The page sends its queries to the server's own `/sparql`.
public enum WebPages {
    /// Work that reads the store (and may wait for Graphviz), handed to whatever runs blocking
    /// work for the server: by default it runs where the request is handled.
    public typealias Reader = @Sendable (@escaping @Sendable () -> WebResponse) async throws -> WebResponse

    /// Adds the routes to `router`. `options` carries the server's timeout to the entity pages
    /// (which read the union of all graphs, where the readouts' facts are); `layout` runs
    /// Graphviz; `reading` runs each page's store reads (the server's query threads).
    public static func register<Context: RequestContext>(on router: Router<Context>, session: StoreSession,
                                                         layout: GraphvizLayout = GraphvizLayout(),
                                                         options: QueryOptions = QueryOptions(),
                                                         reading: @escaping Reader = { work in work() }) {
        let site = WebSite(session: session, layout: layout, options: options)
        router.get("/") { _, _ in response(try await reading { site.index() }) }
        router.get("/assets/{name}") { _, context in
            response(site.asset(context.parameters.get("name") ?? ""))
        }
        router.get("/entity") { request, _ in
            let parameters = request.uri.queryParameters
            let iri = parameters.get("iri"), term = parameters.get("term")
            return response(try await reading { site.entity(iri: iri, term: term) })
        }
        router.get("/graph.svg") { request, _ in
            let iri = request.uri.queryParameters.get("iri")
            return response(try await reading { site.graph(iri: iri) })
        }
    }

    /// A ``WebResponse`` as Hummingbird's, with the headers every page carries.
    static func response(_ page: WebResponse) -> Response {
        var headers: HTTPFields = [
            .contentType: page.contentType,
            .contentSecurityPolicy: WebResponse.contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .cacheControl: "no-store",
        ]
        headers[.contentLength] = String(page.body.utf8.count)
        return Response(status: HTTPResponse.Status(code: page.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: page.body)))
    }
}
