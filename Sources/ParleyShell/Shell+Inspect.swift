import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore

extension Shell {
    /// The IRI a `.describe` argument names: `<IRI>`, a prefixed name, or an entity's label.
    func resolveEntity(_ text: String) throws -> String {
        let prefixes = try store.prefixes()
        let formatter = TermFormatter(prefixes: prefixes)
        var iri: String?
        if text.hasPrefix("<") && text.hasSuffix(">") {
            iri = String(text.dropFirst().dropLast())
        } else if !text.contains(" "), let colon = text.firstIndex(of: ":") {
            let prefix = String(text[..<colon])
            guard let expanded = formatter.expand(text) else {
                let suggestion = try vocabulary().suggestion(forPrefix: prefix).map { "\($0):" + text[text.index(after: colon)...] }
                throw ShellError.unknownTerm("prefix '\(prefix):'", suggestion: suggestion)
            }
            iri = expanded
        } else if let found = try entity(labelled: text) {
            return found
        }
        if let iri, try store.id(of: .iri(iri)) != nil { return iri }
        throw ShellError.unknownTerm(text.contains(" ") ? "\"\(text)\"" : text, suggestion: try suggestion(for: text))
    }

    /// "Did you mean": by prefixed name, or by label for words.
    func suggestion(for text: String) throws -> String? {
        let vocabulary = try self.vocabulary()
        if text.hasPrefix("<") || text.contains(":") { return vocabulary.suggestion(for: text) }
        let labels = Dictionary(vocabulary.labels.map { ($0.label, $0.iri) }, uniquingKeysWith: { first, _ in first })
        guard let label = Suggestions.closest(to: text, in: labels.keys.sorted()) else { return nil }
        return "\"\(label)\""
    }

    /// The entity whose `rdfs:label` is `label` (ignoring case), if any.
    func entity(labelled label: String) throws -> String? {
        let vocabulary = try self.vocabulary()
        let wanted = label.lowercased()
        return vocabulary.labels.first { $0.label.lowercased() == wanted }?.iri
    }

    /// `.describe TERM`: the entity's triples grouped by predicate, then where it is the object.
    func describe(_ text: String) throws {
        let iri = try resolveEntity(text)
        let prefixes = try store.prefixes()
        let formatter = TermFormatter(prefixes: prefixes)
        let subject = formatter.sparql(iri)
        var outgoing: [(predicate: String, values: [String])] = []
        var incoming: [(predicate: String, values: [String])] = []
        func collect(_ queryText: String, into groups: inout [(predicate: String, values: [String])]) throws {
            let query = try SPARQLParser.parse(queryText, prefixes: try prefixMap())
            var options = QueryOptions()
            options.cancellation = cancellation
            try engine.query(query, options: options) { result in
                guard case .solutions(let rows) = result else { return }
                while let row = try rows.next() {
                    guard let predicate = row[0], let value = row[1] else { continue }
                    let name = formatter.format(predicate)
                    if groups.last?.predicate == name {
                        groups[groups.count - 1].values.append(formatter.format(value))
                    } else {
                        groups.append((name, [formatter.format(value)]))
                    }
                }
            }
        }
        try collect("SELECT ?p ?o WHERE { \(subject) ?p ?o } ORDER BY ?p ?o", into: &outgoing)
        try collect("SELECT ?p ?s WHERE { ?s ?p \(subject) } ORDER BY ?p ?s", into: &incoming)
        let perPredicate = settings.limit ?? Int.max
        let width = (outgoing + incoming).map { $0.predicate.count }.max() ?? 0
        func lines(_ groups: [(predicate: String, values: [String])], arrow: String) -> String {
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
        var text = palette.bold + formatter.format(.iri(iri)) + palette.reset + "\n"
        if outgoing.isEmpty && incoming.isEmpty { text += "  (no triples)\n" }
        text += lines(outgoing, arrow: "")
        if !incoming.isEmpty {
            text += palette.dim + "used as object by" + palette.reset + "\n" + lines(incoming, arrow: "← ")
        }
        output.write(text)
    }

    /// `.why PATTERN`: for each stored fact matching the triple pattern, the readout and the
    /// sentence it came from (the `pv:Statement` records of schema/README.md).
    func why(_ terms: [String]) throws {
        var pattern = terms
        let names = ["subject", "predicate", "object"]
        while pattern.count < 3 { pattern.append("?" + names[pattern.count]) }
        if pattern[1] == "a" { pattern[1] = "rdf:type" }
        let prefixes = try prefixMap()
        // Check each constant now, so a misspelt name gets a suggestion instead of no rows.
        for term in pattern where !term.hasPrefix("?") && !term.hasPrefix("$") && !term.hasPrefix("\"") {
            let iri: String
            if term.hasPrefix("<") {
                iri = String(term.dropFirst().dropLast())
            } else if let colon = term.firstIndex(of: ":"), let namespace = prefixes[String(term[..<colon])] {
                iri = namespace + term[term.index(after: colon)...]
            } else {
                continue  // the parser will say what is wrong
            }
            if try store.id(of: .iri(iri)) == nil {
                throw ShellError.unknownTerm(term, suggestion: try vocabulary().suggestion(for: term))
            }
        }
        let variables = pattern.filter { $0.hasPrefix("?") || $0.hasPrefix("$") }
        let text = """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX pv: <https://parley.dev/ns#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT \(variables.joined(separator: " ")) ?readout ?sentence ?evidence WHERE {
              ?statement_ rdf:subject \(pattern[0]) ; rdf:predicate \(pattern[1]) ; rdf:object \(pattern[2]) .
              OPTIONAL { ?statement_ pv:evidence ?evidence }
              OPTIONAL { ?statement_ pv:sentenceNumber ?sentence }
              OPTIONAL { ?statement_ prov:wasDerivedFrom ?readout }
            } ORDER BY ?readout ?sentence
            """
        let query = try SPARQLParser.parse(text, prefixes: prefixes)
        let summary = try runQuery(query)
        if summary.total == 0 {
            note("no evidence recorded for \(pattern.joined(separator: " ")) (facts get evidence when readouts are ingested: .ingest FILE)")
        }
    }
}
