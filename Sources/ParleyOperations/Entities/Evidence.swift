import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore

/// The readout sentence behind one stored fact: a `pv:Statement` record (schema/README.md)
/// whose `rdf:subject`, `rdf:predicate` and `rdf:object` are the fact.
public struct Evidence: Hashable, Sendable {
    public var subject: Term
    public var predicate: Term
    public var object: Term
    /// The readout the statement was derived from (`prov:wasDerivedFrom`), if recorded.
    public var readout: String?
    /// The 1-based sentence number in that readout (`pv:sentenceNumber`), if recorded.
    public var sentence: Int?
    /// The supporting text, verbatim (`pv:evidence`), if recorded.
    public var text: String?

    public init(subject: Term, predicate: Term, object: Term, readout: String? = nil, sentence: Int? = nil, text: String? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.readout = readout
        self.sentence = sentence
        self.text = text
    }
}

/// The one query that finds evidence: a triple pattern of SPARQL terms (variables, prefixed
/// names, `<IRI>`s, literals), answered with the pattern's variables and `?readout ?sentence
/// ?evidence`, ordered by readout and sentence. `.why` prints its rows; ``StoreSession/evidence(subject:predicate:object:options:)``
/// reads them as ``Evidence``.
public enum EvidenceQuery {
    /// `terms` (one to three) made a full pattern: missing places become `?subject`,
    /// `?predicate`, `?object`, and a predicate `a` becomes `rdf:type`.
    public static func pattern(_ terms: [String]) -> [String] {
        var pattern = Array(terms.prefix(3))
        let names = ["subject", "predicate", "object"]
        while pattern.count < 3 { pattern.append("?" + names[pattern.count]) }
        if pattern[1] == "a" { pattern[1] = "rdf:type" }
        return pattern
    }

    /// The SPARQL text for a full pattern (see ``pattern(_:)``).
    public static func text(_ pattern: [String]) -> String {
        let variables = pattern.filter { $0.hasPrefix("?") || $0.hasPrefix("$") }
        return """
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
    }
}

extension StoreSession {
    /// The evidence query for `terms` as a user typed them (`pe:Wang_Yi pv:urges ?whom`), with
    /// the full pattern it asks about. Each constant is checked first, so a misspelt name
    /// throws ``OperationError/unknownTerm(_:suggestion:)`` with a suggestion from `vocabulary`
    /// instead of finding nothing.
    public func evidenceQuery(_ terms: [String], vocabulary: () throws -> StoreVocabulary) throws -> (query: Query, pattern: [String]) {
        let pattern = EvidenceQuery.pattern(terms)
        let prefixes = try prefixMap()
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
                throw OperationError.unknownTerm(term, suggestion: try vocabulary().suggestion(for: term))
            }
        }
        return (try SPARQLParser.parse(EvidenceQuery.text(pattern), prefixes: prefixes), pattern)
    }

    /// The evidence for every stored fact matching the pattern (`nil` matches anything), by
    /// readout and sentence.
    public func evidence(subject: Term? = nil, predicate: Term? = nil, object: Term? = nil,
                         options: QueryOptions = QueryOptions()) throws -> [Evidence] {
        let given = [subject, predicate, object]
        let terms = zip(given, ["?subject", "?predicate", "?object"]).map { term, variable in
            term.map(NTriplesSerializer.string) ?? variable
        }
        let query = try SPARQLParser.parse(EvidenceQuery.text(terms), prefixes: [:])
        return try engine.query(query, options: options) { result in
            guard case .solutions(let rows) = result else { return [] }
            let column = Dictionary(rows.variables.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            func value(_ row: [Term?], _ name: String) -> Term? {
                column[name].flatMap { $0 < row.count ? row[$0] : nil }
            }
            var found: [Evidence] = []
            while let row = try rows.next() {
                guard let s = subject ?? value(row, "subject"), let p = predicate ?? value(row, "predicate"),
                      let o = object ?? value(row, "object") else { continue }
                var evidence = Evidence(subject: s, predicate: p, object: o)
                if case .iri(let readout)? = value(row, "readout") { evidence.readout = readout }
                if case .literal(let n)? = value(row, "sentence") { evidence.sentence = Int(n.lexical) }
                if case .literal(let text)? = value(row, "evidence") { evidence.text = text.lexical }
                found.append(evidence)
            }
            return found
        }
    }
}
