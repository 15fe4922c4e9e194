import ParleyOperations
import ParleyQuery
import ParleyRDF
import ParleyStore

extension Shell {
    /// Options for the shell's own lookups: Ctrl-C stops them.
    var lookupOptions: QueryOptions {
        var options = QueryOptions()
        options.cancellation = cancellation
        return options
    }

    /// The IRI a `.describe` or `.graph` argument names: `<IRI>`, a prefixed name, or a label.
    func resolveEntity(_ text: String) throws -> String {
        try session.resolveEntity(text, vocabulary: vocabulary)
    }

    /// `.describe TERM`: the entity's triples grouped by predicate, then where it is the object.
    func describe(_ text: String) throws {
        let description = try session.describe(try resolveEntity(text), evidence: false, options: lookupOptions)
        let formatter = TermFormatter(prefixes: try store.prefixes())
        typealias Lines = [(predicate: String, values: [String])]
        func named(_ groups: [EntityDescription.Group]) -> Lines {
            groups.map { (formatter.format($0.predicate), $0.values.map { formatter.format($0.term) }) }
        }
        let outgoing = named(description.outgoing), incoming = named(description.incoming)
        let perPredicate = settings.limit ?? Int.max
        let width = (outgoing + incoming).map { $0.predicate.count }.max() ?? 0
        func lines(_ groups: Lines, arrow: String) -> String {
            var text = ""
            for group in groups {
                for (i, value) in group.values.prefix(perPredicate).enumerated() {
                    let head = i == 0 ? group.predicate : ""
                    text += "  " + head + String(repeating: " ", count: width - head.count + 2) + arrow + value + "\n"
                }
                if group.values.count > perPredicate {
                    text += "  " + String(repeating: " ", count: width + 2) + "… \(group.values.count - perPredicate) more\n"
                }
            }
            return text
        }
        var text = palette.bold + formatter.format(.iri(description.iri)) + palette.reset + "\n"
        if description.isEmpty { text += "  (no triples)\n" }
        text += lines(outgoing, arrow: "")
        if !incoming.isEmpty {
            text += palette.dim + "used as object by" + palette.reset + "\n" + lines(incoming, arrow: "← ")
        }
        output.write(text)
    }

    /// `.why PATTERN`: for each stored fact matching the triple pattern, the readout and the
    /// sentence it came from (the `pv:Statement` records of schema/README.md), written in the
    /// current mode.
    func why(_ terms: [String]) throws {
        let (query, pattern) = try session.evidenceQuery(terms, vocabulary: vocabulary)
        let summary = try runQuery(query)
        if summary.total == 0 {
            note("no evidence recorded for \(pattern.joined(separator: " ")) (facts get evidence when readouts are ingested: .ingest FILE)")
        }
    }

    /// `.graph TERM FILE.svg`: who said what about the entity, drawn by Graphviz into FILE.
    func graph(_ term: String, to path: String) throws {
        let graph = try session.neighbourhood(of: try resolveEntity(term), options: lookupOptions)
        let svg = try graph.svg()
        let file = try OutputSink.file(path)
        file.write(svg)
        file.flush()
        if file.failed { throw OperationError.writeFailed("'\(path)'") }
        note("drew \(graph.nodes.count) node\(graph.nodes.count == 1 ? "" : "s") and \(graph.edges.count) stance\(graph.edges.count == 1 ? "" : "s") into \(path)")
    }
}
