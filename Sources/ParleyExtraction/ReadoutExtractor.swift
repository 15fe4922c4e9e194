import ParleyRDF

/// Turns one readout's text into facts and RDF: parses its parts, finds the persons it names
/// (also ones the lexicon lacks), the event, and the stances of every sentence in order, then
/// writes the quads of the readout's named graph. Pure: no files, no store.
public enum ReadoutExtractor {
    public static func extract(text: String, slug: String, lexicon: Lexicon) -> Extraction {
        let readout = ReadoutParser(lexicon: lexicon).parse(text)
        let finder = MentionFinder(lexicon: lexicon)
        var table = EntityTable(lexicon: lexicon)
        let readable = readout.sentences.filter { $0.kind == .title || $0.kind == .body }

        PersonFinder(lexicon: lexicon, finder: finder).addPersons(in: readable, to: &table)
        var readers = readable.map { SentenceReader(sentence: $0, finder: finder, table: table) }

        let (event, moreEvents, eventFacts, initialDiscourse) = EventExtractor(lexicon: lexicon)
            .extract(readout: readout, readers: readers, slug: slug, table: table, fullText: text)
        let events = [event] + moreEvents
        var discourse = initialDiscourse
        var facts = eventFacts
        let extractor = FactExtractor(lexicon: lexicon)
        for index in readers.indices {
            extractor.readSpeaker(&readers[index], discourse: &discourse)
            facts += extractor.facts(&readers[index], discourse: &discourse, event: event.entity)
            for mention in readers[index].mentions {
                if let person = mention.entity, person.kind == .person { discourse.noteMention(person) }
            }
        }
        var seen = Set<String>()
        facts = facts.filter { seen.insert("\($0.subject.iri)|\($0.predicate)|\($0.object)|\($0.sentence)").inserted }
        let quads = ExtractionGraph(slug: slug, readout: readout, events: events, facts: facts).quads()
        return Extraction(slug: slug, readout: readout, event: event, events: events, facts: facts, quads: quads)
    }
}
