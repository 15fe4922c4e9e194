import ParleyExtraction
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore

/// The layouts of a facts listing.
public enum FactsFormat: String, CaseIterable, Sendable {
    case table, tsv, json
}

extension StoreSession {
    /// The columns of a facts listing.
    public static let factColumns = ["subject", "predicate", "object", "evidence"]

    /// The extracted facts — subject label, predicate local name, object label, evidence — in
    /// readout and sentence order; only `readout`'s when given (its slug), which must exist.
    public func facts(readout: String? = nil) throws -> [[String]] {
        let graph = readout.map { "<\(ParleyIRI.readout($0))>" } ?? "?g"
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
        var rows: [[String]] = []
        try engine.query(query, options: options) { result in
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
        if let readout, rows.isEmpty, try store.id(of: .iri(ParleyIRI.readout(readout))) == nil {
            throw OperationError.noSuchReadout(readout)
        }
        return rows
    }

    /// Writes a facts listing: the aligned table (cells as plain text), TSV or JSON.
    public static func writeFacts(_ rows: [[String]], as format: FactsFormat, to out: OutputSink) throws {
        switch format {
        case .tsv, .json:
            var records = TextRecordsSerializer(format: format == .tsv ? .tsv : .json, columns: factColumns)
            out.append { records.begin(to: &$0) }
            for row in rows { out.append { records.append(row, to: &$0) } }
            out.append { records.finish(to: &$0) }
        case .table:
            var style = TableStyle()
            style.plainStrings = true
            var table = SolutionsSerializer(format: .table, variables: factColumns, table: style)
            out.append { table.begin(to: &$0) }
            for row in rows { out.append { table.append(row.map { Term.string($0) }, to: &$0) } }
            out.append { table.finish(to: &$0) }
        }
        out.flush()
        try out.checkWritten("the facts")
    }
}
