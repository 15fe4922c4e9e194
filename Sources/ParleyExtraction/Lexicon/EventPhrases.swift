/// The words that describe a readout's event, from `schema/lexicon/events.tsv`: the phrases
/// that name a call or a meeting, say who asked for it, lead to the place or the larger event it
/// was held at, and the day words ("today", "Tuesday") that date it.
public struct EventPhrases: Sendable {
    /// What a row of `events.tsv` marks.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case phone, meeting, talks, request, during, location, weekday
        case requestBefore = "request-before"
        case relativeDay = "relative-day"
    }

    /// One row: its kind, the phrase and, for day words, the number it carries.
    public struct Entry: Sendable, Hashable {
        public var kind: Kind
        public var phrase: String
        public var value: Int?

        public init(kind: Kind, phrase: String, value: Int? = nil) {
            self.kind = kind
            self.phrase = phrase
            self.value = value
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    /// The rows of one kind.
    public func phrases(_ kind: Kind) -> [Entry] { entries.filter { $0.kind == kind } }

    /// Reads `events.tsv` from a lexicon directory; a bad row is an error naming its line.
    public static func load(directory: String) throws -> EventPhrases {
        var entries: [Entry] = []
        for (line, columns) in try LexiconRows.read(directory: directory, file: "events.tsv") {
            guard columns.count >= 2, let kind = Kind(rawValue: columns[0]), !columns[1].isEmpty else {
                throw LexiconError(file: "events.tsv", line: line,
                                   message: "expected KIND<tab>PHRASE[<tab>VALUE], KIND one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var value: Int?
            if kind == .weekday || kind == .relativeDay {
                guard columns.count >= 3, let number = Int(columns[2]),
                      kind == .relativeDay || (1...7).contains(number) else {
                    throw LexiconError(file: "events.tsv", line: line,
                                       message: "a \(kind.rawValue) needs a number (weekday: 1 for Monday to 7 for Sunday; relative-day: days to add)")
                }
                value = number
            }
            entries.append(Entry(kind: kind, phrase: columns[1], value: value))
        }
        return EventPhrases(entries: entries)
    }
}
