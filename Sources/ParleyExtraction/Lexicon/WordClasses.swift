/// The English function words the extractor reasons with (determiners, prepositions, the words
/// that may stand between a subject and its verb, the words that start a new clause …), loaded
/// from `schema/lexicon/word-classes.tsv` so that no word list lives in Swift. Every class the
/// extractor uses must be present in the file; ``load(rows:file:)`` says which one is missing.
public struct WordClasses: Sendable {
    /// A class of words, by its name in the file.
    public enum Name: String, Sendable, CaseIterable {
        case determiner, preposition, article
        case nounMarker = "noun-marker"
        case subjectGap = "subject-gap"
        case speechLead = "speech-lead"
        case clauseLinker = "clause-linker"
        case commaBreak = "comma-break"
        case phraseTail = "phrase-tail"
        case listAdjectiveSuffix = "list-adjective-suffix"
        case documentHead = "document-head"
        case nameInner = "name-inner"
        case relationNoun = "relation-noun"
        case relationMarker = "relation-marker"
        case expletive
        case carrierVerb = "carrier-verb"
        case stanceAdjective = "stance-adjective"
        case impliesDiscussed = "implies-discussed"
        case abbreviation
        case relativePronoun = "relative-pronoun"
        case possessivePronoun = "possessive-pronoun"
        case partyLinkerAction = "party-linker-action"
        case partyLinkerReason = "party-linker-reason"
        case partyLinkerTopic = "party-linker-topic"
        case sideNoun = "side-noun"
        case groupNumber = "group-number"
        case partyNoun = "party-noun"
        case definiteCountryWord = "definite-country-word"
    }

    /// Each class's single words, lower case.
    private var words: [Name: Set<String>] = [:]
    /// Each class's multi-word entries, as lower-case word sequences.
    private var phrases: [Name: [[String]]] = [:]

    public init() {}

    /// Whether a single lower-case word belongs to `name`.
    public func contains(_ name: Name, _ word: String) -> Bool {
        words[name]?.contains(word) ?? false
    }

    /// All single words of a class.
    public func members(_ name: Name) -> Set<String> { words[name] ?? [] }

    /// How many tokens of a multi-word or single-word entry of `name` start at `index`, or nil.
    func match(_ name: Name, in tokens: [Token], at index: Int) -> Int? {
        guard index < tokens.count else { return nil }
        var best: Int?
        for phrase in phrases[name] ?? [] where index + phrase.count <= tokens.count {
            if phrase.indices.allSatisfy({ tokens[index + $0].lower == phrase[$0] }) { best = max(best ?? 0, phrase.count) }
        }
        if best == nil, contains(name, tokens[index].lower) { best = 1 }
        return best
    }

    /// How many tokens of the longest entry of `name` end just before `end`, or nil.
    func matchEnding(_ name: Name, in tokens: [Token], before end: Int) -> Int? {
        guard end > 0 else { return nil }
        var best: Int?
        for phrase in phrases[name] ?? [] where phrase.count <= end {
            let start = end - phrase.count
            if phrase.indices.allSatisfy({ tokens[start + $0].lower == phrase[$0] }) { best = max(best ?? 0, phrase.count) }
        }
        if best == nil, contains(name, tokens[end - 1].lower) { best = 1 }
        return best
    }

    /// Builds the classes from the rows of `word-classes.tsv`; `file` names it in errors.
    static func load(rows: [(line: Int, columns: [String])], file: String) throws -> WordClasses {
        var classes = WordClasses()
        for (line, columns) in rows {
            guard columns.count >= 2, let name = Name(rawValue: columns[0].trimmingSpaces) else {
                let known = Name.allCases.map(\.rawValue).joined(separator: ", ")
                throw LexiconError(file: file, line: line, message: "expected CLASS<tab>WORDS with CLASS one of \(known)")
            }
            for item in columns[1].split(separator: "|") {
                let entry = item.trimmingSpaces.lowercased()
                guard !entry.isEmpty else { continue }
                let parts = entry.split(separator: " ").map(String.init)
                if parts.count == 1 { classes.words[name, default: []].insert(entry) } else { classes.phrases[name, default: []].append(parts) }
            }
        }
        for name in Name.allCases where classes.words[name] == nil && classes.phrases[name] == nil {
            throw LexiconError(file: file, line: 0, message: "the word class '\(name.rawValue)' is missing")
        }
        return classes
    }
}
