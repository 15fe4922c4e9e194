import ParleyRDF
import ParleySPARQL
import ParleyStore

extension QueryEngine {
    /// Applies an update request in ONE write transaction: every operation lands, or (on any
    /// error) none does. Within a DELETE/INSERT, all solutions are found before anything
    /// changes, then deletions, then insertions, as SPARQL 1.1 Update §3.1.3 specifies.
    @discardableResult
    public func update(_ update: Update, options: QueryOptions = QueryOptions()) throws -> UpdateReport {
        try store.write { writer in
            var report = UpdateReport()
            for operation in update.operations {
                try apply(operation, baseIRI: update.baseIRI ?? options.baseIRI, options: options, writer: writer, report: &report)
            }
            return report
        }
    }

    private func apply(_ operation: UpdateOperation, baseIRI: String?, options: QueryOptions,
                       writer: borrowing StoreWriter, report: inout UpdateReport) throws {
        switch operation {
        case .insertData(let quads):
            report.inserted += try writer.insert(quads)
        case .deleteData(let quads):
            report.deleted += try writer.delete(quads)
        case .deleteWhere(let patterns):
            try modify(with: nil, delete: patterns, insert: [], using: nil,
                       pattern: Self.pattern(of: patterns), baseIRI: baseIRI, options: options, writer: writer, report: &report)
        case .modify(let with, let delete, let insert, let using, let pattern):
            try modify(with: with, delete: delete, insert: insert, using: using, pattern: pattern,
                       baseIRI: baseIRI, options: options, writer: writer, report: &report)
        case .load(let silent, let source, let graph):
            do {
                report.inserted += try load(source, into: graph, writer: writer)
            } catch where silent {}
        case .clear(_, let target), .drop(_, let target):
            report.deleted += try writer.clear(Self.selection(target))
        case .create(let silent, let iri):
            if try !silent && writer.size(of: .named(.iri(iri))) > 0 {
                throw QueryError.update("graph <\(iri)> already exists")
            }
        case .add(_, let from, let to):
            guard from != to else { return }
            report.inserted += try writer.insert(writer.quads(in: Self.name(from), relabelledAs: Self.name(to)), freshBlankNodes: false)
        case .copy(_, let from, let to):
            guard from != to else { return }
            let copied = try writer.quads(in: Self.name(from), relabelledAs: Self.name(to))
            let replacement = try writer.replaceGraph(Self.name(to), with: copied)
            report.deleted += replacement.removed
            report.inserted += replacement.added
        case .move(_, let from, let to):
            guard from != to else { return }
            let moved = try writer.quads(in: Self.name(from), relabelledAs: Self.name(to))
            let replacement = try writer.replaceGraph(Self.name(to), with: moved)
            report.deleted += replacement.removed
            report.inserted += replacement.added
            report.deleted += try writer.clear(.graph(Self.name(from)))
        }
    }

    /// DELETE WHERE's template as a pattern: its triples, grouped into GRAPHs.
    private static func pattern(of quads: [ParleySPARQL.QuadPattern]) -> GraphPattern {
        var result: GraphPattern = .unit
        var defaultTriples: [TriplePattern] = []
        for quad in quads where quad.graph == nil {
            defaultTriples.append(TriplePattern(quad.subject, quad.predicate, quad.object))
        }
        if !defaultTriples.isEmpty { result = .bgp(defaultTriples) }
        for quad in quads {
            guard let graph = quad.graph else { continue }
            let inner: GraphPattern = .graph(graph, .bgp([TriplePattern(quad.subject, quad.predicate, quad.object)]))
            result = result == .unit ? inner : .join(result, inner)
        }
        return result
    }

    /// The store's name for a graph an update names.
    private static func name(_ reference: GraphReference) -> GraphName {
        switch reference {
        case .defaultGraph: .defaultGraph
        case .graph(let iri): .named(.iri(iri))
        }
    }

    /// The graphs CLEAR or DROP empties.
    private static func selection(_ target: GraphTarget) -> GraphSelection {
        switch target {
        case .defaultGraph: .graph(.defaultGraph)
        case .graph(let iri): .graph(.named(.iri(iri)))
        case .allNamed: .allNamed
        case .all: .all
        }
    }

    private func modify(with: String?, delete: [ParleySPARQL.QuadPattern], insert: [ParleySPARQL.QuadPattern],
                        using: Dataset?, pattern: GraphPattern, baseIRI: String?, options: QueryOptions,
                        writer: borrowing StoreWriter, report: inout UpdateReport) throws {
        // WITH names the graph the WHERE clause and the templates use by default; USING wins.
        let solutions = try writer.read { snapshot in
            try self.solutions(of: pattern, dataset: using, withGraph: using == nil ? with : nil,
                               options: options, baseIRI: baseIRI, snapshot: snapshot)
        }
        var deletions: [Quad] = []
        var insertions: [Quad] = []
        // Template blank nodes are fresh per solution; blank nodes bound from the store are kept.
        let tag = "t" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        for (index, solution) in solutions.enumerated() {
            for template in delete {
                if let quad = instantiate(template, solution, with: with, blankScope: nil) { deletions.append(quad) }
            }
            for template in insert {
                if let quad = instantiate(template, solution, with: with, blankScope: "\(tag)_\(index)") { insertions.append(quad) }
            }
        }
        report.deleted += try writer.delete(deletions)
        report.inserted += try writer.insert(insertions, freshBlankNodes: false)
    }

    /// The WHERE clause's solutions, decoded (the operator tree and its cursors are released
    /// before anything is written).
    private func solutions(of pattern: GraphPattern, dataset: Dataset?, withGraph: String?, options: QueryOptions,
                           baseIRI: String?, snapshot: StoreSnapshot) throws -> [[String: Term]] {
        let execution = try prepare(pattern, form: nil, dataset: dataset, options: options, baseIRI: baseIRI,
                                    snapshot: snapshot, defaultGraph: withGraph)
        defer { execution.context.exists = nil }
        var result: [[String: Term]] = []
        do {
            let root = try Evaluator(execution: execution).iterator(pattern, input: UnitIterator(execution), graph: .defaultGraph)
            while let row = try root.next() {
                var solution: [String: Term] = [:]
                for (name, slot) in execution.slots.index where row[slot] != 0 {
                    if let term = try execution.table.term(row[slot]) { solution[name] = term }
                }
                result.append(solution)
            }
        }
        return result
    }

    /// A template quad with a solution's values; `nil` when a variable is unbound or the
    /// result is not valid RDF. Blank nodes in INSERT templates are fresh per solution.
    private func instantiate(_ template: ParleySPARQL.QuadPattern, _ solution: [String: Term], with: String?,
                             blankScope: String?) -> Quad? {
        func value(_ pattern: TermPattern) -> Term? {
            switch pattern {
            case .variable(let v): return solution[v]
            case .term(.blank(let label)):
                guard let scope = blankScope else { return nil }
                return .blank("\(scope)_\(label)")
            case .term(let term): return term
            }
        }
        guard let s = value(template.subject), let p = value(template.predicate), let o = value(template.object) else { return nil }
        if case .literal = s { return nil }
        guard case .iri = p else { return nil }
        var graph: Term? = with.map(Term.iri)
        if let g = template.graph {
            guard let named = value(g), case .iri = named else { return nil }
            graph = named
        }
        return Quad(s, p, o, graph: graph)
    }

    private func load(_ source: String, into graph: String?, writer: borrowing StoreWriter) throws -> Int {
        var path = source
        if path.hasPrefix("file://") { path = String(path.dropFirst(7)) }
        path = path.removingPercentEncoding()
        guard let syntax = RDFSyntax(path: path) else {
            throw QueryError.load(source, Diagnostic("cannot tell its syntax from the name (use .nt, .nq or .ttl)"))
        }
        do {
            var reader = syntax.reader(try AnyByteSource.open(path: path), baseIRI: source)
            return try writer.insert(from: &reader, graph: graph.map(Term.iri))
        } catch let error as RDFSyntaxError {
            throw QueryError.load(source, error.inFile(path).diagnostic)
        } catch let error as InputError {
            throw QueryError.load(source, error.diagnostic)
        }
    }
}

extension String {
    /// `%XX` sequences decoded as UTF-8 bytes (for `file:` IRIs).
    func removingPercentEncoding() -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(self.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let value = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
