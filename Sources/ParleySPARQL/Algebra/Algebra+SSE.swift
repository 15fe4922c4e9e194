import ParleyRDF

// SSE (SPARQL S-Expressions, as Jena prints them) for EXPLAIN output and tests.
// IRIs print in full (`<http://ex/p>`), variables as `?v`, internal variables as `??~3` or
// `?.1`, numbers and booleans bare when their lexical form reads back as the same type.

extension GraphPattern: CustomStringConvertible {
    /// The pattern as an SSE S-expression, e.g. `(filter (= ?o 1) (bgp (triple ?s <p> ?o)))`.
    public var description: String {
        switch self {
        case .bgp(let triples):
            if triples.isEmpty { return "(bgp)" }
            return "(bgp " + triples.map(\.description).joined(separator: " ") + ")"
        case .path(let s, let p, let o):
            return "(path \(s) \(p) \(o))"
        case .join(let a, let b):
            return "(join \(a) \(b))"
        case .leftJoin(let a, let b, let e):
            return e.map { "(leftjoin \(a) \(b) \($0))" } ?? "(leftjoin \(a) \(b))"
        case .filter(let e, let a):
            return "(filter \(e) \(a))"
        case .union(let a, let b):
            return "(union \(a) \(b))"
        case .minus(let a, let b):
            return "(minus \(a) \(b))"
        case .graph(let g, let a):
            return "(graph \(g) \(a))"
        case .extend(let a, let v, let e):
            return "(extend ((?\(v) \(e))) \(a))"
        case .values(let variables, let rows):
            let vars = "(vars" + variables.map { " ?\($0)" }.joined() + ")"
            let body = rows.map { row in
                "(row" + zip(variables, row).compactMap { v, t in t.map { " [?\(v) \(Self.sse($0))]" } }.joined() + ")"
            }
            return "(table " + ([vars] + body).joined(separator: " ") + ")"
        case .service(let name, let a, let silent):
            return "(service \(silent ? "silent " : "")\(name) \(a))"
        case .group(let a, let variables, let aggregates):
            let keys = "(" + variables.map { "?\($0)" }.joined(separator: " ") + ")"
            let aggs = "(" + aggregates.map { "(?\($0.variable) \($0.aggregate))" }.joined(separator: " ") + ")"
            return "(group \(keys) \(aggs) \(a))"
        case .orderBy(let a, let conditions):
            return "(order (" + conditions.map(\.description).joined(separator: " ") + ") \(a))"
        case .project(let a, let variables):
            return "(project (" + variables.map { "?\($0)" }.joined(separator: " ") + ") \(a))"
        case .distinct(let a):
            return "(distinct \(a))"
        case .reduced(let a):
            return "(reduced \(a))"
        case .slice(let a, let offset, let limit):
            return "(slice \(offset == 0 ? "_" : String(offset)) \(limit.map(String.init) ?? "_") \(a))"
        }
    }

    /// A term in SSE: `<iri>`, `_:b`, `"text"@en`, `"x"^^<dt>`, or a bare number or boolean.
    static func sse(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return "<\(iri)>"
        case .blank(let label): return "_:\(label)"
        case .literal(let literal):
            if let language = literal.language { return quoted(literal.lexical) + "@" + language }
            if literal.datatype == Vocabulary.xsdString { return quoted(literal.lexical) }
            if readsBack(literal) { return literal.lexical }
            return quoted(literal.lexical) + "^^<\(literal.datatype)>"
        }
    }

    private static func readsBack(_ literal: Literal) -> Bool {
        let s = Array(literal.lexical.utf8)
        func digits(_ slice: ArraySlice<UInt8>) -> Bool { !slice.isEmpty && slice.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        var body = s[...]
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { body = body.dropFirst() }
        switch literal.datatype {
        case Vocabulary.xsdInteger:
            return digits(body)
        case Vocabulary.xsdDecimal:
            guard let dot = body.firstIndex(of: UInt8(ascii: ".")) else { return false }
            return (body[..<dot].isEmpty || digits(body[..<dot])) && digits(body[(dot + 1)...])
        case Vocabulary.xsdDouble:
            return body.contains(UInt8(ascii: "e")) || body.contains(UInt8(ascii: "E"))
                ? (try? Lexer.tokens(literal.lexical).count == 2) == true : false
        case Vocabulary.xsdBoolean:
            return literal.lexical == "true" || literal.lexical == "false"
        default:
            return false
        }
    }

    static func quoted(_ text: String) -> String { StringLiteralText.quoted(text) }
}

extension TermPattern: CustomStringConvertible {
    public var description: String {
        switch self {
        case .variable(let v): "?\(v)"
        case .term(let t): GraphPattern.sse(t)
        }
    }
}

extension TriplePattern: CustomStringConvertible {
    public var description: String { "(triple \(subject) \(predicate) \(object))" }
}

extension QuadPattern: CustomStringConvertible {
    public var description: String {
        "(quad \(graph?.description ?? "_") \(subject) \(predicate) \(object))"
    }
}

extension PropertyPath: CustomStringConvertible {
    public var description: String {
        switch self {
        case .link(let iri): "<\(iri)>"
        case .inverse(let p): "(reverse \(p))"
        case .sequence(let a, let b): "(seq \(a) \(b))"
        case .alternative(let a, let b): "(alt \(a) \(b))"
        case .zeroOrMore(let p): "(path* \(p))"
        case .oneOrMore(let p): "(path+ \(p))"
        case .zeroOrOne(let p): "(path? \(p))"
        case .negatedPropertySet(let iris): "(notoneof" + iris.map { " <\($0)>" }.joined() + ")"
        }
    }
}

extension Expression: CustomStringConvertible {
    public var description: String {
        switch self {
        case .variable(let v): return "?\(v)"
        case .term(let t): return GraphPattern.sse(t)
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(l) \(r))"
        case .unary(let op, let x): return "(\(op.rawValue) \(x))"
        case .in(let x, let list, let negated):
            return "(\(negated ? "notin" : "in") \(x)" + list.map { " \($0)" }.joined() + ")"
        case .builtin(let f, let args):
            return "(\(f.rawValue)" + args.map { " \($0)" }.joined() + ")"
        case .function(let iri, let args, let distinct):
            return "(<\(iri)>\(distinct ? " distinct" : "")" + args.map { " \($0)" }.joined() + ")"
        case .exists(let p): return "(exists \(p))"
        case .notExists(let p): return "(notexists \(p))"
        case .aggregate(let a): return a.description
        }
    }
}

extension Aggregate: CustomStringConvertible {
    public var description: String {
        let name: String
        var extra = ""
        switch function {
        case .count: name = "count"
        case .sum: name = "sum"
        case .min: name = "min"
        case .max: name = "max"
        case .avg: name = "avg"
        case .sample: name = "sample"
        case .groupConcat(let separator):
            name = "group_concat"
            if let separator { extra = " (separator \(GraphPattern.quoted(separator)))" }
        }
        return "(\(name)\(distinct ? " distinct" : "")\(extra)\(argument.map { " \($0)" } ?? ""))"
    }
}

extension OrderCondition: CustomStringConvertible {
    public var description: String { descending ? "(desc \(expression))" : expression.description }
}

extension UpdateOperation: CustomStringConvertible {
    /// The operation as an SSE S-expression, e.g. `(insertData (quad _ <s> <p> <o>))`.
    public var description: String {
        func quads(_ qs: [Quad]) -> String {
            qs.map { q in
                "(quad \(q.graph.map(GraphPattern.sse) ?? "_") \(GraphPattern.sse(q.subject)) \(GraphPattern.sse(q.predicate)) \(GraphPattern.sse(q.object)))"
            }.joined(separator: " ")
        }
        func patterns(_ qs: [QuadPattern]) -> String { qs.map(\.description).joined(separator: " ") }
        func silently(_ silent: Bool) -> String { silent ? " silent" : "" }
        switch self {
        case .insertData(let q): return "(insertData \(quads(q)))"
        case .deleteData(let q): return "(deleteData \(quads(q)))"
        case .deleteWhere(let q): return "(deleteWhere \(patterns(q)))"
        case .modify(let with, let delete, let insert, let using, let pattern):
            var parts = ["modify"]
            if let with { parts.append("(with <\(with)>)") }
            if !delete.isEmpty { parts.append("(delete \(patterns(delete)))") }
            if !insert.isEmpty { parts.append("(insert \(patterns(insert)))") }
            if let using {
                parts.append("(using" + using.defaultGraphs.map { " <\($0)>" }.joined()
                    + using.namedGraphs.map { " (named <\($0)>)" }.joined() + ")")
            }
            parts.append(pattern.description)
            return "(" + parts.joined(separator: " ") + ")"
        case .load(let silent, let source, let into):
            return "(load\(silently(silent)) <\(source)>\(into.map { " <\($0)>" } ?? ""))"
        case .clear(let silent, let target): return "(clear\(silently(silent)) \(target))"
        case .drop(let silent, let target): return "(drop\(silently(silent)) \(target))"
        case .create(let silent, let iri): return "(create\(silently(silent)) <\(iri)>)"
        case .add(let silent, let from, let to): return "(add\(silently(silent)) \(from) \(to))"
        case .move(let silent, let from, let to): return "(move\(silently(silent)) \(from) \(to))"
        case .copy(let silent, let from, let to): return "(copy\(silently(silent)) \(from) \(to))"
        }
    }
}

extension GraphTarget: CustomStringConvertible {
    public var description: String {
        switch self {
        case .graph(let iri): "<\(iri)>"
        case .defaultGraph: "default"
        case .allNamed: "named"
        case .all: "all"
        }
    }
}

extension GraphReference: CustomStringConvertible {
    public var description: String {
        switch self {
        case .graph(let iri): "<\(iri)>"
        case .defaultGraph: "default"
        }
    }
}
