import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore

/// Who said what about an entity: the entity, the actors holding a stance toward it, and what
/// it holds stances toward, joined by edges named for the stance (`advocates`, `urges`, …).
/// Stances are the predicates declared `rdfs:subPropertyOf pv:expresses` (schema/parley.ttl).
///
/// It is data; ``dot(link:)`` writes it as Graphviz DOT and ``GraphvizLayout`` turns that into SVG.
public struct NeighbourhoodGraph: Hashable, Sendable {
    /// One drawn term.
    public struct Node: Hashable, Sendable {
        public var term: Term
        /// The text drawn: its label, else its prefixed name or lexical form.
        public var label: String
        /// Whether this is the entity the picture is about.
        public var isCentre: Bool

        public init(term: Term, label: String, isCentre: Bool = false) {
            self.term = term
            self.label = label
            self.isCentre = isCentre
        }
    }

    /// One stance: `nodes[from]` says `name` about `nodes[to]`.
    public struct Edge: Hashable, Sendable {
        public var from: Int
        public var to: Int
        public var predicate: String
        /// The predicate's local name, drawn on the edge.
        public var name: String

        public init(from: Int, to: Int, predicate: String, name: String) {
            self.from = from
            self.to = to
            self.predicate = predicate
            self.name = name
        }
    }

    /// The entity first, then the others in the order their first stance was found.
    public var nodes: [Node]
    public var edges: [Edge]
    /// Stances left out to keep the picture readable (beyond ``edgeLimit``).
    public var omitted: Int

    /// The most edges drawn.
    public static let edgeLimit = 80

    public init(nodes: [Node], edges: [Edge], omitted: Int = 0) {
        self.nodes = nodes
        self.edges = edges
        self.omitted = omitted
    }

    /// The neighbourhood in `description`, with `stances` the stance predicates' IRIs and
    /// `formatter` naming terms without a label.
    public init(description: EntityDescription, stances: Set<String>, formatter: TermFormatter) {
        let centre = Term.iri(description.iri)
        func label(_ term: Term) -> String {
            switch term {
            case .iri(let iri): description.labels[iri] ?? formatter.sparql(iri)
            case .literal(let literal): literal.lexical
            case .blank: formatter.format(term)
            }
        }
        var nodes = [Node(term: centre, label: label(centre), isCentre: true)]
        var index: [Term: Int] = [centre: 0]
        var edges: [Edge] = []
        var omitted = 0
        func add(_ from: Term, _ predicate: Term, _ to: Term) {
            guard case .iri(let iri) = predicate, stances.contains(iri) else { return }
            guard edges.count < Self.edgeLimit else { omitted += 1; return }
            func node(_ term: Term) -> Int {
                if let i = index[term] { return i }
                nodes.append(Node(term: term, label: label(term)))
                index[term] = nodes.count - 1
                return nodes.count - 1
            }
            let edge = Edge(from: node(from), to: node(to), predicate: iri, name: Self.localName(iri))
            if !edges.contains(edge) { edges.append(edge) }
        }
        for group in description.outgoing { for value in group.values { add(centre, group.predicate, value.term) } }
        for group in description.incoming { for value in group.values { add(value.term, group.predicate, centre) } }
        self.init(nodes: nodes, edges: edges, omitted: omitted)
    }

    /// The part of an IRI after its last `#` or `/`.
    public static func localName(_ iri: String) -> String {
        guard let cut = iri.lastIndex(where: { $0 == "#" || $0 == "/" }), iri.index(after: cut) < iri.endIndex else { return iri }
        return String(iri[iri.index(after: cut)...])
    }
}

extension StoreSession {
    /// The predicates declared `rdfs:subPropertyOf pv:expresses`: the stances.
    public func stancePredicates(options: QueryOptions = QueryOptions()) throws -> Set<String> {
        let query = try SPARQLParser.parse("""
            SELECT DISTINCT ?p WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#subPropertyOf> <https://parley.dev/ns#expresses> }
            """, prefixes: [:])
        return try engine.query(query, options: options) { result in
            var found: Set<String> = []
            guard case .solutions(let rows) = result else { return found }
            while let row = try rows.next() { if case .iri(let iri)? = row.first ?? nil { found.insert(iri) } }
            return found
        }
    }

    /// Who said what about the entity `iri`.
    public func neighbourhood(of iri: String, options: QueryOptions = QueryOptions()) throws -> NeighbourhoodGraph {
        let description = try describe(iri, evidence: false, options: options)
        return NeighbourhoodGraph(description: description, stances: try stancePredicates(options: options),
                                  formatter: TermFormatter(prefixes: try store.prefixes()))
    }
}
