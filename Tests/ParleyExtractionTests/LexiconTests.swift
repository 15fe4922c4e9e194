import ParleyExtraction
import Testing

/// The lexicon files of `schema/lexicon/` load, and a malformed line is reported with its place.
@Suite struct LexiconTests {
    /// The package's function-word classes, which every lexicon needs in full.
    static let wordClasses = (try? String(contentsOfFile: Fixtures.packageRoot + "/schema/lexicon/word-classes.tsv", encoding: .utf8)) ?? ""

    @Test("word classes: an unknown class and a missing class are errors naming the file")
    func wordClassValidation() throws {
        let dir = TemporaryDirectoryForLexicon()
        for name in Lexicon.fileNames { dir.write(name, name == "word-classes.tsv" ? Self.wordClasses : "") }
        dir.write("word-classes.tsv", Self.wordClasses + "adverbial\tquickly\n")
        #expect(throws: LexiconError.self) { try Lexicon(directory: dir.path) }
        do { _ = try Lexicon(directory: dir.path) } catch { #expect("\(error)".hasPrefix("word-classes.tsv:"), "\(error)") }
        dir.write("word-classes.tsv", Self.wordClasses.split(separator: "\n").filter { !$0.hasPrefix("determiner") }.joined(separator: "\n"))
        do { _ = try Lexicon(directory: dir.path) } catch { #expect("\(error)".contains("'determiner' is missing"), "\(error)") }
    }
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

    @Test("every UN member state and both observer states are countries, each with its short name as label")
    func countries() throws {
        let lexicon = try Fixtures.lexicon()
        let countries = lexicon.entities.filter { $0.kind == .country }
        #expect(countries.count == 195)
        for label in ["China", "United States", "Türkiye", "Oman", "Iraq", "Eswatini", "Côte d'Ivoire", "Czechia", "Myanmar",
                      "South Korea", "North Korea", "Holy See", "Palestine", "South Sudan", "Tuvalu", "Nicaragua"] {
            #expect(lexicon.entity(labelled: label)?.kind == .country, "\(label)")
        }
        let organisations = Set(lexicon.entities.filter { $0.kind == .organisation }.map(\.label))
        for label in ["United Nations", "UN Security Council", "NATO", "European Union", "African Union", "ASEAN", "Arab League",
                      "Gulf Cooperation Council", "International Atomic Energy Agency", "G20", "BRICS"] {
            #expect(organisations.contains(label), "\(label)")
        }
    }

    @Test("Türkiye's other names, its demonym and its capital are one entity's; a topic's spelling variants fold to one IRI")
    func oneThingOneNode() throws {
        let lexicon = try Fixtures.lexicon()
        let turkiye = try #require(lexicon.entity(labelled: "Türkiye"))
        for alias in ["Turkey", "Turkiye", "Ankara", "Republic of Türkiye"] { #expect(turkiye.aliases.contains(alias), "\(alias)") }
        #expect(lexicon.entity(forDemonym: "Turkish")?.label == "Türkiye")
        #expect(lexicon.entity(forDemonym: "Sudanese")?.label == "Sudan")
        #expect(lexicon.entity(forDemonym: "Emirati")?.label == "United Arab Emirates")
        #expect(lexicon.entity(labelled: "South Korea")?.aliases.contains("ROK") == true)
        #expect(lexicon.entity(labelled: "Myanmar")?.aliases.contains("Burma") == true)
        let others = lexicon.entities.filter { $0.label != "Türkiye" && ($0.aliases.contains("Turkey") || $0.aliases.contains("Turkiye")) }
        #expect(others.isEmpty)
        let normaliser = lexicon.topicNormaliser
        #expect(normaliser.normalise("cease-fire in Gaza") == "ceasefire in Gaza")
        #expect(normaliser.normalise("Cease fire in Gaza") == "ceasefire in Gaza")
        #expect(normaliser.normalise("Iran-Turkey ties") == "Iran-Türkiye ties")
        #expect(ParleyIRI.entity(normaliser.normalise("Turkiye’s security")) == ParleyIRI.entity(normaliser.normalise("Türkiye's security")))
        #expect(normaliser.normalise("Turkeys") == "Turkeys")
    }

    @Test("a name of two countries, a label defined twice and an unknown represented country are errors with file:line")
    func validation() throws {
        func error(_ files: [String: String]) -> String {
            let dir = TemporaryDirectoryForLexicon()
            // The function words are required whole; the other files may be empty.
            for name in Lexicon.fileNames { dir.write(name, files[name] ?? (name == "word-classes.tsv" ? Self.wordClasses : "")) }
            do {
                _ = try Lexicon(directory: dir.path)
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(error(["countries.tsv": "Oman\tcountry\tMuscat\nJordan\tcountry\tMuscat\n"]).hasPrefix("countries.tsv:2: error:"))
        #expect(error(["countries.tsv": "Oman\tcountry\n", "organisations.tsv": "# c\nOman\torganisation\n"])
            .hasPrefix("organisations.tsv:2: error: 'Oman' is already defined at countries.tsv:1"))
        #expect(error(["countries.tsv": "Oman\tperson\n"]).hasPrefix("countries.tsv:1: error:"))
        #expect(error(["entities.tsv": "Wang Yi\tperson\tWang\t\tChina\n"]).hasPrefix("entities.tsv:1: error: represents 'China'"))
        #expect(error(["spellings.tsv": "cease-fire\n"]).hasPrefix("spellings.tsv:1: error:"))
        #expect(error([:]).isEmpty)
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
