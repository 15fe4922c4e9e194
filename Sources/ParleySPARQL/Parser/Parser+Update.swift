import ParleyRDF

extension Parser {
    /// `UpdateUnit ::= Update ::= Prologue ( Update1 ( ';' Update )? )?`, then the end of the text.
    mutating func parseUpdateUnit() throws(SPARQLSyntaxError) -> Update {
        var operations: [UpdateOperation] = []
        while true {
            try parsePrologue()
            if case .end = token.kind { break }
            operations.append(try parseUpdate1())
            earlierDataLabels.formUnion(currentDataLabels)
            currentDataLabels.removeAll()
            guard try accept(.semicolon) else { break }
        }
        guard case .end = token.kind else {
            throw expected(operations.isEmpty ? "an update operation" : "';' or end of input")
        }
        return Update(operations: operations, baseIRI: baseIRI, prefixes: prefixes)
    }

    /// `Update1 ::= Load | Clear | Drop | Add | Move | Copy | Create | InsertData | DeleteData | DeleteWhere | Modify`
    mutating func parseUpdate1() throws(SPARQLSyntaxError) -> UpdateOperation {
        guard case .keyword(let keyword) = token.kind else {
            throw expected("an update operation (INSERT, DELETE, LOAD, CLEAR, …)")
        }
        switch keyword {
        case "LOAD":
            try advance()
            let silent = try accept(keyword: "SILENT")
            let source = try parseIRI("an IRI after LOAD")
            var into: String?
            if try accept(keyword: "INTO") {
                try expect(keyword: "GRAPH", " after INTO")
                into = try parseIRI("a graph IRI after INTO GRAPH")
            }
            return .load(silent: silent, source: source, into: into)
        case "CLEAR", "DROP":
            try advance()
            let silent = try accept(keyword: "SILENT")
            let target = try parseGraphRefAll(keyword)
            return keyword == "CLEAR" ? .clear(silent: silent, target) : .drop(silent: silent, target)
        case "CREATE":
            try advance()
            let silent = try accept(keyword: "SILENT")
            try expect(keyword: "GRAPH", " after CREATE")
            return .create(silent: silent, try parseIRI("a graph IRI after CREATE GRAPH"))
        case "ADD", "MOVE", "COPY":
            try advance()
            let silent = try accept(keyword: "SILENT")
            let from = try parseGraphOrDefault(keyword)
            try expect(keyword: "TO", " in \(keyword)")
            let to = try parseGraphOrDefault("TO")
            switch keyword {
            case "ADD": return .add(silent: silent, from: from, to: to)
            case "MOVE": return .move(silent: silent, from: from, to: to)
            default: return .copy(silent: silent, from: from, to: to)
            }
        case "INSERT":
            try advance()
            if try accept(keyword: "DATA") {
                return .insertData(try parseQuadData(insert: true))
            }
            guard token.isSymbol(.openBrace) else { throw expected("DATA or '{' after INSERT") }
            return try parseModify(with: nil)
        case "DELETE":
            try advance()
            if try accept(keyword: "DATA") {
                return .deleteData(try parseQuadData(insert: false))
            }
            if try accept(keyword: "WHERE") {
                let quads = try parseQuads(blankNodes: .forbidden("DELETE WHERE"), variables: true)
                return .deleteWhere(quads)
            }
            guard token.isSymbol(.openBrace) else { throw expected("DATA, WHERE or '{' after DELETE") }
            return try parseModify(with: nil, afterDelete: true)
        case "WITH":
            try advance()
            let graph = try parseIRI("a graph IRI after WITH")
            return try parseModify(with: graph)
        default:
            throw expected("an update operation (INSERT, DELETE, LOAD, CLEAR, …)")
        }
    }

    /// `Modify ::= ( 'WITH' iri )? ( DeleteClause InsertClause? | InsertClause ) UsingClause* 'WHERE' GroupGraphPattern`.
    /// Called after WITH's IRI, after DELETE (`afterDelete`), or at INSERT's `{`.
    private mutating func parseModify(with graph: String?, afterDelete: Bool = false) throws(SPARQLSyntaxError) -> UpdateOperation {
        var delete: [QuadPattern] = []
        var insert: [QuadPattern] = []
        var isDelete = afterDelete
        if graph != nil {
            if try accept(keyword: "DELETE") {
                isDelete = true
            } else {
                try expect(keyword: "INSERT", " or DELETE after WITH")
            }
        }
        if isDelete {
            delete = try parseQuads(blankNodes: .forbidden("a DELETE template"), variables: true)
            if try accept(keyword: "INSERT") {
                insert = try parseQuads(blankNodes: .terms, variables: true)
            }
        } else {
            insert = try parseQuads(blankNodes: .terms, variables: true)
        }
        let using = try parseDatasetClauses(keyword: "USING")
        try expect(keyword: "WHERE", " in DELETE/INSERT")
        guard token.isSymbol(.openBrace) else { throw expected("'{' after WHERE") }
        let pattern = try builder.translate(try parseGroupGraphPattern())
        return .modify(with: graph, delete: delete, insert: insert, using: using, pattern: pattern)
    }

    /// `QuadData ::= '{' Quads '}'`: ground quads, blank nodes only in INSERT DATA.
    private mutating func parseQuadData(insert: Bool) throws(SPARQLSyntaxError) -> [Quad] {
        trackDataLabels = insert
        defer { trackDataLabels = false }
        let patterns = try parseQuads(blankNodes: insert ? .terms : .forbidden("DELETE DATA"), variables: false)
        return patterns.compactMap { q in
            guard case .term(let s) = q.subject, case .term(let p) = q.predicate, case .term(let o) = q.object else { return nil }
            var graph: Term?
            if let g = q.graph {
                guard case .term(let t) = g else { return nil }
                graph = t
            }
            return Quad(s, p, o, graph: graph)
        }
    }

    /// `QuadPattern ::= '{' Quads '}'`, `Quads ::= TriplesTemplate? ( QuadsNotTriples '.'? TriplesTemplate? )*`
    private mutating func parseQuads(blankNodes mode: BlankNodes, variables: Bool) throws(SPARQLSyntaxError) -> [QuadPattern] {
        let savedBlankNodes = blankNodes, savedVariables = variablesAllowed
        blankNodes = mode
        variablesAllowed = variables
        defer {
            blankNodes = savedBlankNodes
            variablesAllowed = savedVariables
        }
        try expect(.openBrace, " to start the quads")
        var quads: [QuadPattern] = []
        var canStartTriples = true
        while true {
            if try accept(keyword: "GRAPH") {
                let graph = try parseVarOrIRI("a variable or IRI after GRAPH")
                try expect(.openBrace, " after the graph name")
                quads += try parseTriplesTemplate().map { QuadPattern($0.subject, $0.predicate, $0.object, graph: graph) }
                try expect(.closeBrace, " to close GRAPH (only triples are allowed inside)")
                _ = try accept(.dot)
                canStartTriples = true
            } else if startsTriples {
                guard canStartTriples else { throw expected("'.' or '}' after a triple") }
                var triples: [PathTriple] = []
                try parseTriplesSameSubject(into: &triples, paths: false)
                for t in triples {
                    if case .term(let p) = t.verb { quads.append(QuadPattern(t.subject, p, t.object)) }
                }
                canStartTriples = try accept(.dot)
            } else {
                break
            }
        }
        try expect(.closeBrace, quads.isEmpty ? " or a triple" : "")
        return quads
    }

    /// `GraphRefAll ::= GraphRef | 'DEFAULT' | 'NAMED' | 'ALL'`
    private mutating func parseGraphRefAll(_ keyword: String) throws(SPARQLSyntaxError) -> GraphTarget {
        if try accept(keyword: "DEFAULT") { return .defaultGraph }
        if try accept(keyword: "NAMED") { return .allNamed }
        if try accept(keyword: "ALL") { return .all }
        try expect(keyword: "GRAPH", ", DEFAULT, NAMED or ALL after \(keyword)")
        return .graph(try parseIRI("a graph IRI after GRAPH"))
    }

    /// `GraphOrDefault ::= 'DEFAULT' | 'GRAPH'? iri`
    private mutating func parseGraphOrDefault(_ keyword: String) throws(SPARQLSyntaxError) -> GraphReference {
        if try accept(keyword: "DEFAULT") { return .defaultGraph }
        _ = try accept(keyword: "GRAPH")
        return .graph(try parseIRI("DEFAULT or a graph IRI after \(keyword)"))
    }
}
