import ParleyExtraction
import ParleyRDF
import ParleyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The fixture readouts and their expected facts, found next to this file at run time, and the
/// lexicon from the package's `schema/lexicon/`.
enum Fixtures {
    static let directory: String = {
        var path = #filePath
        while let last = path.last, last != "/" { path.removeLast() }
        return path + "Fixtures"
    }()

    static let packageRoot: String = {
        var path = directory
        for _ in 0..<3 {
            path.removeLast()
            while let last = path.last, last != "/" { path.removeLast() }
        }
        return String(path.dropLast())
    }()

    static let development = ["wang-yi-albusaidi-2023-11-01", "wang-yi-blinken-2023-12-06", "blinken-kuleba-2024-02-14",
                              "wang-yi-lavrov-2024-04-09", "xinhua-wang-yi-baerbock-2023-12-20"]
    static let heldOut = ["blinken-jaishankar-2024-01-11", "wang-yi-vieira-2024-01-19", "xinhua-wang-yi-kamikawa-2023-11-25"]

    static func lexicon() throws -> Lexicon {
        try Lexicon(directory: packageRoot + "/schema/lexicon")
    }

    static func text(_ name: String) throws -> String {
        try TextFile.read(directory + "/" + name + ".txt")
    }

    /// Expected facts of a fixture: (subject, predicate, object, evidence) rows after the header.
    static func expected(_ name: String) throws -> [[String]] {
        let text = try TextFile.read(directory + "/" + name + ".tsv")
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}

/// Precision and recall of extracted facts against expected ones: subjects equal ignoring case
/// (the event written "(event)"), predicates equal, and objects sharing key words (at least half
/// of the expected object's, and a third of the extracted one's). One-to-one, greedy.
struct FactScore {
    var extracted = 0
    var expected = 0
    var matched = 0
    var missed: [String] = []
    var spurious: [String] = []

    var precision: Double { extracted == 0 ? 1 : Double(matched) / Double(extracted) }
    var recall: Double { expected == 0 ? 1 : Double(matched) / Double(expected) }

    static let stopWords: Set<String> = ["the", "a", "an", "of", "in", "on", "to", "for", "and", "or", "with", "its", "their",
                                         "his", "her", "that", "this", "by", "as", "at", "from", "into", "any", "all", "be", "is"]

    static func keyWords(_ text: String) -> Set<String> {
        var words = Set<String>()
        var current = ""
        func flush() {
            var word = current.lowercased()
            if word.hasSuffix("’s") || word.hasSuffix("'s") { word.removeLast(2) }
            if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { word.removeLast() }
            if !word.isEmpty, !stopWords.contains(word) { words.insert(word) }
            current = ""
        }
        for c in text {
            if c.isLetter || c.isNumber || c == "’" || c == "'" { current.append(c) } else { flush() }
        }
        flush()
        return words
    }

    static func objectsMatch(expected: String, extracted: String) -> Bool {
        let e = keyWords(expected), x = keyWords(extracted)
        if e.isEmpty || x.isEmpty { return expected.lowercased() == extracted.lowercased() }
        let common = Double(e.intersection(x).count)
        return common / Double(e.count) >= 0.5 && common / Double(x.count) >= 1.0 / 3.0
    }

    static func score(_ extraction: Extraction, expected rows: [[String]]) -> FactScore {
        var score = FactScore()
        let eventIRIs = Set(extraction.events.map(\.entity.iri))
        func name(_ label: String, _ iri: String) -> String { eventIRIs.contains(iri) ? "(event)" : label }
        var facts = extraction.facts.map { fact -> (String, String, String) in
            let object: String
            switch fact.object {
            case .entity(let e): object = name(e.label, e.iri)
            case .literal(let text): object = text
            case .date(let date): object = date.description
            }
            return (name(fact.subject.label, fact.subject.iri), fact.predicate, object)
        }
        score.extracted = facts.count
        score.expected = rows.count
        for row in rows where row.count >= 3 {
            if let index = facts.firstIndex(where: { $0.0.lowercased() == row[0].lowercased() && $0.1 == row[1]
                && ($0.2 == row[2] || objectsMatch(expected: row[2], extracted: $0.2)) }) {
                score.matched += 1
                facts.remove(at: index)
            } else {
                score.missed.append(row.prefix(3).joined(separator: " | "))
            }
        }
        score.spurious = facts.map { "\($0.0) | \($0.1) | \($0.2)" }
        return score
    }

    static func + (a: FactScore, b: FactScore) -> FactScore {
        FactScore(extracted: a.extracted + b.extracted, expected: a.expected + b.expected, matched: a.matched + b.matched)
    }
}
