import ParleyRDF

/// Writes an extraction as quads in the readout's named graph, as `schema/README.md` documents:
/// the readout, its events, every entity's label and class, and each fact twice — as a triple
/// and as a `pv:Statement` with `rdf:subject/predicate/object`, `pv:evidence`,
/// `pv:sentenceNumber` and `prov:wasDerivedFrom`. An event's type and date are facts like any
/// other (so `parley facts` lists them with their evidence); only where no words state them
/// are they written as bare triples.
struct ExtractionGraph {
    let slug: String
    let readout: ParsedReadout
    let events: [ExtractedEvent]
    let facts: [Fact]

    private static let type = Term.iri(ParleyIRI.rdf + "type")
    private static let label = Term.iri(ParleyIRI.rdfs + "label")

    private static func pv(_ name: String) -> Term { .iri(ParleyIRI.vocabulary + name) }
    private static func date(_ date: SimpleDate) -> Term { .literal(Literal(date.description, datatype: ParleyIRI.xsd + "date")) }

    func quads() -> [Quad] {
        let graph = Term.iri(ParleyIRI.readout(slug))
        var quads: [Quad] = []
        func add(_ s: Term, _ p: Term, _ o: Term) { quads.append(Quad(s, p, o, graph: graph)) }

        let readoutTerm = graph
        add(readoutTerm, Self.type, Self.pv("Readout"))
        add(readoutTerm, Self.label, .string("Readout: \(readout.title)"))
        add(readoutTerm, Self.pv("title"), .string(readout.title))
        if let published = readout.publishedOn { add(readoutTerm, Self.pv("publishedOn"), Self.date(published)) }
        let stated = Set(facts.map { "\($0.subject.iri) \($0.predicate)" })
        for event in events {
            let eventTerm = Term.iri(event.entity.iri)
            add(readoutTerm, Self.pv("reportsOn"), eventTerm)
            add(eventTerm, Self.type, Self.pv(event.type.className))
            add(eventTerm, Self.label, .string(event.entity.label))
            if !stated.contains("\(event.entity.iri) eventType") { add(eventTerm, Self.pv("eventType"), .string(event.type.rawValue)) }
            if let date = event.date, !stated.contains("\(event.entity.iri) eventDate") {
                add(eventTerm, Self.pv("eventDate"), Self.date(date))
            }
        }

        var described = Set(events.map(\.entity.iri))
        func describe(_ entity: EntityRef) {
            guard described.insert(entity.iri).inserted else { return }
            let term = Term.iri(entity.iri)
            let className: Term = switch entity.kind {
            case .person: Self.pv("Person")
            case .country: Self.pv("Country")
            case .organisation: Self.pv("Organisation")
            case .topic: Self.pv("Topic")
            case .place: .iri(ParleyIRI.schema + "Place")
            case .event: Self.pv("Event")
            }
            add(term, Self.type, className)
            add(term, Self.label, .string(entity.label))
        }

        var perSentence: [Int: Int] = [:]
        for fact in facts {
            describe(fact.subject)
            let subject = Term.iri(fact.subject.iri)
            let predicate = Self.pv(fact.predicate)
            let object: Term
            switch fact.object {
            case .entity(let entity):
                describe(entity)
                object = .iri(entity.iri)
            case .literal(let text):
                object = .string(text)
            case .date(let date):
                object = Self.date(date)
            }
            add(subject, predicate, object)
            let k = (perSentence[fact.sentence] ?? 0) + 1
            perSentence[fact.sentence] = k
            let statement = Term.iri(ParleyIRI.statement(slug, sentence: fact.sentence, index: k))
            add(statement, Self.type, Self.pv("Statement"))
            add(statement, .iri(ParleyIRI.rdf + "subject"), subject)
            add(statement, .iri(ParleyIRI.rdf + "predicate"), predicate)
            add(statement, .iri(ParleyIRI.rdf + "object"), object)
            add(statement, Self.pv("evidence"), .string(fact.evidence))
            add(statement, Self.pv("sentenceNumber"), .literal(Literal(String(fact.sentence), datatype: ParleyIRI.xsd + "integer")))
            add(statement, .iri(ParleyIRI.prov + "wasDerivedFrom"), readoutTerm)
        }
        return quads
    }
}
