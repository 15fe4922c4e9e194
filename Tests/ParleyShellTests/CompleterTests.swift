import Testing
import ParleyOperations
@testable import ParleyShell

/// Tab completion and "did you mean …?", against a small fixed vocabulary.
@Suite struct CompleterTests {
    static let vocabulary = StoreVocabulary(
        prefixes: [("pv", "https://parley.dev/ns#"), ("pe", "https://parley.dev/id/"),
                   ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"), ("prov", "http://www.w3.org/ns/prov#")],
        predicates: [("https://parley.dev/ns#advocates", 3), ("https://parley.dev/ns#agreesTo", 2),
                     ("http://www.w3.org/2000/01/rdf-schema#label", 5)],
        classes: [("https://parley.dev/ns#Person", 2), ("https://parley.dev/ns#Country", 1)],
        labels: [("https://parley.dev/id/Wang_Yi", "Wang Yi"), ("https://parley.dev/id/Antony_Blinken", "Antony Blinken"),
                 ("https://parley.dev/id/China", "China")])

    let completer = Completer(vocabulary: CompleterTests.vocabulary)

    func candidates(_ line: String, word: String? = nil, pending: String = "") -> [String] {
        let word = word ?? String(line.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        guard case .candidates(let list) = completer.complete(word: word, line: line, pending: pending) else { return ["<files>"] }
        return list
    }

    @Test("completes what the issue lists", arguments: [
        (".sch", [".schema"]),
        (".he", [".headers", ".help"]),
        (".mode c", ["csv"]),
        (".timer o", ["off", "on"]),
        (".help des", ["describe"]),
        ("?who pv:adv", ["pv:advocates"]),
        ("?who a pv:P", ["pv:Person"]),
        ("?x p", ["PREFIX", "pe:", "prov:", "pv:"]),
        ("?x pv:agreesTo Wan", ["pe:Wang_Yi"]),
        ("?x pv:agreesTo chi", ["pe:China"]),
        (".describe pe:Wa", ["pe:Wang_Yi"]),
        ("SEL", ["SELECT"]),
    ])
    func completes(line: String, expected: [String]) {
        #expect(candidates(line) == expected)
    }

    @Test("variables come from the whole statement, earlier lines included")
    func variables() {
        #expect(candidates("?s pv:agreesTo ?t . ?w", pending: "SELECT ?who ?what WHERE {") == ["?what", "?who"])
        #expect(candidates("FILTER(?wh", word: "?wh", pending: "SELECT * { ?who ?p ?what") == ["?what", "?who"])
    }

    @Test("file arguments are left to libedit's file name completion")
    func files() {
        #expect(completer.complete(word: "sch", line: ".read sch") == .files)
        #expect(completer.complete(word: "d", line: ".load d") == .files)
    }

    @Test("did you mean: prefixed names, labels and prefixes", arguments: [
        ("pv:advocate", "pv:advocates"),
        ("pv:person", "pv:Person"),
        ("pe:Wang_Y", "pe:Wang_Yi"),
        ("pe:WangYi", "pe:Wang_Yi"),
        ("<https://parley.dev/ns#advocate>", "<https://parley.dev/ns#advocates>"),
    ])
    func suggestions(written: String, expected: String) {
        #expect(Self.vocabulary.suggestion(for: written) == expected)
    }

    @Test("nothing is suggested for a name far from every known one")
    func noSuggestion() {
        #expect(Self.vocabulary.suggestion(for: "pv:zzzzzzzzzz") == nil)
        #expect(Self.vocabulary.suggestion(forPrefix: "pvv") == "pv")
    }

    @Test("edit distance", arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("Same", "same", 0), ("flaw", "lawn", 2)])
    func distance(a: String, b: String, expected: Int) {
        #expect(Suggestions.distance(a, b) == expected)
    }
}
