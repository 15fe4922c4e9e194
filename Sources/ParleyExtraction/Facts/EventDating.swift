/// The day of the event, as `PREDICATES.md` rules: a date written in the event sentence ("On
/// November 1, 2023", "on Dec 6"), else a weekday there ("on Tuesday": the last Tuesday on or
/// before the date line), else a date in the headline ("… Barrot 27 March") — each stated, so an
/// `eventDate` fact with its words as evidence. "today"/"yesterday", a news dateline or the date
/// line give only the day for the event's label.
struct EventDating {
    let weekdays: [String: Int]
    let relativeDays: [String: Int]

    init(lexicon: Lexicon) {
        var weekdays: [String: Int] = [:]
        var relative: [String: Int] = [:]
        for entry in lexicon.eventPhrases.entries {
            guard let value = entry.value else { continue }
            if entry.kind == .weekday { weekdays[entry.phrase] = value }
            if entry.kind == .relativeDay { relative[entry.phrase.lowercased()] = value }
        }
        self.weekdays = weekdays
        self.relativeDays = relative
    }

    /// The event's day and, when the text states it, the words and sentence that do.
    struct Dated {
        var date: SimpleDate?
        var evidence: (text: String, sentence: Int)?
    }

    func date(readout: ParsedReadout, eventSentence: SentenceReader?, title: SentenceReader?, fullText: String) -> Dated {
        let published = readout.publishedOn
        let year = published?.year ?? DateFinder.firstYear(in: fullText)
        if let reader = eventSentence {
            if let found = DateFinder.find(in: reader.sentence.text, defaultYear: year) {
                return Dated(date: found.date, evidence: (Self.withOn(reader.sentence.text, found.range), reader.sentence.number))
            }
            if let published {
                for (index, token) in reader.tokens.enumerated() {
                    guard let weekday = weekdays[token.text], let date = published.latest(weekday: weekday) else { continue }
                    let start = index > 0 && reader.tokens[index - 1].lower == "on" ? index - 1 : index
                    return Dated(date: date, evidence: (reader.text(start..<(index + 1)), reader.sentence.number))
                }
            }
        }
        if let title, title.sentence.number != eventSentence?.sentence.number,
           let found = DateFinder.find(in: title.sentence.text, defaultYear: year) {
            return Dated(date: found.date, evidence: (String(title.sentence.text[found.range]), title.sentence.number))
        }
        if let reader = eventSentence, let published {
            for token in reader.tokens {
                if let offset = relativeDays[token.lower] { return Dated(date: published.adding(days: offset)) }
            }
        }
        if let dateline = readout.dateline, let found = DateFinder.find(in: dateline, defaultYear: year) {
            return Dated(date: found.date)
        }
        return Dated(date: published)
    }

    /// The date's words, with an "On"/"on" just before them.
    private static func withOn(_ text: String, _ range: Range<String.Index>) -> String {
        let before = text[..<range.lowerBound]
        for prefix in ["On ", "on "] where before.hasSuffix(prefix) {
            return String(text[text.index(range.lowerBound, offsetBy: -prefix.count)..<range.upperBound])
        }
        return String(text[range])
    }
}
