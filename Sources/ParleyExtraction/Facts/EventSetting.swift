/// Where a meeting was held and the larger event it was held at, from the event sentence:
/// "in Beijing" (a location preposition and capitalised words), "on the sidelines of the …
/// meetings on East Asia cooperation in Manila", "when attending the UN General Assembly in New York".
struct EventSetting {
    let matcher: EventPhraseMatcher
    let prepositions: Set<String>
    let words: WordClasses

    init(lexicon: Lexicon, matcher: EventPhraseMatcher) {
        self.matcher = matcher
        words = lexicon.words
        prepositions = Set(lexicon.eventPhrases.phrases(.location).map { $0.phrase.lowercased() })
    }

    /// The place: capitalised words after a location preposition (outside relative clauses),
    /// never a month ("in March") nor a person.
    func location(in reader: SentenceReader, after start: Int) -> (label: String, evidence: String)? {
        let tokens = reader.tokens
        var index = start
        while index < tokens.count {
            defer { index += 1 }
            guard prepositions.contains(tokens[index].lower), !reader.isMasked(index) else { continue }
            let words = capitalisedRun(tokens, from: index + 1)
            guard !words.isEmpty else { continue }
            if DateFinder.months[tokens[words.lowerBound].lower.trimmingCharacters(".")] != nil { continue }
            if reader.mention(at: words.lowerBound)?.entity?.kind == .person { continue }
            let label = tokens[words].map(\.base).joined(separator: " ")
            return (label, reader.text(index..<words.upperBound))
        }
        return nil
    }

    /// The larger event: the noun phrase after "on the sidelines of" / "when attending", up to
    /// a comma, the location or the end of the sentence.
    func during(in reader: SentenceReader) -> (label: String, range: Range<Int>, evidence: String)? {
        guard let lead = matcher.find(in: reader.tokens, kinds: [.during]).first(where: { !reader.isMasked($0.range.lowerBound) }) else { return nil }
        let tokens = reader.tokens
        var start = lead.range.upperBound
        while start < tokens.count, words.contains(.article, tokens[start].lower) { start += 1 }
        var end = start
        while end < tokens.count {
            let token = tokens[end]
            if !token.isWord, token.text != "'", token.text != "’", token.text != "-" { break }
            if prepositions.contains(token.lower), !capitalisedRun(tokens, from: end + 1).isEmpty { break }
            end += 1
        }
        guard end > start else { return nil }
        return (reader.text(start..<end), start..<end, reader.text(lead.range.lowerBound..<end))
    }

    /// The capitalised words from `start` ("New York", "the Philippines" without "the").
    private func capitalisedRun(_ tokens: [Token], from start: Int) -> Range<Int> {
        var first = start
        if first < tokens.count, words.contains(.article, tokens[first].lower) { first += 1 }
        var end = first
        while end < tokens.count, tokens[end].isWord, tokens[end].isCapitalized { end += 1 }
        return first..<end
    }
}
