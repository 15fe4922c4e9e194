/// Terms and directives of Turtle: IRI resolution, prefixed names, literals, `@prefix`/`@base`.
extension TurtleStatementParser {
    /// An IRI, prefixed name or labelled blank node token as a term.
    mutating func simpleTerm(_ token: TurtleToken) throws -> Term {
        switch token.kind {
        case .iri:
            return .iri(try resolve(token))
        case .prefixedName:
            guard let namespace = namespaces[token.prefix] else {
                throw lexer.error("undefined prefix '\(token.prefix):' in \(lexer.quoted(token))", at: token.start)
            }
            return .iri(namespace + token.text)
        case .blankNode:
            return .blank(token.text)
        default:
            throw expected("IRI or blank node", found: token)
        }
    }

    /// The IRI of an `IRIREF` token, resolved against the current base.
    mutating func resolve(_ token: TurtleToken) throws -> String {
        if IRIResolver.isAbsolute(token.text) { return token.text }
        guard let base else {
            throw lexer.error("relative IRI \(lexer.quoted(token)) cannot be resolved: no base IRI", at: token.start)
        }
        return base.resolve(token.text)
    }

    /// A string token and its optional `@tag` or `^^datatype`.
    mutating func literal(_ token: TurtleToken) throws -> Term {
        let following = try peek()
        switch following.kind {
        case .languageTag:
            _ = try next()
            return .literal(Literal(token.text, language: following.text))
        case .datatypeMarker:
            _ = try next()
            let datatype = try next()
            guard datatype.kind == .iri || datatype.kind == .prefixedName,
                  case .iri(let iri) = try simpleTerm(datatype) else {
                throw expected("datatype IRI after '^^'", found: datatype)
            }
            return .literal(Literal(token.text, datatype: iri))
        default:
            return .literal(Literal(token.text))
        }
    }

    /// `@prefix p: <iri> .` or `PREFIX p: <iri>`.
    mutating func prefixDirective(sparqlStyle: Bool) throws {
        let name = try next()
        guard name.kind == .prefixedName, name.text.isEmpty else {
            throw expected("prefix name ending in ':'", found: name)
        }
        let iriToken = try next()
        guard iriToken.kind == .iri else { throw expected("IRI after '\(name.prefix):'", found: iriToken) }
        let iri = try resolve(iriToken)
        if !sparqlStyle { try expectDirectiveDot() }
        if namespaces[name.prefix] == nil { prefixOrder.append(name.prefix) }
        namespaces[name.prefix] = iri
    }

    /// `@base <iri> .` or `BASE <iri>`; a relative IRI resolves against the previous base.
    mutating func baseDirective(sparqlStyle: Bool) throws {
        let iriToken = try next()
        guard iriToken.kind == .iri else { throw expected("IRI after base", found: iriToken) }
        let iri = try resolve(iriToken)
        if !sparqlStyle { try expectDirectiveDot() }
        guard let resolver = IRIResolver(base: iri) else {
            throw lexer.error("base IRI \(lexer.quoted(iriToken)) is not absolute", at: iriToken.start)
        }
        base = resolver
    }

    private mutating func expectDirectiveDot() throws {
        let dot = try next()
        guard dot.kind == .dot else { throw expected("'.' after directive", found: dot) }
    }
}
