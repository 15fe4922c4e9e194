import ParleyExtraction
import Testing

/// Readout structure, sentence numbering and dates.
@Suite struct ReadoutParserTests {
    static let parser: ReadoutParser = {
        ReadoutParser(boilerplate: [(.junk, "Suggest to a Friend"), (.meta, "Source:"), (.meta, "READOUT"), (.caption, "(PHOTO")],
                      abbreviations: (try? Fixtures.lexicon())?.words.members(.abbreviation) ?? [])
    }()

    @Test("title, date line, body and trailing junk are told apart; the dateline is sentence 2")
    func structure() throws {
        let text = try Fixtures.text("wang-yi-albusaidi-2023-11-01")
        let readout = Self.parser.parse(text)
        #expect(readout.title == "Wang Yi Has a Phone Call with Omani Foreign Minister Sayyid Badr Albusaidi")
        #expect(readout.publishedOn?.description == "2023-11-01")
        #expect(readout.sentences[1].kind == .dateLine && readout.sentences[1].number == 2)
        #expect(readout.sentences[2].text.hasPrefix("On November 1, 2023, Member"))
        #expect(readout.sentences[2].number == 3)
        #expect(readout.junk.count == 1)
        #expect(readout.sentences.last?.kind == .junk)
    }

    @Test("a photo caption is not body, and the body's sentences keep the file's numbering")
    func caption() throws {
        let readout = Self.parser.parse(try Fixtures.text("wang-yi-blinken-2023-12-06"))
        #expect(readout.captions.count == 1)
        #expect(readout.sentences[1].kind == .caption && readout.sentences[2].kind == .caption)
        #expect(readout.body.first?.number == 4)
        #expect(readout.body.first?.text.hasPrefix("Chinese Foreign Minister Wang Yi") == true)
        #expect(readout.publishedOn == nil)
    }

    @Test("header lines and a news dateline", arguments: [
        ("T\nSource: Xinhua\n2023-12-20 23:05:10\n\nBEIJING, Dec. 20 (Xinhua) -- A met B.", "BEIJING, Dec. 20 (Xinhua) --", "2023-12-20"),
        ("T\nREADOUT\nFEBRUARY 14, 2024\n\nThe Secretary spoke today.", nil, "2024-02-14"),
    ])
    func header(text: String, dateline: String?, published: String) {
        let readout = Self.parser.parse(text)
        #expect(readout.dateline == dateline)
        #expect(readout.publishedOn?.description == published)
        #expect(readout.body.count == 1)
    }

    @Test("sentence splitting", arguments: [
        ("A said it. B agreed.", ["A said it.", "B agreed."]),
        ("Secretary of State Antony J. Blinken spoke today. The Secretary thanked him.", ["Secretary of State Antony J. Blinken spoke today.", "The Secretary thanked him."]),
        ("BEIJING, Dec. 20 (Xinhua) -- Wang met Baerbock.", ["BEIJING, Dec. 20 (Xinhua) -- Wang met Baerbock."]),
        ("He visited the U.S. embassy. Then he left!", ["He visited the U.S. embassy.", "Then he left!"]),
        ("He said “this is it.” Then left", ["He said “this is it.”", "Then left"]),
        ("No end", ["No end"]),
    ])
    func splitting(line: String, expected: [String]) {
        #expect(SentenceSplitter.split(line, abbreviations: (try? Fixtures.lexicon())?.words.members(.abbreviation) ?? []) == expected)
    }

    @Test("dates in text", arguments: [
        ("On November 1, 2023, Wang Yi had a phone call", nil as Int?, "2023-11-01"),
        ("during a telephone conversation on Dec 6, and they agreed", 2023, "2023-12-06"),
        ("BEIJING, Dec. 20 (Xinhua) --", 2023, "2023-12-20"),
        ("on 9 April 2024 in Beijing", nil, "2024-04-09"),
        ("on Dec 6 without a year", nil, nil),
        ("They may meet", 2024, nil),
    ])
    func dates(text: String, year: Int?, expected: String?) {
        #expect(DateFinder.find(in: text, defaultYear: year)?.date.description == expected)
    }

    @Test("date lines", arguments: [
        ("2023-11-01 22:50", "2023-11-01"), ("2023-12-20 23:05:10", "2023-12-20"), ("FEBRUARY 14, 2024", "2024-02-14"),
        ("2023-11-01 was a day", nil), ("On November 1, 2023, Wang met", nil),
    ])
    func dateLines(line: String, expected: String?) {
        #expect(DateFinder.dateLine(line)?.description == expected)
    }
}
