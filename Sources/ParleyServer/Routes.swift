import Hummingbird
import ParleyQuery
import ParleyWeb

/// The server's routes, in one place: `/sparql` (the SPARQL 1.1 Protocol), `/store` (the
/// Graph Store HTTP Protocol) and the page's (`/`, `/assets/…`, `/entity`, `/graph.svg`); the first two each for every method so that a wrong one gets its 405 with a
/// reason rather than a bare 404.
public enum Routes {
    /// A router serving `store`.
    public static func router(for store: ServedStore) -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        let sparql = SPARQLEndpoint(store: store)
        let graphStore = GraphStoreEndpoint(store: store)
        let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options]
        for method in methods {
            router.on("/sparql", method: method) { request, context in await sparql.respond(to: request, context: context) }
            router.on("/store", method: method) { request, context in await graphStore.respond(to: request, context: context) }
        }

        // The page at `/`, entity pages and pictures (module ParleyWeb), reading on the query threads.
        var options = QueryOptions()
        options.timeout = store.configuration.timeout
        WebPages.register(on: router, session: store.session, options: options, reading: { try await store.read($0) })

        return router
    }
}
