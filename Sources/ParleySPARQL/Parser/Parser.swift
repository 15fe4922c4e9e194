import ParleyRDF

/// The recursive-descent SPARQL 1.1 parser behind ``SPARQLParser``.
///
/// House rules (after swift-syntax's `Parser`): one parsing function per grammar rule, named
/// after it; a function that consumes tokens is `mutating`; every recursion into a nested
/// group, bracket, collection, path or expression goes through ``enterNesting()``, so deep
/// input ends in ``SPARQLSyntaxError/Reason/tooDeeplyNested(limit:)``, never a stack
/// overflow; every loop consumes a token per iteration or ends.
struct Parser {
    var lexer: Lexer
    /// The current token.
    var token: Token
    var prefixes: [String: String]
    var baseIRI: String?
    var resolver: IRIResolver?
    let maximumNesting: Int
    var depth = 0
    /// Left-folds (operator chains, UNION, group elements, …) on the current path; with
    /// `depth`, a bound on the depth of the tree being built. See ``fold()``.
    var chain = 0
    var maximumTreeDepth: Int { maximumNesting * 4 }
    var builder = AlgebraBuilder()

    /// How blank nodes written in the text become pattern positions.
    enum BlankNodes {
        /// In a query pattern: non-distinguished variables, labels scoped to one BGP.
        case variables
        /// In a CONSTRUCT or INSERT template, or INSERT DATA: blank node terms.
        case terms
        /// Where the static rules forbid them (DELETE templates, DELETE DATA, DELETE WHERE).
        case forbidden(String)
    }

    var blankNodes = BlankNodes.variables
    /// Whether variables may appear (not in INSERT DATA / DELETE DATA).
    var variablesAllowed = true
    /// Labels used in BGPs already closed, and in the current one (oxigraph's approach: a
    /// group's braces close the labels used inside it).
    var closedBlankLabels: Set<String> = []
    var openBlankLabels: Set<String> = []
    /// For INSERT DATA: labels of earlier operations of the request, and of the current one.
    var earlierDataLabels: Set<String> = []
    var currentDataLabels: Set<String> = []
    var trackDataLabels = false
    /// Whether an aggregate may start here (SELECT expressions, HAVING, ORDER BY), and whether
    /// we are inside one already.
    var aggregatesAllowed = false
    var insideAggregate = false
    /// Whether the group just read ended with a triple not followed by `.` (for messages).
    var tripleNeedsSeparator = false

    init(_ text: String, baseIRI: String?, prefixes: [String: String], maximumNesting: Int) throws(SPARQLSyntaxError) {
        lexer = try Lexer(text)
        token = try lexer.next()
        self.prefixes = prefixes
        self.maximumNesting = maximumNesting
        if let baseIRI {
            self.baseIRI = baseIRI
            resolver = IRIResolver(base: baseIRI)
        }
    }

    // MARK: Tokens

    mutating func advance() throws(SPARQLSyntaxError) {
        token = try lexer.next()
    }

    /// An error saying what was expected at the current token (``SPARQLSyntaxError/Reason/unexpectedEnd(expected:)``
    /// at the end of the text, so callers can tell "wants more" from "wrong").
    func expected(_ what: String) -> SPARQLSyntaxError {
        if case .end = token.kind { return SPARQLSyntaxError(.unexpectedEnd(expected: what), at: token.position) }
        return SPARQLSyntaxError(.expected(what, found: token.description), at: token.position)
    }

    /// Consumes `symbol` or throws "expected 'symbol'[ context]".
    mutating func expect(_ symbol: Token.Symbol, _ context: String = "") throws(SPARQLSyntaxError) {
        guard token.isSymbol(symbol) else { throw expected("'\(symbol.rawValue)'" + context) }
        try advance()
    }

    /// Consumes `symbol` if it is the current token.
    mutating func accept(_ symbol: Token.Symbol) throws(SPARQLSyntaxError) -> Bool {
        guard token.isSymbol(symbol) else { return false }
        try advance()
        return true
    }

    /// Consumes the keyword `name` if it is the current token.
    mutating func accept(keyword name: String) throws(SPARQLSyntaxError) -> Bool {
        guard token.isKeyword(name) else { return false }
        try advance()
        return true
    }

    /// Consumes `NIL` (`()`) if it is the current token.
    mutating func acceptNil() throws(SPARQLSyntaxError) -> Bool {
        guard token.kind == .nilList else { return false }
        try advance()
        return true
    }

    mutating func expect(keyword name: String, _ context: String = "") throws(SPARQLSyntaxError) {
        guard token.isKeyword(name) else { throw expected(name + context) }
        try advance()
    }

    mutating func expectEnd() throws(SPARQLSyntaxError) {
        guard case .end = token.kind else { throw expected("end of input") }
    }

    /// Counts one level of nesting; balance with `depth -= 1` (use `defer`).
    mutating func enterNesting() throws(SPARQLSyntaxError) {
        depth += 1
        if depth > maximumNesting { throw SPARQLSyntaxError(.tooDeeplyNested(limit: maximumNesting), at: token.position) }
    }

    /// Counts one left-fold, which makes the tree one level deeper; functions that fold save
    /// `chain` and restore it on exit, so `chain + depth` bounds the depth of any tree built.
    mutating func fold() throws(SPARQLSyntaxError) {
        chain += 1
        if chain + depth > maximumTreeDepth { throw SPARQLSyntaxError(.tooComplex(limit: maximumTreeDepth), at: token.position) }
    }

    // MARK: Prologue

    /// `Prologue ::= ( BaseDecl | PrefixDecl )*`
    mutating func parsePrologue() throws(SPARQLSyntaxError) {
        while true {
            if try accept(keyword: "BASE") {
                guard case .iri(let reference) = token.kind else { throw expected("an IRI like <http://example.org/> after BASE") }
                let iri = resolve(reference)
                baseIRI = iri
                resolver = IRIResolver(base: iri)
                try advance()
            } else if try accept(keyword: "PREFIX") {
                guard case .prefixedName(let prefix, let local) = token.kind, local.isEmpty, token.text == prefix + ":" else {
                    throw expected("a prefix like 'ex:' after PREFIX")
                }
                try advance()
                guard case .iri(let reference) = token.kind else { throw expected("an IRI like <http://example.org/> after '\(prefix):'") }
                prefixes[prefix] = resolve(reference)
                try advance()
            } else {
                return
            }
        }
    }

    /// `reference` resolved against the base in force, or as written when there is none.
    func resolve(_ reference: String) -> String {
        // An absolute IRI is kept exactly as written (no dot-segment removal), as Turtle does:
        // `<eXAMPLE://a/./b/../b/%63>` names a different resource from `<example://a/b/c>`.
        if IRIResolver.isAbsolute(reference) { return reference }
        return resolver?.resolve(reference) ?? reference
    }

    // MARK: Terms

    /// `iri ::= IRIREF | PrefixedName`, expanded and resolved; `nil` (consuming nothing) if the
    /// current token is neither.
    mutating func parseIRIIfPresent() throws(SPARQLSyntaxError) -> String? {
        switch token.kind {
        case .iri(let reference):
            try advance()
            return resolve(reference)
        case .prefixedName(let prefix, let local):
            guard let namespace = prefixes[prefix] else {
                throw SPARQLSyntaxError(.undeclaredPrefix(prefix), at: token.position)
            }
            try advance()
            return namespace + local
        default:
            return nil
        }
    }

    mutating func parseIRI(_ what: String = "an IRI") throws(SPARQLSyntaxError) -> String {
        guard let iri = try parseIRIIfPresent() else { throw expected(what) }
        return iri
    }

    /// Whether the current token can start a `VarOrTerm`.
    var startsVarOrTerm: Bool {
        switch token.kind {
        case .iri, .prefixedName, .blankNodeLabel, .variable, .integer, .decimal, .double, .string, .nilList, .anon:
            true
        case .keyword(let k): k == "TRUE" || k == "FALSE"
        default: false
        }
    }

    /// `Var` as a pattern position, checking that variables are allowed here.
    mutating func variable(_ name: String) throws(SPARQLSyntaxError) -> TermPattern {
        guard variablesAllowed else {
            throw SPARQLSyntaxError(.notAllowed("variable ?\(name) in INSERT DATA or DELETE DATA"), at: token.position)
        }
        try advance()
        return .variable(name)
    }

    /// `VarOrTerm`; `nil` (consuming nothing) when the current token starts none.
    mutating func parseVarOrTermIfPresent() throws(SPARQLSyntaxError) -> TermPattern? {
        switch token.kind {
        case .variable(let name):
            return try variable(name)
        case .blankNodeLabel(let label):
            return try blankNode(label: label)
        case .anon:
            return try blankNode(label: nil)
        case .nilList:
            try advance()
            return .term(.iri(Vocabulary.rdfNil))
        default:
            if let iri = try parseIRIIfPresent() { return .term(.iri(iri)) }
            if let literal = try parseLiteralIfPresent() { return .term(literal) }
            return nil
        }
    }

    /// `VarOrIri`.
    mutating func parseVarOrIRI(_ what: String) throws(SPARQLSyntaxError) -> TermPattern {
        if case .variable(let name) = token.kind { return try variable(name) }
        guard let iri = try parseIRIIfPresent() else { throw expected(what) }
        return .term(.iri(iri))
    }

    /// A blank node by label, or a fresh one for `[]` (`label == nil`), as the current mode
    /// wants it. Consumes the current token.
    mutating func blankNode(label: String?) throws(SPARQLSyntaxError) -> TermPattern {
        switch blankNodes {
        case .forbidden(let place):
            throw SPARQLSyntaxError(.notAllowed("a blank node in \(place)"), at: token.position)
        case .terms:
            if let label, trackDataLabels {
                if earlierDataLabels.contains(label) {
                    throw SPARQLSyntaxError(.blankNodeLabelReused(label), at: token.position)
                }
                currentDataLabels.insert(label)
            }
            try advance()
            return .term(.blank(label ?? String(builder.freshVariable().dropFirst())))
        case .variables:
            if let label {
                if closedBlankLabels.contains(label) {
                    throw SPARQLSyntaxError(.blankNodeLabelReused(label), at: token.position)
                }
                openBlankLabels.insert(label)
                try advance()
                return .variable("?" + label)
            }
            try advance()
            return .variable(builder.freshVariable())
        }
    }

    /// A fresh blank node for `[ … ]` or a collection cell, as the current mode wants it.
    mutating func freshBlankNode() throws(SPARQLSyntaxError) -> TermPattern {
        switch blankNodes {
        case .forbidden(let place):
            throw SPARQLSyntaxError(.notAllowed("a blank node in \(place)"), at: token.position)
        case .terms:
            return .term(.blank(String(builder.freshVariable().dropFirst())))
        case .variables:
            return .variable(builder.freshVariable())
        }
    }

    /// Closes the labels of the BGP being read (at each group's `{` and `}`).
    mutating func closeBlankNodeScope() {
        closedBlankLabels.formUnion(openBlankLabels)
        openBlankLabels.removeAll()
    }

    /// `RDFLiteral | NumericLiteral | BooleanLiteral`; `nil` (consuming nothing) otherwise.
    mutating func parseLiteralIfPresent() throws(SPARQLSyntaxError) -> Term? {
        switch token.kind {
        case .integer(let lexical):
            try advance()
            return .literal(Literal(lexical, datatype: Vocabulary.xsdInteger))
        case .decimal(let lexical):
            try advance()
            return .literal(Literal(lexical, datatype: Vocabulary.xsdDecimal))
        case .double(let lexical):
            try advance()
            return .literal(Literal(lexical, datatype: Vocabulary.xsdDouble))
        case .keyword("TRUE"), .keyword("FALSE"):
            let value = token.isKeyword("TRUE") ? "true" : "false"
            try advance()
            return .literal(Literal(value, datatype: Vocabulary.xsdBoolean))
        case .string(let value):
            try advance()
            if case .languageTag(let tag) = token.kind {
                try advance()
                return .literal(Literal(value, language: tag))
            }
            if try accept(.caretCaret) {
                let datatype = try parseIRI("a datatype IRI after '^^'")
                return .literal(Literal(value, datatype: datatype))
            }
            return .literal(Literal(value))
        default:
            return nil
        }
    }
}
