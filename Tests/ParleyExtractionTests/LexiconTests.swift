import ParleyExtraction
import Testing

/// The lexicon files of `schema/lexicon/` load, and a malformed line is reported with its place.
@Suite struct LexiconTests {
    @Test("the schema lexicon loads with entities, roles and triggers for every stance predicate")
    func loads() throws {
        let lexicon = try Fixtures.lexicon()
        #expect(lexicon.entity(labelled: "Wang Yi")?.kind == .person)
        #expect(lexicon.entity(forDemonym: "Omani")?.label == "Oman")
        let predicates = Set(lexicon.triggers.map(\.predicate))
        for name in ["advocates", "supports", "opposes", "urges", "expressesConcern", "expressesGratitude", "agreesWith", "agreesTo",
                     "reaffirms", "condemns", "callsFor", "commends", "criticizes", "acknowledges", "commitsTo", "briefs", "discussed"] {
            #expect(predicates.contains(name), "\(name)")
        }
    }

    @Test("a bad line names its file and line")
    func badLine() throws {
        let dir = TemporaryDirectoryForLexicon()
        for name in Lexicon.fileNames { dir.write(name, "") }
        dir.write("entities.tsv", "# comment\nWang Yi\tminister\n")
        #expect(throws: LexiconError.self) { try Lexicon(directory: dir.path) }
        do {
            _ = try Lexicon(directory: dir.path)
        } catch {
            #expect("\(error)".hasPrefix("entities.tsv:2: error:"))
        }
    }
}

import ParleyTestSupport
typealias TemporaryDirectoryForLexicon = TemporaryDirectory
