import ParleyExtraction
import Testing

/// Aliases, coreference, each predicate's triggers, the event, IRIs and quads, on small readouts.
@Suite struct FactExtractionTests {
    static func extract(_ body: String, title: String = "Wang Yi Has a Phone Call with Omani Foreign Minister Sayyid Badr Albusaidi") throws -> Extraction {
        ReadoutExtractor.extract(text: title + "\n2024-03-01 10:00\n\n" + body, slug: "test", lexicon: try Fixtures.lexicon())
    }

    static func has(_ x: Extraction, _ subject: String, _ predicate: String, _ object: String) -> Bool {
        x.facts.contains { $0.subject.label == subject && $0.predicate == predicate && $0.object.label.contains(object) }
    }

    static func describe(_ x: Extraction) -> String { x.facts.map(\.description).joined(separator: "\n") }

    @Test("aliases resolve to one entity: Wang, Washington, the US, Omani")
    func aliases() throws {
        let x = try Self.extract("""
            On March 1, 2024, Foreign Minister Wang Yi had a phone call with Omani Foreign Minister Sayyid Badr Albusaidi. \
            Wang urged Washington to respect the two-state solution. He urged the US to act.
            """)
        #expect(Self.has(x, "Wang Yi", "urges", "United States") == true, Comment(rawValue: Self.describe(x)))
        #expect(x.facts.filter { $0.predicate == "urges" && $0.object.label == "United States" }.count == 2)
        #expect(Self.has(x, "Sayyid Badr Albusaidi", "represents", "Oman") == true, Comment(rawValue: Self.describe(x)))
        #expect(x.event.date?.description == "2024-03-01")
        #expect(x.event.type == .phoneCall)
    }

    @Test("a minister the lexicon lacks is found after the role words, and by surname later")
    func newPerson() throws {
        let x = try Self.extract("""
            Secretary of State Antony J. Blinken met today with Estonian Foreign Minister Margus Tsahkna in Washington. \
            Foreign Minister Tsahkna thanked the Secretary for the assistance.
            """, title: "Secretary Blinken’s Meeting with Foreign Minister Tsahkna")
        #expect(x.event.participants.map(\.label) == ["Antony Blinken", "Margus Tsahkna"])
        #expect(x.event.type == .meeting)
        #expect(Self.has(x, "Margus Tsahkna", "expressesGratitude", "Antony Blinken") == true, Comment(rawValue: Self.describe(x)))
        #expect(Self.has(x, "Margus Tsahkna", "expressesGratitudeFor", "assistance") == true, Comment(rawValue: Self.describe(x)))
        #expect(Self.has(x, "Antony Blinken", "holdsRole", "Secretary of State") == true, Comment(rawValue: Self.describe(x)))
        // "Estonian" is Estonia's demonym in countries.tsv: the minister represents Estonia.
        #expect(Self.has(x, "Margus Tsahkna", "represents", "Estonia") == true, Comment(rawValue: Self.describe(x)))
    }

    @Test("coreference: he, the latter, the two sides, a participle clause, the Secretary")
    func coreference() throws {
        let x = try Self.extract("""
            On March 1, 2024, Foreign Minister Wang Yi had a phone call with Omani Foreign Minister Sayyid Badr Albusaidi at the latter's request. \
            Noting that he highly appreciates China's position, Sayyid Badr Albusaidi said the talks were useful. \
            He condemned the attacks on civilians. \
            The two sides agreed to keep in touch.
            """)
        #expect(x.event.initiator?.label == "Sayyid Badr Albusaidi")
        #expect(Self.has(x, "Sayyid Badr Albusaidi", "commends", "China's position") == true, Comment(rawValue: Self.describe(x)))
        #expect(Self.has(x, "Sayyid Badr Albusaidi", "condemns", "attacks on civilians") == true, Comment(rawValue: Self.describe(x)))
        #expect(Self.has(x, "Wang Yi", "agreesTo", "keep in touch") == true, Comment(rawValue: Self.describe(x)))
        #expect(Self.has(x, "Sayyid Badr Albusaidi", "agreesTo", "keep in touch") == true, Comment(rawValue: Self.describe(x)))
    }

    @Test("a minister's statement for their country is the country's")
    func countryAttribution() throws {
        let x = try Self.extract("""
            On March 1, 2024, Foreign Minister Wang Yi had a phone call with Omani Foreign Minister Sayyid Badr Albusaidi. \
            Wang Yi said that China supports the convening of an international peace conference as soon as possible.
            """)
        #expect(Self.has(x, "China", "supports", "international peace conference") == true, Comment(rawValue: Self.describe(x)))
        #expect(!x.facts.contains { $0.predicate == "supports" && $0.object.label.contains("as soon as possible") })
    }

    @Test("each predicate's triggers", arguments: [
        ("Wang Yi stressed that the way out of the crisis is to implement the two-state solution.", "Wang Yi", "advocates", "two-state solution"),
        ("Oman believes that dialogue is the only way to solve the question.", "Oman", "advocates", "dialogue"),
        ("Wang Yi said China supports the peace talks.", "China", "supports", "peace talks"),
        ("Wang Yi said China firmly opposes unilateral sanctions.", "China", "opposes", "unilateral sanctions"),
        ("Wang Yi urged Washington to lift the sanctions.", "Wang Yi", "urges", "United States"),
        ("Wang Yi urged Washington to lift the sanctions.", "Wang Yi", "urgesAction", "lift the sanctions"),
        ("Wang Yi expressed concern over the situation in the Red Sea.", "Wang Yi", "expressesConcern", "situation in the Red Sea"),
        ("Sayyid Badr Albusaidi thanked China for its help.", "Sayyid Badr Albusaidi", "expressesGratitude", "China"),
        ("Sayyid Badr Albusaidi thanked China for its help.", "Sayyid Badr Albusaidi", "expressesGratitudeFor", "help"),
        ("Oman holds a highly consistent position with China.", "Oman", "agreesWith", "China"),
        ("The two sides agreed to maintain communication.", "Wang Yi", "agreesTo", "maintain communication"),
        ("Wang Yi reiterated China's position on the Taiwan question.", "Wang Yi", "reaffirms", "Taiwan question"),
        ("Sayyid Badr Albusaidi condemned the attack on the hospital.", "Sayyid Badr Albusaidi", "condemns", "attack on the hospital"),
        ("Wang Yi said the most urgent task is to achieve a ceasefire.", "Wang Yi", "callsFor", "ceasefire"),
        ("Sayyid Badr Albusaidi highly appreciates China's constructive role.", "Sayyid Badr Albusaidi", "commends", "constructive role"),
        ("Wang Yi criticized the unilateral sanctions.", "Wang Yi", "criticizes", "unilateral sanctions"),
        ("Wang Yi acknowledged Oman's efforts.", "Wang Yi", "acknowledges", "Oman's efforts"),
        ("China is willing to work with all parties.", "China", "commitsTo", "work with all parties"),
        ("Sayyid Badr Albusaidi briefed Wang Yi on the situation in Yemen.", "Sayyid Badr Albusaidi", "briefs", "Wang Yi"),
        ("Sayyid Badr Albusaidi briefed Wang Yi on the situation in Yemen.", "Sayyid Badr Albusaidi", "briefsAbout", "situation in Yemen"),
        ("The two sides exchanged views on the Ukraine crisis and regional security.", "Wang Yi - Sayyid Badr Albusaidi phone call 2024-03-01", "discussed", "Ukraine crisis"),
        ("Wang Yi said that Kissinger was a friend.", "Wang Yi", "mentions", "Henry Kissinger"),
    ])
    func triggers(sentence: String, subject: String, predicate: String, object: String) throws {
        let x = try Self.extract("On March 1, 2024, Foreign Minister Wang Yi had a phone call with Omani Foreign Minister Sayyid Badr Albusaidi. " + sentence)
        #expect(Self.has(x, subject, predicate, object) == true, Comment(rawValue: Self.describe(x)))
    }

    @Test("hedges drop a stance; 'not' turns support into opposition")
    func hedges() throws {
        let x = try Self.extract("""
            On March 1, 2024, Foreign Minister Wang Yi had a phone call with Omani Foreign Minister Sayyid Badr Albusaidi. \
            Oman reportedly supports the plan. Wang Yi said China does not support the blockade.
            """)
        #expect(!Self.has(x, "Oman", "supports", "plan") == true, Comment(rawValue: Self.describe(x)))
        #expect(Self.has(x, "China", "opposes", "blockade") == true, Comment(rawValue: Self.describe(x)))
    }

    @Test("entity IRIs come from canonical labels", arguments: [
        ("Wang Yi", "https://parley.dev/id/Wang_Yi"), ("two-state solution", "https://parley.dev/id/two-state_solution"),
        ("China's position on the Taiwan question", "https://parley.dev/id/China_position_on_the_Taiwan_question"),
        ("a “Palestinian-owned, Palestinian-led” approach", "https://parley.dev/id/a_Palestinian-owned_Palestinian-led_approach"),
        ("U.S.-India partnership", "https://parley.dev/id/U.S.-India_partnership"),
    ])
    func iris(label: String, iri: String) {
        #expect(ParleyIRI.entity(label) == iri)
    }

    @Test("every fact is a triple and a pv:Statement in the readout's graph, evidence verbatim in its sentence")
    func quads() throws {
        let text = try Fixtures.text("wang-yi-blinken-2023-12-06")
        let x = ReadoutExtractor.extract(text: text, slug: "wang-yi-blinken-2023-12-06", lexicon: try Fixtures.lexicon())
        let graph = "https://parley.dev/id/readout/wang-yi-blinken-2023-12-06"
        #expect(x.quads.allSatisfy { $0.graph == .iri(graph) })
        let statements = x.quads.filter { $0.predicate == .iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type") && $0.object == .iri("https://parley.dev/ns#Statement") }
        #expect(statements.count == x.facts.count)
        for fact in x.facts {
            let sentence = x.readout.sentences.first { $0.number == fact.sentence }
            #expect(sentence?.text.contains(fact.evidence) == true, "\(fact)")
        }
        #expect(x.quads.contains { $0.subject == .iri("https://parley.dev/id/Wang_Yi") && $0.predicate == .iri("https://parley.dev/ns#advocates")
            && $0.object == .iri("https://parley.dev/id/two-state_solution") })
        #expect(x.event.date?.description == "2023-12-06")
    }
}
