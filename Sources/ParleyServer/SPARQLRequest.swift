import HTTPTypes

/// A SPARQL 1.1 Protocol request as the client sent it, before the text is parsed: a query or
/// an update, and the dataset the protocol's parameters give
/// (<https://www.w3.org/TR/sparql11-protocol/#query-operation>).
struct SPARQLRequest: Sendable {
    enum Operation: Sendable {
        case query(String)
        case update(String)
    }

    var operation: Operation
    /// `default-graph-uri` (queries) or `using-graph-uri` (updates).
    var defaultGraphs: [String]
    /// `named-graph-uri` (queries) or `using-named-graph-uri` (updates).
    var namedGraphs: [String]

    /// Whether the parameters name a dataset (which then overrides FROM, or must not meet
    /// USING/WITH).
    var namesDataset: Bool { !defaultGraphs.isEmpty || !namedGraphs.isEmpty }

    static let formType = "application/x-www-form-urlencoded"
    static let queryType = "application/sparql-query"
    static let updateType = "application/sparql-update"

    /// Reads the operation from the method, the URL's parameters, the `Content-Type` and the
    /// body (`nil` for GET). Every way it can be malformed is a ``ProtocolError``: 400 (missing,
    /// repeated or conflicting parameters, bad encoding, not UTF-8), 405 (a method other than
    /// GET and POST), 415 (a body of another media type).
    static func read(method: HTTPRequest.Method, url: FormFields, contentType: String?, body: [UInt8]?) throws(ProtocolError) -> SPARQLRequest {
        var fields = url
        var directText: SPARQLRequest.Operation?
        switch method {
        case .get:
            break
        case .post:
            let essence = contentType.map { Self.essence(of: $0) }
            switch essence {
            case formType?:
                guard let text = String(validating: body ?? [], as: UTF8.self) else {
                    throw .badRequest("the form body is not UTF-8")
                }
                fields.append(try FormFields(Substring(text)))
            case queryType?, updateType?:
                if let charset = contentType.flatMap(Self.charset), charset != "utf-8" {
                    throw .badRequest("a SPARQL request body must be UTF-8, not \(charset)")
                }
                guard let text = String(validating: body ?? [], as: UTF8.self) else {
                    throw .badRequest("the request body is not UTF-8")
                }
                directText = essence == queryType ? .query(text) : .update(text)
            default:
                throw ProtocolError(.unsupportedMediaType,
                                    "POST to /sparql takes \(queryType), \(updateType) or \(formType)"
                                        + (contentType.map { ", not \($0)" } ?? "; the request has no Content-Type"))
            }
        default:
            throw ProtocolError(.methodNotAllowed, "/sparql takes GET and POST, not \(method.rawValue)")
        }

        let queries = fields.values("query")
        let updates = fields.values("update")
        let operation: Operation
        switch (directText, queries.count, updates.count) {
        case (let direct?, 0, 0):
            operation = direct
        case (.some, _, _):
            throw .badRequest("the request has a SPARQL body and also a 'query' or 'update' parameter; give one")
        case (nil, 1, 0):
            operation = .query(queries[0])
        case (nil, 0, 1):
            guard method == .post else {
                throw .badRequest("updates are sent with POST (form field 'update=' or an \(updateType) body), not GET")
            }
            operation = .update(updates[0])
        case (nil, 0, 0):
            throw .badRequest("no query: give 'query=' (GET or a form POST) or POST an \(queryType) body")
        case (nil, _, 0):
            throw .badRequest("the request has \(queries.count) 'query' parameters; give one")
        case (nil, 0, _):
            throw .badRequest("the request has \(updates.count) 'update' parameters; give one")
        default:
            throw .badRequest("the request has both 'query' and 'update'; give one")
        }

        switch operation {
        case .query:
            if fields.has("using-graph-uri") || fields.has("using-named-graph-uri") {
                throw .badRequest("'using-graph-uri' and 'using-named-graph-uri' are for updates; a query takes 'default-graph-uri' and 'named-graph-uri'")
            }
            return SPARQLRequest(operation: operation, defaultGraphs: fields.values("default-graph-uri"),
                                 namedGraphs: fields.values("named-graph-uri"))
        case .update:
            if fields.has("default-graph-uri") || fields.has("named-graph-uri") {
                throw .badRequest("'default-graph-uri' and 'named-graph-uri' are for queries; an update takes 'using-graph-uri' and 'using-named-graph-uri'")
            }
            return SPARQLRequest(operation: operation, defaultGraphs: fields.values("using-graph-uri"),
                                 namedGraphs: fields.values("using-named-graph-uri"))
        }
    }

    /// `type/subtype` of a media type, lower-cased, without parameters.
    static func essence(of mediaType: String) -> String {
        (mediaType.split(separator: ";", maxSplits: 1).first?.trimmed).map { $0.lowercased() } ?? ""
    }

    /// The `charset` parameter of a media type, lower-cased, if any.
    static func charset(of mediaType: String) -> String? {
        for parameter in mediaType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmed.lowercased() == "charset" {
                return pair[1].trimmed.lowercased().replacingQuotes()
            }
        }
        return nil
    }
}

extension String {
    /// Without the double quotes of a quoted parameter value.
    func replacingQuotes() -> String { filter { $0 != "\"" } }
}
