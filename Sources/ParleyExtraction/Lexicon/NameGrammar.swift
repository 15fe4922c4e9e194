/// The grammar words for finding persons the lexicon lacks, from `schema/lexicon/participants.tsv`:
/// honorifics dropped before a name ("Dr", "H.E."), lower-case particles inside names ("bin"),
/// office words that continue a role and never belong to a name ("Affairs", "Council"), the
/// word "counterpart", and the words that may open a role after a name and its comma.
public struct NameGrammar: Sendable {
    /// What a row of `participants.tsv` marks.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case honorific, particle, counterpart, apposition
        case officeWord = "office-word"
    }

    /// Honorific phrases as written (case matters: "U Thaung Tun", not "u").
    public var honorifics: [String] = []
    /// Lower-case name particles.
    public var particles: Set<String> = []
    /// Office words, lower case.
    public var officeWords: Set<String> = []
    /// Role words meaning "the same office as the possessor", lower case.
    public var counterparts: Set<String> = []
    /// Words that may open a role after "Name,", lower case.
    public var appositionOpeners: Set<String> = []

    public init() {}

    /// Reads `participants.tsv` from a lexicon directory; a bad row is an error naming its line.
    public static func load(directory: String) throws -> NameGrammar {
        var grammar = NameGrammar()
        for (line, columns) in try LexiconRows.read(directory: directory, file: "participants.tsv") {
            guard columns.count >= 2, let kind = Kind(rawValue: columns[0]), !columns[1].isEmpty else {
                throw LexiconError(file: "participants.tsv", line: line,
                                   message: "expected KIND<tab>WORD, KIND one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let word = columns[1]
            switch kind {
            case .honorific: grammar.honorifics.append(word)
            case .particle: grammar.particles.insert(word.lowercased())
            case .officeWord: grammar.officeWords.insert(word.lowercased())
            case .counterpart: grammar.counterparts.insert(word.lowercased())
            case .apposition: grammar.appositionOpeners.insert(word.lowercased())
            }
        }
        grammar.honorifics.sort { $0.count > $1.count }
        return grammar
    }
}
