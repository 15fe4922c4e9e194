import Hummingbird
import NIOCore
import ParleyOperations
import ParleyRDF
import ParleyStore

/// `/store`: the SPARQL 1.1 Graph Store HTTP Protocol, indirect identification
/// (`?graph=IRI` or `?default`). GET writes a graph with the export every front end uses, in the
/// syntax `Accept` chose (Turtle by default); with neither parameter, the whole store (N-Quads
/// by default; N-Triples and Turtle give the union of all graphs, as `parley export` does).
/// PUT replaces a graph, POST adds to it, DELETE empties it (404 when it holds nothing); each in
/// one write transaction, and only with `--allow-update`. A body that does not parse changes
/// nothing and gets 400 with `LINE:COLUMN: error: …`.
struct GraphStoreEndpoint: Sendable {
    let store: ServedStore

    /// Which graph the request names, `nil` for the whole store (GET only).
    enum Target: Sendable {
        case whole
        case graph(GraphName)
    }

    func respond(to request: Request, context: ServerRequestContext) async -> Response {
        do {
            let target = try Self.target(try request.urlFields())
            switch request.method {
            case .get, .head:
                return try await read(target, accept: request.headers[values: .accept], channel: context.channel)
            case .put, .post, .delete:
                guard store.configuration.allowUpdate else { throw ProtocolError.updatesNotAllowed }
                guard case .graph(let graph) = target else {
                    throw ProtocolError.badRequest("\(request.method.rawValue) to /store needs '?graph=IRI' or '?default'")
                }
                if request.method == .delete {
                    return try await delete(graph)
                }
                let body = try await request.collectBody(limit: store.configuration.maxBody)
                return try await write(body, contentType: request.headers[.contentType], into: graph,
                                       replace: request.method == .put, base: Self.graphIRI(graph, request: request))
            default:
                throw ProtocolError(.methodNotAllowed, "/store takes GET, PUT, POST and DELETE, not \(request.method.rawValue)")
            }
        } catch {
            return ErrorResponse.make(error)
        }
    }

    /// `?graph=IRI`, `?default`, or neither; both, a repeated or an empty `graph` is a 400.
    static func target(_ fields: FormFields) throws(ProtocolError) -> Target {
        let graph = try fields.single("graph")
        switch (graph, fields.has("default")) {
        case (nil, false): return .whole
        case (nil, true): return .graph(.defaultGraph)
        case (let iri?, false):
            guard !iri.isEmpty, iri.contains(":"), !iri.contains(where: { " <>\"{}|\\^`".contains($0) }) else {
                throw .badRequest("'graph' must be an absolute IRI, not '\(iri)'")
            }
            return .graph(.named(.iri(iri)))
        case (_?, true): throw .badRequest("give '?graph=IRI' or '?default', not both")
        }
    }

    private func read(_ target: Target, accept: [String], channel: any Channel) async throws -> Response {
        let selection: ExportSelection
        switch target {
        case .whole: selection = .everything
        case .graph(.defaultGraph): selection = .defaultGraph
        case .graph(.named(let name)):
            guard case .iri(let iri) = name else { throw ProtocolError.badRequest("'graph' must be an IRI") }
            selection = .graph(iri)
        }
        let wholeStore: Bool = if case .whole = target { true } else { false }
        guard let chosen = ResultMediaTypes.graphSyntax(ContentNegotiation(accept: accept), preferring: wholeStore ? .nq : nil) else {
            throw ProtocolError(.notAcceptable, "none of the media types in Accept is written for a graph; this server writes "
                + ResultMediaTypes.graphs.prefix(3).map(\.mediaType).joined(separator: ", "))
        }
        let session = store.session
        if case .graph(let graph) = target, try await !store.read({ try session.graphExists(graph) }) {
            guard case .named(let name) = graph, case .iri(let iri) = name else { throw ProtocolError(.notFound, "no such graph") }
            throw OperationError.noSuchGraph(iri)
        }
        var headers = HTTPFields()
        headers[.contentType] = ResultMediaTypes.contentType(chosen.mediaType)
        headers[.vary] = "Accept"
        return try await DisconnectWatcher.watching(channel) { token in
            try await StreamedResponse.make(store: store, token: token, channel: channel, headers: headers) { sink in
                try session.export(selection, as: chosen.syntax, to: { sink })
            }
        }
    }

    private func write(_ body: [UInt8], contentType: String?, into graph: GraphName, replace: Bool, base: String?) async throws -> Response {
        guard let contentType, let syntax = RDFSyntax(mediaType: contentType) else {
            throw ProtocolError(.unsupportedMediaType, "the body's Content-Type must be text/turtle or application/n-triples"
                + (contentType.map { ", not \($0)" } ?? "; the request has none"))
        }
        if let charset = SPARQLRequest.charset(of: contentType), charset != "utf-8" {
            throw ProtocolError.badRequest("an RDF body must be UTF-8, not \(charset)")
        }
        let session = store.session
        let report = try await store.write {
            try session.write(bytes: body, syntax: syntax, base: base, into: graph, replace: replace)
        }
        let verb = replace ? "replaced" : "added to"
        let text = "\(verb) the graph: \(grouped(report.added)) triples added, \(grouped(report.removed)) removed\n"
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        let created: Bool = if case .named = graph { report.created && report.added > 0 } else { false }
        return Response(status: created ? .created : .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func delete(_ graph: GraphName) async throws -> Response {
        let session = store.session
        let removed = try await store.write { try session.drop(graph) }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: .ok, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: "deleted the graph: \(grouped(removed)) triples removed\n")))
    }

    /// The base IRI for relative IRIs in a body: the graph's own IRI, else the endpoint's.
    static func graphIRI(_ graph: GraphName, request: Request) -> String {
        if case .named(let name) = graph, case .iri(let iri) = name { return iri }
        let host = request.head.authority ?? "localhost"
        return "http://\(host)/store"
    }
}
