import Hummingbird
import ParleyOperations
import ParleyQuery

/// The browsing pages mounted on the server's router: `/` (the query page), `/assets/NAME`
/// (its stylesheet and script, embedded in the binary), `/entity?iri=` (or `?term=`) and
/// `/graph.svg?iri=`. The page sends its queries to the server's own `/sparql`.
public enum WebPages {
    /// Adds the routes to `router`. `options` carries the server's timeout and graph semantics
    /// to the entity pages; `layout` runs Graphviz.
    public static func register<Context: RequestContext>(on router: Router<Context>, session: StoreSession,
                                                         layout: GraphvizLayout = GraphvizLayout(),
                                                         options: QueryOptions = QueryOptions()) {
        let site = WebSite(session: session, layout: layout, options: options)
        router.get("/") { _, _ in response(site.index()) }
        router.get("/assets/{name}") { _, context in
            response(site.asset(context.parameters.get("name") ?? ""))
        }
        router.get("/entity") { request, _ in
            let parameters = request.uri.queryParameters
            return response(site.entity(iri: parameters.get("iri"), term: parameters.get("term")))
        }
        router.get("/graph.svg") { request, _ in
            response(site.graph(iri: request.uri.queryParameters.get("iri")))
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
