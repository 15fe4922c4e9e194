import ParleyOperations
import ParleyQuery
import ParleyRDF

/// What the page's routes answer, apart from HTTP: the query page, the embedded assets, entity
/// pages and neighbourhood pictures, each a ``WebResponse``. Every answer reads the store in
/// its own snapshots through ``StoreSession``; nothing is kept between requests.
public struct WebSite: Sendable {
    public let session: StoreSession
    public let layout: GraphvizLayout
    /// Options for the page's own reads (the server's timeout goes here).
    public var options: QueryOptions

    public init(session: StoreSession, layout: GraphvizLayout = GraphvizLayout(), options: QueryOptions = QueryOptions()) {
        self.session = session
        self.layout = layout
        self.options = options
    }

    /// Answers `path` with its query parameters (already percent-decoded); 404 for other paths.
    public func respond(path: String, parameters: [String: String]) -> WebResponse {
        switch path {
        case "/", "/index.html": index()
        case "/entity": entity(iri: parameters["iri"], term: parameters["term"])
        case "/graph.svg": graph(iri: parameters["iri"])
        case _ where path.hasPrefix("/assets/"): asset(String(path.dropFirst("/assets/".count)))
        default: .text("no page at \(path)", status: 404)
        }
    }

    /// `/`: the query page.
    public func index() -> WebResponse {
        do {
            return .html(QueryPage.html(prefixes: try session.store.prefixes()))
        } catch {
            return failure(error)
        }
    }

    /// `/assets/NAME`: a file embedded in the binary.
    public func asset(_ name: String) -> WebResponse {
        guard let asset = WebAssets.named(name) else { return .text("no asset '\(name)'", status: 404) }
        return WebResponse(contentType: asset.contentType, body: asset.body)
    }

    /// `/entity?iri=IRI` or `/entity?term=NAME` (a label, prefixed name or `<IRI>`).
    public func entity(iri: String?, term: String?) -> WebResponse {
        do {
            let entity: String
            if let iri, !iri.isEmpty {
                guard try session.store.id(of: .iri(iri)) != nil else {
                    return notFound(OperationError.unknownTerm("<\(iri)>", suggestion: nil).diagnostic.message)
                }
                entity = iri
            } else if let term, !term.trimmingSpaces.isEmpty {
                entity = try session.resolveEntity(term.trimmingSpaces)
            } else {
                return .text("give the entity as ?iri=IRI or ?term=NAME", status: 400)
            }
            let description = try session.describe(entity, evidence: true, options: options)
            let graph = NeighbourhoodGraph(description: description, stances: try session.stancePredicates(options: options),
                                           formatter: TermFormatter(prefixes: try session.store.prefixes()))
            let picture: Result<String, OperationError>
            do {
                picture = .success(try graph.svg(layout: layout, link: Self.link))
            } catch let error as OperationError {
                picture = .failure(error)
            }
            let formatter = TermFormatter(prefixes: try session.store.prefixes())
            return .html(EntityPage(description: description, formatter: formatter, picture: picture).html)
        } catch let error as OperationError {
            if case .unknownTerm = error { return notFound(error.diagnostic.message) }
            return failure(error)
        } catch {
            return failure(error)
        }
    }

    /// `/graph.svg?iri=IRI`: the neighbourhood picture alone.
    public func graph(iri: String?) -> WebResponse {
        guard let iri, !iri.isEmpty else { return .text("give the entity as ?iri=IRI", status: 400) }
        do {
            guard try session.store.id(of: .iri(iri)) != nil else {
                return .text(OperationError.unknownTerm("<\(iri)>", suggestion: nil).diagnostic.message, status: 404)
            }
            let svg = try session.neighbourhood(of: iri, options: options).svg(layout: layout, link: Self.link)
            return WebResponse(contentType: "image/svg+xml; charset=utf-8", body: svg)
        } catch let error as OperationError {
            if case .layoutToolMissing = error { return .text(error.diagnostic.message, status: 503) }
            return failure(error)
        } catch {
            return failure(error)
        }
    }

    /// Each node of a picture links to its entity page.
    static func link(_ term: Term) -> String? {
        if case .iri(let iri) = term { return HTMLText.entityLink(iri) }
        return nil
    }

    func notFound(_ message: String) -> WebResponse {
        .html(PageLayout.document(title: "Not found", content: "<p class=\"note\" id=\"not-found\">\(HTMLText.escape(message))</p>"), status: 404)
    }

    func failure(_ error: Error) -> WebResponse {
        .text(error.asDiagnostic.message, status: 500)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
