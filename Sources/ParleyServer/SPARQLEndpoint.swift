import Hummingbird
import NIOCore
import ParleyOperations
import ParleyQuery
import ParleyRDF
import ParleySPARQL

/// `/sparql`: the SPARQL 1.1 Protocol. A thin adapter: the request is read by
/// ``SPARQLRequest``, parsed by ``StoreSession`` with the saved prefixes, run in one read
/// snapshot, and written by ``ResultWriter`` in the format `Accept` chose.
struct SPARQLEndpoint: Sendable {
    let store: ServedStore

    func respond(to request: Request, context: ServerRequestContext) async -> Response {
        var requestText: String?
        do {
            let body = request.method == .post ? try await request.collectBody(limit: store.configuration.maxBody) : nil
            let sparql = try SPARQLRequest.read(method: request.method, url: try request.urlFields(),
                                                contentType: request.headers[.contentType], body: body)
            let base = Self.endpointIRI(request)
            switch sparql.operation {
            case .query(let text):
                requestText = text
                return try await query(text, request: sparql, base: base, accept: request.headers[values: .accept],
                                       channel: context.channel)
            case .update(let text):
                requestText = text
                return try await update(text, request: sparql, base: base, channel: context.channel)
            }
        } catch {
            return ErrorResponse.make(error, text: requestText)
        }
    }

    private func query(_ text: String, request: SPARQLRequest, base: String, accept: [String],
                       channel: any Channel) async throws -> Response {
        let session = store.session
        var query = try await store.read { try session.parseQuery(text, base: base) }
        if request.namesDataset {
            // The protocol's dataset replaces FROM and FROM NAMED (SPARQL 1.1 Protocol §2.1.4).
            query.dataset = Dataset(defaultGraphs: request.defaultGraphs, namedGraphs: request.namedGraphs)
        }
        let negotiation = ContentNegotiation(accept: accept)
        // The writer is made on the query thread from these (it holds a closure, so it is not Sendable).
        let mediaType: String
        let solutionFormat: ResultFormat?
        let graphSyntax: RDFSyntax?
        var prefixes: [(prefix: String, iri: String)] = []
        switch query.form {
        case .select, .ask:
            guard let chosen = ResultMediaTypes.solutionFormat(negotiation) else {
                throw Self.notAcceptable(ResultMediaTypes.solutions.prefix(4).map(\.mediaType), what: "SELECT and ASK results")
            }
            (mediaType, solutionFormat, graphSyntax) = (chosen.mediaType, chosen.format, nil)
        case .construct, .describe:
            guard let chosen = ResultMediaTypes.graphSyntax(negotiation) else {
                throw Self.notAcceptable(ResultMediaTypes.graphs.prefix(3).map(\.mediaType), what: "CONSTRUCT and DESCRIBE results")
            }
            (mediaType, solutionFormat, graphSyntax) = (chosen.mediaType, nil, chosen.syntax)
            if chosen.syntax == .ttl { prefixes = try await store.read { try session.store.prefixes() } }
        }
        var headers = HTTPFields()
        headers[.contentType] = ResultMediaTypes.contentType(mediaType)
        headers[.vary] = "Accept"
        let finalQuery = query
        let finalPrefixes = prefixes
        return try await DisconnectWatcher.watching(channel) { token in
            let options = store.queryOptions(cancellation: token)
            return try await StreamedResponse.make(store: store, token: token, channel: channel, headers: headers) { sink in
                let writer = ResultWriter(solutionFormat: solutionFormat, graphSyntax: graphSyntax, requestedFormat: mediaType,
                                          prefixes: finalPrefixes)
                try session.run(finalQuery, options: options, writer: writer, to: sink)
            }
        }
    }

    private func update(_ text: String, request: SPARQLRequest, base: String, channel: any Channel) async throws -> Response {
        guard store.configuration.allowUpdate else { throw ProtocolError.updatesNotAllowed }
        let session = store.session
        var update = try await store.read { try session.parseUpdate(text, base: base) }
        try Self.checkAllowedOverHTTP(update)
        if request.namesDataset {
            update = try Self.applying(request, to: update)
        }
        let finalUpdate = update
        let report = try await DisconnectWatcher.watching(channel) { token in
            let options = store.queryOptions(cancellation: token)
            return try await store.write { try session.apply(finalUpdate, options: options) }
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: .ok, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: StoreSession.summary(of: report) + "\n")))
    }

    /// LOAD reads a file or URL where the server runs, which no client may make it do.
    static func checkAllowedOverHTTP(_ update: Update) throws(ProtocolError) {
        for operation in update.operations {
            if case .load = operation {
                throw ProtocolError(.forbidden, "LOAD reads files on the server and is not accepted over HTTP; "
                    + "use 'parley load' there, or PUT/POST the data to /store")
            }
        }
    }

    /// The update with `using-graph-uri`/`using-named-graph-uri` as every modify's USING;
    /// an operation with USING or WITH of its own is a 400 (SPARQL 1.1 Protocol §2.2.3).
    static func applying(_ request: SPARQLRequest, to update: Update) throws(ProtocolError) -> Update {
        var result = update
        let dataset = Dataset(defaultGraphs: request.defaultGraphs, namedGraphs: request.namedGraphs)
        result.operations = try update.operations.map { (operation) throws(ProtocolError) -> UpdateOperation in
            guard case .modify(let with, let delete, let insert, let using, let pattern) = operation else { return operation }
            guard with == nil && using == nil else {
                throw .badRequest("the update has USING or WITH and the request also gives 'using-graph-uri' or 'using-named-graph-uri'; give one")
            }
            return .modify(with: nil, delete: delete, insert: insert, using: dataset, pattern: pattern)
        }
        return result
    }

    /// The endpoint's own IRI, the base for relative IRIs in requests (the protocol allows it).
    static func endpointIRI(_ request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        return "http://\(host)/sparql"
    }

    static func notAcceptable(_ offered: [String], what: String) -> ProtocolError {
        ProtocolError(.notAcceptable, "none of the media types in Accept is written for \(what); this server writes \(offered.joined(separator: ", "))")
    }
}
