import ParleyExtraction
import Testing

/// The event and its participants: event facts with their evidence, dates by PREDICATES.md's
/// rules, persons the lexicon lacks found from the grammar, offices, and separate talks.
@Suite struct EventExtractionTests {
    static func extract(_ body: String, title: String = "Readout", date: String = "2024-03-01") throws -> Extraction {
        ReadoutExtractor.extract(text: title + "\n" + date + "\n\n" + body, slug: "test", lexicon: try Fixtures.lexicon())
    }

    static func facts(_ x: Extraction, _ predicate: String) -> [Fact] { x.facts.filter { $0.predicate == predicate } }

    @Test("the event's type, date, place and larger event are facts with evidence copied from the text")
    func eventFacts() throws {
        let text = "Foreign Minister Wang Yi on Tuesday met with Omani Foreign Minister Sayyid Badr Albusaidi in Beijing on the sidelines of the ASEAN Regional Forum."
        let x = try Self.extract(text, date: "2024-03-01")
        #expect(x.event.entity.label == "Wang Yi - Sayyid Badr Albusaidi meeting 2024-02-27")
        #expect(Self.facts(x, "eventType").map(\.object.label) == ["meeting"])
        #expect(Self.facts(x, "eventDate").map(\.object.label) == ["2024-02-27"])
        #expect(Self.facts(x, "eventLocation").map(\.object.label) == ["Beijing"])
        #expect(Self.facts(x, "heldDuring").map(\.object.label) == ["ASEAN Regional Forum"])
        for fact in x.facts { #expect(text.contains(fact.evidence) || fact.evidence == "Readout", "\(fact)") }
    }

    @Test("'today' and 'yesterday' date the label only; a date in the sentence is a fact")
    func dates() throws {
        let today = try Self.extract("Secretary of State Antony J. Blinken spoke yesterday with Omani Foreign Minister Sayyid Badr Albusaidi.")
        #expect(today.event.date?.description == "2024-02-29")
        #expect(Self.facts(today, "eventDate").isEmpty)
        #expect(today.event.type == .phoneCall)
        let stated = try Self.extract("On February 20, Foreign Minister Wang Yi held telephone talks with Foreign Minister Sayyid Badr Albusaidi at request.")
        #expect(Self.facts(stated, "eventDate").map(\.evidence) == ["On February 20"])
        #expect(Self.facts(stated, "initiatedBy").map(\.object.label) == ["Sayyid Badr Albusaidi"])
    }

    @Test("a minister the lexicon lacks, named before an apposition with two offices, honorific dropped")
    func apposition() throws {
        let x = try Self.extract("""
            Omani Foreign Minister Sayyid Badr Albusaidi had a phone conversation with Dr Fuad Hussein, Deputy Prime Minister and Minister of Foreign Affairs of the Republic of Iraq. \
            Hussein received a phone call from Albusaidi.
            """)
        #expect(x.event.participants.map(\.label) == ["Sayyid Badr Albusaidi", "Fuad Hussein"])
        let roles = Self.facts(x, "holdsRole").filter { $0.subject.label == "Fuad Hussein" }.map(\.object.label)
        #expect(roles == ["Deputy Prime Minister of Iraq", "Foreign Minister of Iraq"], "\(roles)")
        #expect(Self.facts(x, "represents").contains { $0.subject.label == "Fuad Hussein" && $0.object.label == "Iraq" })
        #expect(Self.facts(x, "initiatedBy").map(\.object.label) == ["Sayyid Badr Albusaidi"])
    }

    @Test("a counterpart holds the office of the person whose counterpart they are; initials drop")
    func counterpart() throws {
        let x = try Self.extract("Chinese Foreign Minister Wang Yi had a phone call with his Omani counterpart, Mohammed A. Rahman. Rahman said peace matters.")
        #expect(x.event.participants.map(\.label) == ["Wang Yi", "Mohammed Rahman"])
        #expect(Self.facts(x, "holdsRole").contains { $0.subject.label == "Mohammed Rahman" && $0.object.label == "Foreign Minister of Oman" })
    }

    @Test("talks with two guests, later taken one at a time, are two events")
    func twoEvents() throws {
        let x = try Self.extract("""
            Foreign Minister Wang Yi on Sunday held talks with Omani Foreign Minister Sayyid Badr Albusaidi and Iraqi Foreign Minister Fuad Hussein. \
            When holding talks with Albusaidi, Wang said peace matters. \
            When holding talks with Hussein, Wang said trade matters.
            """, date: "2024-03-04")
        #expect(x.events.count == 2)
        #expect(x.events.map(\.entity.label) == ["Wang Yi - Sayyid Badr Albusaidi meeting 2024-03-03", "Wang Yi - Fuad Hussein meeting 2024-03-03"])
        #expect(Set(x.events.map(\.entity.iri)).count == 2)
        #expect(Self.facts(x, "eventType").count == 2)
    }
}
