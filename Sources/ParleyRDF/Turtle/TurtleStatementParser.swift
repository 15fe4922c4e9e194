/// The Turtle grammar as a pushdown automaton: an explicit stack of open statements, blank
/// node property lists and collections, and a mode saying what may come next. No recursion,
/// so input nesting can only fail with an error, never overflow the call stack.
struct TurtleStatementParser {
    /// An open construct that will receive terms.
    struct Frame {
        enum Kind { case statement, propertyList, collection }
        var kind: Kind
        /// The subject of the predicate-object list (for a property list, its blank node).
        /// `nil` while a statement's subject (a property list or collection) is still open.
        var subject: Term?
        var predicate: Term?
        /// A statement whose subject is a blank node property list: predicates are optional.
        var subjectIsPropertyList = false
        /// Collections: the first and the latest list node.
        var head: Term?
        var last: Term?
    }

    /// What the next token may be.
    enum Mode {
        case statement, verb, afterSemicolon, object, afterObject, endOfPredicates
        case collectionItem, afterSubjectPropertyList
    }

    var lexer: TurtleLexer
    private var lookahead: TurtleToken?
    private var stack: [Frame] = []
    private var mode = Mode.statement
    private let maximumNesting: Int

    var base: IRIResolver?
    var namespaces: [String: String] = [:]
    var prefixOrder: [String] = []
    private let blankPrefix: String
    private var blankCounter = 0
    private var scratch: [UInt8] = []

    init(lexer: TurtleLexer, baseIRI: String?, maximumNesting: Int) {
        self.lexer = lexer
        self.maximumNesting = maximumNesting
        base = baseIRI.flatMap { IRIResolver(base: $0) }
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        blankPrefix = "genid" + String(repeating: "0", count: 16 - random.count) + random + "x"
    }

    /// The declared prefixes, in declaration order, each with its last IRI.
    var declaredPrefixes: [(prefix: String, iri: String)] {
        prefixOrder.compactMap { prefix in namespaces[prefix].map { (prefix: prefix, iri: $0) } }
    }

    // MARK: Tokens

    mutating func next() throws -> TurtleToken {
        if let token = lookahead {
            lookahead = nil
            return token
        }
        return try lexer.next()
    }

    mutating func peek() throws -> TurtleToken {
        if let token = lookahead { return token }
        let token = try lexer.next()
        lookahead = token
        return token
    }

    func expected(_ what: String, found token: TurtleToken) -> RDFSyntaxError {
        lexer.error("expected \(what), found \(lexer.quoted(token))", at: token.start)
    }

    // MARK: The automaton

    mutating func parse(_ body: (EncodedQuad) throws -> Void) throws {
        while true {
            switch mode {
            case .statement:
                let token = try next()
                if token.kind == .end { return }
                try startStatement(token)
            case .verb:
                let token = try next()
                stack[stack.count - 1].predicate = try verb(token)
                mode = .object
            case .afterSemicolon:
                let token = try peek()
                switch token.kind {
                case .semicolon: _ = try next()
                case .dot, .closeBracket: mode = .endOfPredicates
                default: mode = .verb
                }
            case .object:
                try object(try next(), body)
            case .afterObject:
                let token = try next()
                switch token.kind {
                case .comma: mode = .object
                case .semicolon: mode = .afterSemicolon
                default: try endPredicates(token, afterObject: true, body)
                }
            case .endOfPredicates:
                try endPredicates(try next(), afterObject: false, body)
            case .collectionItem:
                let token = try next()
                if token.kind == .closeParen {
                    try closeCollection(body)
                } else {
                    try object(token, body)
                }
            case .afterSubjectPropertyList:
                if try peek().kind == .dot {
                    _ = try next()
                    stack.removeLast()
                    mode = .statement
                } else {
                    mode = .verb
                }
            }
        }
    }

    /// A directive, or the subject of a new statement.
    private mutating func startStatement(_ token: TurtleToken) throws {
        switch token.kind {
        case .languageTag where token.text == "prefix":
            try prefixDirective(sparqlStyle: false)
        case .languageTag where token.text == "base":
            try baseDirective(sparqlStyle: false)
        case .prefixKeyword:
            try prefixDirective(sparqlStyle: true)
        case .baseKeyword:
            try baseDirective(sparqlStyle: true)
        case .openBracket:
            if try peek().kind == .closeBracket {
                _ = try next()
                stack.append(Frame(kind: .statement, subject: makeBlankNode()))
                mode = .verb
            } else {
                stack.append(Frame(kind: .statement, subjectIsPropertyList: true))
                try open(Frame(kind: .propertyList, subject: makeBlankNode()), at: token)
                mode = .verb
            }
        case .openParen:
            stack.append(Frame(kind: .statement))
            try open(Frame(kind: .collection), at: token)
            mode = .collectionItem
        case .iri, .prefixedName, .blankNode:
            stack.append(Frame(kind: .statement, subject: try simpleTerm(token)))
            mode = .verb
        default:
            throw expected("subject (IRI, blank node or collection) or directive", found: token)
        }
    }

    private mutating func open(_ frame: Frame, at token: TurtleToken) throws {
        guard stack.count <= maximumNesting else {
            throw lexer.error("nesting deeper than \(maximumNesting) levels", at: token.start)
        }
        stack.append(frame)
    }

    /// `verb ::= predicate | 'a'`
    private mutating func verb(_ token: TurtleToken) throws -> Term {
        switch token.kind {
        case .a: return .iri(Vocabulary.rdfType)
        case .iri, .prefixedName: return try simpleTerm(token)
        default: throw expected("predicate (IRI or 'a')", found: token)
        }
    }

    /// An object: a term delivered now, or the opening of a property list or collection.
    private mutating func object(_ token: TurtleToken, _ body: (EncodedQuad) throws -> Void) throws {
        switch token.kind {
        case .openBracket:
            if try peek().kind == .closeBracket {
                _ = try next()
                try deliver(makeBlankNode(), body)
            } else {
                try open(Frame(kind: .propertyList, subject: makeBlankNode()), at: token)
                mode = .verb
            }
        case .openParen:
            try open(Frame(kind: .collection), at: token)
            mode = .collectionItem
        case .iri, .prefixedName, .blankNode:
            try deliver(try simpleTerm(token), body)
        case .string:
            try deliver(try literal(token), body)
        case .integer:
            try deliver(.literal(Literal(token.text, datatype: Vocabulary.xsdInteger)), body)
        case .decimal:
            try deliver(.literal(Literal(token.text, datatype: Vocabulary.xsdDecimal)), body)
        case .double:
            try deliver(.literal(Literal(token.text, datatype: Vocabulary.xsdDouble)), body)
        case .true, .false:
            try deliver(.literal(Literal(token.text, datatype: Vocabulary.xsdBoolean)), body)
        default:
            let what = mode == .collectionItem ? "object or ')'" : "object (IRI, blank node, literal or collection)"
            throw expected(what, found: token)
        }
    }

    /// Hands a finished term to the innermost open construct.
    private mutating func deliver(_ term: Term, _ body: (EncodedQuad) throws -> Void) throws {
        guard let top = stack.last else { return }
        let index = stack.count - 1
        switch top.kind {
        case .collection:
            let node = makeBlankNode()
            if let last = top.last {
                try emit(last, .iri(Vocabulary.rdfRest), node, body)
            } else {
                stack[index].head = node
            }
            try emit(node, .iri(Vocabulary.rdfFirst), term, body)
            stack[index].last = node
            mode = .collectionItem
        case .statement where top.subject == nil:
            stack[index].subject = term
            mode = top.subjectIsPropertyList ? .afterSubjectPropertyList : .verb
        case .statement, .propertyList:
            guard let subject = top.subject, let predicate = top.predicate else { return }
            try emit(subject, predicate, term, body)
            mode = .afterObject
        }
    }

    /// `)`: ends the list with `rdf:nil` and delivers its head (or `rdf:nil` when empty).
    private mutating func closeCollection(_ body: (EncodedQuad) throws -> Void) throws {
        let frame = stack.removeLast()
        let nilList = Term.iri(Vocabulary.rdfNil)
        if let last = frame.last, let head = frame.head {
            try emit(last, .iri(Vocabulary.rdfRest), nilList, body)
            try deliver(head, body)
        } else {
            try deliver(nilList, body)
        }
    }

    /// The end of a predicate-object list: `.` for a statement, `]` for a property list.
    private mutating func endPredicates(_ token: TurtleToken, afterObject: Bool,
                                        _ body: (EncodedQuad) throws -> Void) throws {
        guard let top = stack.last else { return }
        switch (top.kind, token.kind) {
        case (.statement, .dot):
            stack.removeLast()
            mode = .statement
        case (.propertyList, .closeBracket):
            stack.removeLast()
            if let node = top.subject { try deliver(node, body) }
        default:
            let end = top.kind == .statement ? "'.'" : "']'"
            throw expected(afterObject ? "\(end), ';' or ',' after object" : "\(end) or predicate", found: token)
        }
    }

    // MARK: Output

    private mutating func emit(_ subject: Term, _ predicate: Term, _ object: Term,
                               _ body: (EncodedQuad) throws -> Void) throws {
        scratch.removeAll(keepingCapacity: true)
        TermEncoding.encode(subject, into: &scratch)
        let subjectEnd = scratch.count
        TermEncoding.encode(predicate, into: &scratch)
        let predicateEnd = scratch.count
        TermEncoding.encode(object, into: &scratch)
        try scratch.withUnsafeBytes { bytes in
            try body(EncodedQuad(
                subject: UnsafeRawBufferPointer(rebasing: bytes[..<subjectEnd]),
                predicate: UnsafeRawBufferPointer(rebasing: bytes[subjectEnd..<predicateEnd]),
                object: UnsafeRawBufferPointer(rebasing: bytes[predicateEnd...]),
                graph: nil))
        }
    }

    mutating func makeBlankNode() -> Term {
        blankCounter += 1
        return .blank(blankPrefix + String(blankCounter))
    }
}
