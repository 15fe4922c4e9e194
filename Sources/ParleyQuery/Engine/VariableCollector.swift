import ParleyRDF
import ParleySPARQL

/// Gives every variable a query mentions anywhere (patterns, expressions, EXISTS, sub-queries,
/// templates) a slot.
struct VariableCollector {
    var slots = VariableSlots()

    mutating func add(_ pattern: GraphPattern) {
        switch pattern {
        case .bgp(let triples):
            for t in triples { add(t) }
        case .path(let s, _, let o):
            add(s)
            add(o)
        case .join(let a, let b), .union(let a, let b), .minus(let a, let b):
            add(a)
            add(b)
        case .leftJoin(let a, let b, let e):
            add(a)
            add(b)
            if let e { add(e) }
        case .filter(let e, let inner):
            add(inner)
            add(e)
        case .graph(let name, let inner):
            add(name)
            add(inner)
        case .extend(let inner, let variable, let e):
            add(inner)
            slots.slot(variable)
            add(e)
        case .values(let variables, _):
            for v in variables { slots.slot(v) }
        case .service(let name, let inner, _):
            add(name)
            add(inner)
        case .group(let inner, let variables, let aggregates):
            add(inner)
            for v in variables { slots.slot(v) }
            for a in aggregates {
                slots.slot(a.variable)
                if let argument = a.aggregate.argument { add(argument) }
            }
        case .orderBy(let inner, let conditions):
            add(inner)
            for c in conditions { add(c.expression) }
        case .project(let inner, let variables):
            add(inner)
            for v in variables { slots.slot(v) }
        case .distinct(let inner), .reduced(let inner), .slice(let inner, _, _):
            add(inner)
        }
    }

    mutating func add(_ triple: TriplePattern) {
        add(triple.subject)
        add(triple.predicate)
        add(triple.object)
    }

    mutating func add(_ term: TermPattern) {
        if case .variable(let v) = term { slots.slot(v) }
    }

    mutating func add(_ expression: Expression) {
        switch expression {
        case .variable(let v): slots.slot(v)
        case .term: break
        case .binary(_, let a, let b):
            add(a)
            add(b)
        case .unary(_, let a): add(a)
        case .in(let a, let list, _):
            add(a)
            for e in list { add(e) }
        case .builtin(_, let args), .function(_, let args, _):
            for e in args { add(e) }
        case .exists(let p), .notExists(let p): add(p)
        case .aggregate(let a): if let argument = a.argument { add(argument) }
        }
    }
}
