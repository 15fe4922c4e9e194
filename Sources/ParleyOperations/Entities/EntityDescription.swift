import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore

/// Everything the store says about one entity: its triples grouped by predicate, where it is
/// the subject and where it is the object, each value with the readout sentences behind it,
/// and the labels of the terms involved. What `.describe` prints and the entity page shows.
public struct EntityDescription: Sendable {
    /// One value of a predicate, with the evidence for that one fact (empty when none is
    /// recorded, or when evidence was not asked for).
    public struct Value: Hashable, Sendable {
        public var term: Term
        public var evidence: [Evidence]

        public init(term: Term, evidence: [Evidence] = []) {
            self.term = term
            self.evidence = evidence
        }
    }

    /// A predicate and its values, in term order.
    public struct Group: Hashable, Sendable {
        public var predicate: Term
        public var values: [Value]

        public init(predicate: Term, values: [Value]) {
            self.predicate = predicate
            self.values = values
        }
    }

    /// The entity's IRI.
    public var iri: String
    /// `<entity> ?p ?o`, grouped by `?p` in term order.
    public var outgoing: [Group]
    /// `?s ?p <entity>`, grouped by `?p`: the values are the subjects.
    public var incoming: [Group]
    /// `rdfs:label` of the entity, its predicates and values, where they have one.
    public var labels: [String: String]

    public init(iri: String, outgoing: [Group] = [], incoming: [Group] = [], labels: [String: String] = [:]) {
        self.iri = iri
        self.outgoing = outgoing
        self.incoming = incoming
        self.labels = labels
    }

    /// The entity's label, else `nil`.
    public var label: String? { labels[iri] }

    /// Whether the store holds no triple with the entity in it.
    public var isEmpty: Bool { outgoing.isEmpty && incoming.isEmpty }

    /// How many labels ``StoreSession/describe(_:evidence:options:)`` looks up at most.
    public static let labelLimit = 2_000
}

extension StoreSession {
    /// Describes the entity `iri` (see ``resolveEntity(_:vocabulary:)`` for names and labels).
    /// With `evidence`, each value carries the `pv:Statement` records behind it; without, it
    /// costs two range scans and a label lookup.
    public func describe(_ iri: String, evidence: Bool = true, options: QueryOptions = QueryOptions()) throws -> EntityDescription {
        let entity = NTriplesSerializer.string(.iri(iri))
        func groups(_ text: String) throws -> [EntityDescription.Group] {
            let query = try SPARQLParser.parse(text, prefixes: [:])
            return try engine.query(query, options: options) { result in
                var groups: [EntityDescription.Group] = []
                guard case .solutions(let rows) = result else { return groups }
                while let row = try rows.next() {
                    guard row.count > 1, let predicate = row[0], let value = row[1] else { continue }
                    if groups.last?.predicate == predicate {
                        groups[groups.count - 1].values.append(.init(term: value))
                    } else {
                        groups.append(.init(predicate: predicate, values: [.init(term: value)]))
                    }
                }
                return groups
            }
        }
        var description = EntityDescription(iri: iri)
        description.outgoing = try groups("SELECT ?p ?o WHERE { \(entity) ?p ?o } ORDER BY ?p ?o")
        description.incoming = try groups("SELECT ?p ?s WHERE { ?s ?p \(entity) } ORDER BY ?p ?s")
        if evidence {
            let subject = Term.iri(iri)
            var byFact: [Triple: [Evidence]] = [:]
            for found in try self.evidence(subject: subject, options: options) + self.evidence(object: subject, options: options) {
                let fact = Triple(found.subject, found.predicate, found.object)
                if byFact[fact]?.contains(found) != true { byFact[fact, default: []].append(found) }
            }
            func attach(_ groups: inout [EntityDescription.Group], outgoing: Bool) {
                for g in groups.indices {
                    for v in groups[g].values.indices {
                        let value = groups[g].values[v].term, predicate = groups[g].predicate
                        let fact = outgoing ? Triple(subject, predicate, value) : Triple(value, predicate, subject)
                        groups[g].values[v].evidence = byFact[fact] ?? []
                    }
                }
            }
            attach(&description.outgoing, outgoing: true)
            attach(&description.incoming, outgoing: false)
        }
        description.labels = try labels(of: [iri] + (description.outgoing + description.incoming).flatMap { group in
            [group.predicate] + group.values.map(\.term)
        }.compactMap { if case .iri(let iri) = $0 { iri } else { nil } }, options: options)
        return description
    }

    /// The `rdfs:label` of each IRI that has one (the first in term order; at most
    /// ``EntityDescription/labelLimit`` IRIs are looked up).
    public func labels(of iris: [String], options: QueryOptions = QueryOptions()) throws -> [String: String] {
        var seen: Set<String> = []
        let unique = iris.filter { seen.insert($0).inserted }.prefix(EntityDescription.labelLimit)
        guard !unique.isEmpty else { return [:] }
        let values = unique.map { NTriplesSerializer.string(.iri($0)) }.joined(separator: " ")
        let query = try SPARQLParser.parse("""
            SELECT ?x ?l WHERE { VALUES ?x { \(values) } ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?x ?l
            """, prefixes: [:])
        return try engine.query(query, options: options) { result in
            var labels: [String: String] = [:]
            guard case .solutions(let rows) = result else { return labels }
            while let row = try rows.next() {
                guard row.count > 1, case .iri(let iri)? = row[0], case .literal(let label)? = row[1] else { continue }
                if labels[iri] == nil { labels[iri] = label.lexical }
            }
            return labels
        }
    }
}

/// A fact as a dictionary key.
private struct Triple: Hashable {
    var subject: Term, predicate: Term, object: Term
    init(_ subject: Term, _ predicate: Term, _ object: Term) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }
}
