import ArgumentParser
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore

/// The output formats of `parley facts`.
enum FactsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, tsv, json
}

/// `parley facts`: the extracted facts as subject label, predicate local name, object label and
/// evidence, in readout and sentence order.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "List the facts extracted from readouts, with their evidence.",
        discussion: """
            Columns: subject, predicate, object, evidence (the exact text that states the fact). \
            Subjects and objects are shown by their rdfs:label, predicates by their local name. \
            TSV has the header row subject<TAB>predicate<TAB>object<TAB>evidence.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only the facts of this readout (its file name without extension).", valueName: "slug"))
    var readout: String?

    @Option(help: "table, tsv or json (default: table on a terminal, tsv otherwise).")
    var format: FactsFormat?

    static let columns = ["subject", "predicate", "object", "evidence"]

    func run() throws {
        let store = try self.store.open(readOnly: false)
        let graph = readout.map { "<https://parley.dev/id/readout/\($0)>" } ?? "?g"
        let text = """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX pv: <https://parley.dev/ns#>
            SELECT ?subject ?predicate ?object ?evidence WHERE {
              GRAPH \(graph) {
                ?st a pv:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                    pv:evidence ?evidence ; pv:sentenceNumber ?n .
                OPTIONAL { ?s rdfs:label ?sl }
                OPTIONAL { ?o rdfs:label ?ol }
              }
              BIND(COALESCE(?sl, STR(?s)) AS ?subject)
              BIND(REPLACE(STR(?p), "^.*[#/]", "") AS ?predicate)
              BIND(COALESCE(?ol, STR(?o)) AS ?object)
            } ORDER BY \(readout == nil ? "?g " : "")?n ?st
            """
        let query = try SPARQLParser.parseQueryOrPatterns(text, prefixes: [:], baseIRI: nil)
        var options = QueryOptions()
        options.unionDefaultGraph = true
        let out = Terminal(fd: 1)
        let chosen = format ?? (out.isTerminal ? .table : .tsv)
        var rows: [[String]] = []
        try QueryEngine(store: store).query(query, options: options) { result in
            guard case .solutions(let solutions) = result else { return }
            while let row = try solutions.next() {
                rows.append(row.map { term -> String in
                    switch term {
                    case .literal(let literal)?: literal.lexical
                    case .iri(let iri)?: iri
                    case .blank(let label)?: "_:" + label
                    case nil: ""
                    }
                })
            }
        }
        if let readout, rows.isEmpty, try !Self.hasGraph(store, "https://parley.dev/id/readout/\(readout)") {
            throw CLIError("error: no readout '\(readout)' in the store (parley ingest adds one)")
        }
        switch chosen {
        case .tsv:
            out.write(Self.columns.joined(separator: "\t") + "\n")
            for row in rows { out.write(row.map(Self.tsvField).joined(separator: "\t") + "\n") }
        case .json:
            out.write("[")
            for (i, row) in rows.enumerated() {
                out.write(i == 0 ? "\n  {" : ",\n  {")
                for (j, (column, value)) in zip(Self.columns, row).enumerated() {
                    out.append { bytes in
                        if j > 0 { bytes += Array(", ".utf8) }
                        ResultEscapes.appendJSONString(column, to: &bytes)
                        bytes += Array(": ".utf8)
                        ResultEscapes.appendJSONString(value, to: &bytes)
                    }
                }
                out.write("}")
            }
            out.write(rows.isEmpty ? "]\n" : "\n]\n")
        case .table:
            // The query result table, with the cells as plain text.
            var style = TableStyle()
            style.plainStrings = true
            var table = SolutionsSerializer(format: .table, variables: Self.columns, table: style)
            out.append { table.begin(to: &$0) }
            for row in rows { out.append { table.append(row.map { Term.string($0) }, to: &$0) } }
            out.append { table.finish(to: &$0) }
        }
        out.flush()
        if out.failed { throw CLIError("error: writing the facts failed (disk full or closed pipe)") }
    }

    static func hasGraph(_ store: Store, _ iri: String) throws -> Bool {
        try store.id(of: .iri(iri)) != nil
    }

    /// Tabs and line breaks inside a field become spaces, so every fact is one line.
    static func tsvField(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
