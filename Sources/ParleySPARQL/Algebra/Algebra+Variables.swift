/// Variables of patterns and expressions, in order of first appearance.
extension GraphPattern {
    /// The [in-scope variables](https://www.w3.org/TR/sparql11-query/#variableScope) of the
    /// pattern (§18.2.1), internal ones included, each once, in order of first appearance.
    public var inScopeVariables: [String] {
        var out: [String] = []
        var seen: Set<String> = []
        collectInScope(&out, &seen)
        return out
    }

    private func collectInScope(_ out: inout [String], _ seen: inout Set<String>) {
        func add(_ v: String) { if seen.insert(v).inserted { out.append(v) } }
        func add(_ t: TermPattern) { if case .variable(let v) = t { add(v) } }
        switch self {
        case .bgp(let triples):
            for t in triples { add(t.subject); add(t.predicate); add(t.object) }
        case .path(let s, _, let o):
            add(s); add(o)
        case .join(let a, let b), .leftJoin(let a, let b, _), .union(let a, let b):
            a.collectInScope(&out, &seen)
            b.collectInScope(&out, &seen)
        case .minus(let a, _), .filter(_, let a), .orderBy(let a, _), .distinct(let a), .reduced(let a),
             .slice(let a, _, _):
            a.collectInScope(&out, &seen)
        case .graph(let name, let a), .service(let name, let a, _):
            add(name)
            a.collectInScope(&out, &seen)
        case .extend(let a, let v, _):
            a.collectInScope(&out, &seen)
            add(v)
        case .values(let variables, _):
            variables.forEach { add($0) }
        case .group(_, let variables, let aggregates):
            variables.forEach { add($0) }
            aggregates.forEach { add($0.variable) }
        case .project(_, let variables):
            variables.forEach { add($0) }
        }
    }
}

extension Expression {
    /// The variables the expression mentions outside EXISTS patterns, in order, each once.
    public var variables: [String] {
        var out: [String] = []
        collect(&out)
        return out
    }

    private func collect(_ out: inout [String]) {
        switch self {
        case .variable(let v): if !out.contains(v) { out.append(v) }
        case .term, .exists, .notExists: break
        case .binary(_, let l, let r): l.collect(&out); r.collect(&out)
        case .unary(_, let x): x.collect(&out)
        case .in(let x, let list, _): x.collect(&out); list.forEach { $0.collect(&out) }
        case .builtin(_, let args), .function(_, let args, _): args.forEach { $0.collect(&out) }
        case .aggregate(let a): a.argument?.collect(&out)
        }
    }
}
