import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore

/// The names a store uses, for Tab completion, `.schema` and "did you mean …?": its saved
/// prefixes, its predicates and classes with their counts, and its entities' `rdfs:label`s.
///
/// Read once in a short read transaction (three queries) and kept until the store changes;
/// on a large store the counts take a full scan, so the shell reads it only when first needed.
public struct StoreVocabulary: Sendable {
    public var prefixes: [(prefix: String, iri: String)]
    /// Predicates in use, most used first.
    public var predicates: [(iri: String, count: Int)]
    /// Classes (objects of `rdf:type`), most instances first.
    public var classes: [(iri: String, count: Int)]
    /// Entities and their labels (at most ``labelLimit``).
    public var labels: [(iri: String, label: String)]
    /// Other IRIs in subject or object position (at most ``labelLimit``), for suggestions.
    public var entities: [String] = []

    /// How many labels completion keeps.
    public static let labelLimit = 50_000

    public init(prefixes: [(prefix: String, iri: String)] = [], predicates: [(iri: String, count: Int)] = [],
                classes: [(iri: String, count: Int)] = [], labels: [(iri: String, label: String)] = []) {
        self.prefixes = prefixes
        self.predicates = predicates
        self.classes = classes
        self.labels = labels
    }

    /// Reads the vocabulary of `store`; `cancellation` stops the scans (Ctrl-C).
    public static func load(from engine: QueryEngine, cancellation: CancellationToken? = nil) throws -> StoreVocabulary {
        var options = QueryOptions()
        options.cancellation = cancellation
        func pairs(_ text: String) throws -> [(Term, Term)] {
            let query = try SPARQLParser.parse(text, prefixes: ["rdfs": "http://www.w3.org/2000/01/rdf-schema#"])
            return try engine.query(query, options: options) { result in
                var rows: [(Term, Term)] = []
                guard case .solutions(let solutions) = result else { return rows }
                while let row = try solutions.next() {
                    // A one-column query gives its term twice.
                    if let a = row.first ?? nil, let b = row.count > 1 ? row[1] : a { rows.append((a, b)) }
                }
                return rows
            }
        }
        func counted(_ rows: [(Term, Term)]) -> [(iri: String, count: Int)] {
            rows.compactMap { row in
                guard case .iri(let iri) = row.0, case .literal(let n) = row.1 else { return nil }
                return (iri, Int(n.lexical) ?? 0)
            }
        }
        let predicates = counted(try pairs("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) ?p"))
        let classes = counted(try pairs("SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c"))
        let labels: [(iri: String, label: String)] = try pairs("SELECT ?s ?l WHERE { ?s rdfs:label ?l } LIMIT \(labelLimit)").compactMap { row in
            guard case .iri(let iri) = row.0, case .literal(let label) = row.1 else { return nil }
            return (iri, label.lexical)
        }
        let entities: [String] = try pairs("""
            SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?p ?x } FILTER(isIRI(?x)) } LIMIT \(labelLimit)
            """).compactMap { row in
            guard case .iri(let iri) = row.0 else { return nil }
            return iri
        }
        var vocabulary = StoreVocabulary(prefixes: try engine.store.prefixes(), predicates: predicates, classes: classes, labels: labels)
        vocabulary.entities = entities
        return vocabulary
    }

    /// Every IRI the vocabulary knows: predicates, classes and labelled entities.
    public var iris: [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for iri in predicates.map(\.iri) + classes.map(\.iri) + labels.map(\.iri) + entities where seen.insert(iri).inserted {
            result.append(iri)
        }
        return result
    }

    /// "Did you mean …?" for a name the store does not hold, written as the user wrote it
    /// (`pv:advocate`, `<https://…>`): the closest known IRI, written the same way, judged by
    /// its prefixed name, its local name, and the labels of entities.
    public func suggestion(for written: String) -> String? {
        let formatter = TermFormatter(prefixes: prefixes)
        if written.hasPrefix("<") {
            let iri = String(written.dropFirst().dropLast())
            return Suggestions.closest(to: iri, in: iris).map { "<\($0)>" }
        }
        let names = iris.compactMap { formatter.prefixedName($0) }
        if let name = Suggestions.closest(to: written, in: names) { return name }
        // `pe:WangYi` or `pe:Wang Yi`: compare the local part with labels too.
        guard let colon = written.firstIndex(of: ":") else { return nil }
        let local = String(written[written.index(after: colon)...]).replacingUnderscores()
        let byLabel = Dictionary(labels.map { ($0.label, $0.iri) }, uniquingKeysWith: { first, _ in first })
        if let label = Suggestions.closest(to: local, in: byLabel.keys.sorted()), let iri = byLabel[label] {
            return formatter.sparql(iri)
        }
        return nil
    }

    /// "Did you mean …?" for a term or a label: by name for `<IRI>`s and prefixed names, by
    /// label (quoted) for words.
    public func suggestion(forTermOrLabel text: String) -> String? {
        if text.hasPrefix("<") || text.contains(":") { return suggestion(for: text) }
        let byLabel = Dictionary(labels.map { ($0.label, $0.iri) }, uniquingKeysWith: { first, _ in first })
        guard let label = Suggestions.closest(to: text, in: byLabel.keys.sorted()) else { return nil }
        return "\"\(label)\""
    }

    /// The entity whose `rdfs:label` is `label` (ignoring case), if any.
    public func entity(labelled label: String) -> String? {
        let wanted = label.lowercased()
        return labels.first { $0.label.lowercased() == wanted }?.iri
    }

    /// The closest saved prefix name to `prefix` (without the colon).
    public func suggestion(forPrefix prefix: String) -> String? {
        Suggestions.closest(to: prefix, in: prefixes.map(\.prefix))
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
