import ParleyRDF

extension Parser {
    /// Whether the current token can start `TriplesSameSubject(Path)`.
    var startsTriples: Bool {
        startsVarOrTerm || token.isSymbol(.openBracket) || token.isSymbol(.openParen)
    }

    /// `TriplesSameSubjectPath ::= VarOrTerm PropertyListPathNotEmpty | TriplesNodePath PropertyListPath`
    /// (and `TriplesSameSubject` when `paths` is false). Expanded triples go to `triples`.
    mutating func parseTriplesSameSubject(into triples: inout [PathTriple], paths: Bool) throws(SPARQLSyntaxError) {
        if token.isSymbol(.openBracket) || token.isSymbol(.openParen) {
            let subject = try parseTriplesNode(into: &triples, paths: paths)
            if startsVerb(paths: paths) {
                try parsePropertyListNotEmpty(subject, into: &triples, paths: paths)
            }
            return
        }
        guard let subject = try parseVarOrTermIfPresent() else { throw expected("a triple pattern") }
        guard startsVerb(paths: paths) else { throw expected("a predicate after the subject") }
        try parsePropertyListNotEmpty(subject, into: &triples, paths: paths)
    }

    func startsVerb(paths: Bool) -> Bool {
        switch token.kind {
        case .variable, .iri, .prefixedName, .a: return true
        case .symbol(let s): return paths && (s == .caret || s == .bang || s == .openParen)
        case .nilList: return false
        default: return false
        }
    }

    /// `PropertyListPathNotEmpty ::= ( VerbPath | VerbSimple ) ObjectListPath ( ';' ( ( VerbPath | VerbSimple ) ObjectList )? )*`
    mutating func parsePropertyListNotEmpty(
        _ subject: TermPattern, into triples: inout [PathTriple], paths: Bool
    ) throws(SPARQLSyntaxError) {
        while true {
            let verb = try parseVerb(paths: paths)
            try parseObjectList(subject, verb, into: &triples, paths: paths)
            guard token.isSymbol(.semicolon) else { return }
            while try accept(.semicolon) {}
            guard startsVerb(paths: paths) else { return }
        }
    }

    /// `Verb ::= VarOrIri | 'a'`, or a path when `paths`.
    mutating func parseVerb(paths: Bool) throws(SPARQLSyntaxError) -> Verb {
        if case .variable(let v) = token.kind { return .term(try variable(v)) }
        if !paths {
            if token.kind == .a {
                try advance()
                return .term(.term(.iri(Vocabulary.rdfType)))
            }
            guard let iri = try parseIRIIfPresent() else { throw expected("a predicate (a variable, IRI or 'a')") }
            return .term(.term(.iri(iri)))
        }
        guard startsVerb(paths: true) else { throw expected("a predicate or property path") }
        let path = try parsePath()
        if case .link(let iri) = path { return .term(.term(.iri(iri))) }
        try fold()
        return .path(path)
    }

    /// `ObjectList ::= Object ( ',' Object )*`
    mutating func parseObjectList(
        _ subject: TermPattern, _ verb: Verb, into triples: inout [PathTriple], paths: Bool
    ) throws(SPARQLSyntaxError) {
        repeat {
            let object = try parseGraphNode(into: &triples, paths: paths)
            triples.append(PathTriple(subject: subject, verb: verb, object: object))
        } while try accept(.comma)
    }

    /// `GraphNode ::= VarOrTerm | TriplesNode`
    mutating func parseGraphNode(into triples: inout [PathTriple], paths: Bool) throws(SPARQLSyntaxError) -> TermPattern {
        if token.isSymbol(.openBracket) || token.isSymbol(.openParen) {
            return try parseTriplesNode(into: &triples, paths: paths)
        }
        guard let term = try parseVarOrTermIfPresent() else { throw expected("an object (a variable, IRI, literal, blank node or collection)") }
        return term
    }

    /// `TriplesNode ::= Collection | BlankNodePropertyList`
    mutating func parseTriplesNode(into triples: inout [PathTriple], paths: Bool) throws(SPARQLSyntaxError) -> TermPattern {
        try enterNesting()
        defer { depth -= 1 }
        if try accept(.openBracket) {
            let node = try freshBlankNode()
            guard startsVerb(paths: paths) else { throw expected("a predicate in '[ … ]'") }
            try parsePropertyListNotEmpty(node, into: &triples, paths: paths)
            try expect(.closeBracket, " to close '['")
            return node
        }
        try expect(.openParen, " to start a collection")
        var members: [TermPattern] = []
        var memberTriples: [PathTriple] = []
        while !token.isSymbol(.closeParen) {
            members.append(try parseGraphNode(into: &memberTriples, paths: paths))
        }
        try advance()
        guard !members.isEmpty else { return .term(.iri(Vocabulary.rdfNil)) }
        let first = Verb.term(.term(.iri(Vocabulary.rdfFirst)))
        let rest = Verb.term(.term(.iri(Vocabulary.rdfRest)))
        let head = try freshBlankNode()
        var cell = head
        for (i, member) in members.enumerated() {
            triples.append(PathTriple(subject: cell, verb: first, object: member))
            let next = i == members.count - 1 ? TermPattern.term(.iri(Vocabulary.rdfNil)) : try freshBlankNode()
            triples.append(PathTriple(subject: cell, verb: rest, object: next))
            cell = next
        }
        triples += memberTriples
        return head
    }

    // MARK: Property paths (§9, grammar rules 88–96)

    /// `Path ::= PathAlternative ::= PathSequence ( '|' PathSequence )*`
    mutating func parsePath() throws(SPARQLSyntaxError) -> PropertyPath {
        var path = try parsePathSequence()
        while try accept(.pipe) {
            try fold()
            path = .alternative(path, try parsePathSequence())
        }
        return path
    }

    /// `PathSequence ::= PathEltOrInverse ( '/' PathEltOrInverse )*`
    mutating func parsePathSequence() throws(SPARQLSyntaxError) -> PropertyPath {
        var path = try parsePathEltOrInverse()
        while try accept(.slash) {
            try fold()
            path = .sequence(path, try parsePathEltOrInverse())
        }
        return path
    }

    /// `PathEltOrInverse ::= PathElt | '^' PathElt`, `PathElt ::= PathPrimary PathMod?`
    mutating func parsePathEltOrInverse() throws(SPARQLSyntaxError) -> PropertyPath {
        let inverse = try accept(.caret)
        var path = try parsePathPrimary()
        if try accept(.question) {
            path = .zeroOrOne(path)
        } else if try accept(.star) {
            path = .zeroOrMore(path)
        } else if try accept(.plus) {
            path = .oneOrMore(path)
        }
        return inverse ? .inverse(path) : path
    }

    /// `PathPrimary ::= iri | 'a' | '!' PathNegatedPropertySet | '(' Path ')'`
    mutating func parsePathPrimary() throws(SPARQLSyntaxError) -> PropertyPath {
        if token.kind == .a {
            try advance()
            return .link(Vocabulary.rdfType)
        }
        if let iri = try parseIRIIfPresent() { return .link(iri) }
        if try accept(.bang) { return try parseNegatedPropertySet() }
        if token.isSymbol(.openParen) {
            try enterNesting()
            defer { depth -= 1 }
            try advance()
            let path = try parsePath()
            try expect(.closeParen, " to close the path group")
            return path
        }
        throw expected("an IRI, 'a', '!' or '(' in a property path")
    }

    /// `PathNegatedPropertySet`, split as §18.2.2.4 says into forward and inverse sets.
    mutating func parseNegatedPropertySet() throws(SPARQLSyntaxError) -> PropertyPath {
        var forward: [String] = []
        var inverse: [String] = []
        func one(_ p: inout Parser) throws(SPARQLSyntaxError) {
            let isInverse = try p.accept(.caret)
            let iri: String
            if p.token.kind == .a {
                try p.advance()
                iri = Vocabulary.rdfType
            } else {
                iri = try p.parseIRI("an IRI or 'a' in a negated property set")
            }
            if isInverse { inverse.append(iri) } else { forward.append(iri) }
        }
        if try acceptNil() {
        } else if try accept(.openParen) {
            try one(&self)
            while try accept(.pipe) { try one(&self) }
            try expect(.closeParen, " to close the negated property set")
        } else {
            try one(&self)
        }
        switch (forward.isEmpty, inverse.isEmpty) {
        case (false, true), (true, true): return .negatedPropertySet(forward)
        case (true, false): return .inverse(.negatedPropertySet(inverse))
        case (false, false): return .alternative(.negatedPropertySet(forward), .inverse(.negatedPropertySet(inverse)))
        }
    }

    /// `TriplesTemplate ::= TriplesSameSubject ( '.' TriplesTemplate? )?`, as plain triples.
    /// Reads until a token that starts no triple.
    mutating func parseTriplesTemplate() throws(SPARQLSyntaxError) -> [TriplePattern] {
        var triples: [PathTriple] = []
        while startsTriples {
            try parseTriplesSameSubject(into: &triples, paths: false)
            guard try accept(.dot) else { break }
        }
        return triples.compactMap { t in
            if case .term(let p) = t.verb { return TriplePattern(t.subject, p, t.object) }
            return nil
        }
    }
}
