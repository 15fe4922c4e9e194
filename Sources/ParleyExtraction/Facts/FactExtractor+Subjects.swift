/// Who holds a stance: the verb's own subject, the speaker, or the party a modal clause is
/// about. Part of ``FactExtractor``; the rules are in schema/README.md, "Attribution rules".
extension FactExtractor {
    /// The party a modal's clause is about when it is not the speaker's side: "the international
    /// community | should", "the US side | should" (said by Wang Yi). Nil when the clause has no
    /// subject of its own or its subject includes the speaker or the speaker's country ("China
    /// and Russia should", "the two sides should").
    func modalParty(before modal: Int, reader: SentenceReader, discourse: Discourse) -> (entity: EntityRef, range: Range<Int>)? {
        let tokens = reader.tokens
        var end = modal
        while end > 0, let gap = lexicon.words.matchEnding(.subjectGap, in: tokens, before: end) { end -= gap }
        // "the international community, especially regional countries, should": the last segment.
        if end > 1, tokens[end - 1].text == "," { end -= 1 }
        var start = end
        while start > 0 {
            let previous = tokens[start - 1]
            if !previous.isWord || lexicon.words.contains(.clauseLinker, previous.lower) || speech.longest(in: tokens, at: start - 1) != nil { break }
            start -= 1
        }
        while start < end, lexicon.words.contains(.commaBreak, tokens[start].lower) || lexicon.words.contains(.article, tokens[start].lower) { start += 1 }
        guard start < end else { return nil }
        let speakers = speakerSubject(reader, discourse).0
        let own = Set(speakers.map(\.label) + speakers.compactMap { discourse.table.represents[$0.label] })
        if let mention = reader.mentions.last(where: { $0.tokens.upperBound == end }) {
            var entities = resolve(mention, reader: reader, discourse: discourse)
            // "China and Russia": both conjuncts.
            if mention.tokens.lowerBound > 1, tokens[mention.tokens.lowerBound - 1].lower == "and",
               let other = reader.mentions.last(where: { $0.tokens.upperBound == mention.tokens.lowerBound - 1 }) {
                entities += resolve(other, reader: reader, discourse: discourse)
            }
            if entities.isEmpty || own.isEmpty || entities.contains(where: { own.contains($0.label) }) { return nil }
            guard mention.tokens.lowerBound <= start, let first = entities.first, first.kind.isActor else { return nil }
            return (first, mention.tokens)
        }
        // A plain noun phrase ("the international community"), but not a thing ("the situation").
        if reader.mentions.contains(where: { $0.tokens.lowerBound >= start && $0.tokens.upperBound <= end }) { return nil }
        let words = tokens[start..<end].filter(\.isWord)
        guard (1...4).contains(words.count), let last = words.last, lexicon.words.contains(.partyNoun, last.lower) else { return nil }
        return (topic(start..<end, reader: reader), start..<end)
    }

    /// The sentence's speaker, else the one who spoke last; with where the sentence names them,
    /// so that the evidence does ("Wang Yi stressed that …").
    func speakerSubject(_ reader: SentenceReader, _ discourse: Discourse) -> ([EntityRef], Int?) {
        guard !reader.speaker.isEmpty else { return (discourse.speaker.map { [$0] } ?? [], nil) }
        return (reader.speaker, reader.speakerMention.map { $0.role?.tokens.lowerBound ?? $0.tokens.lowerBound })
    }

    /// Who the subject of a verb at `limit` is.
    enum SubjectSearch {
        /// An actor (or "A and B") named right before the verb, starting at `start`.
        case found([EntityRef], start: Int)
        /// The verb opens its clause ("… said that | will", "He stressed | should"): the speaker.
        case speaker
        /// Something that is not an actor is the verb's subject ("the congress … will guide").
        case blocked
    }

    /// The subject of the verb at `limit`: the actor named right before it (across only words
    /// such as "has always firmly"), not inside a relative clause or an earlier object, not
    /// possessive, not after a preposition; "A and B" gives both. After "and" or a comma, the
    /// nearest actor earlier in the sentence; at the start of a clause, the speaker.
    func nearestSubject(before limit: Int, reader: SentenceReader, discourse: Discourse) -> SubjectSearch {
        let tokens = reader.tokens
        func eligible(_ m: Mention) -> Bool {
            guard m.canAct, !reader.isMasked(m.tokens.lowerBound), !reader.isConsumed(m.tokens.lowerBound) else { return false }
            if tokens[m.tokens.upperBound - 1].isPossessive { return false }
            if m.tokens.upperBound < tokens.count, tokens[m.tokens.upperBound].lower == "of" { return false }
            let before = m.role?.tokens.lowerBound ?? m.tokens.lowerBound
            if before > 0, lexicon.words.contains(.preposition, tokens[before - 1].lower) { return false }
            return true
        }
        func found(_ mention: Mention) -> SubjectSearch {
            var entities = resolve(mention, reader: reader, discourse: discourse)
            var start = mention.role?.tokens.lowerBound ?? mention.tokens.lowerBound
            let first = start
            if first > 0, tokens[first - 1].lower == "and",
               let other = reader.mentions.last(where: { $0.tokens.upperBound == first - 1 }), eligible(other) {
                entities = resolve(other, reader: reader, discourse: discourse) + entities
                start = other.role?.tokens.lowerBound ?? other.tokens.lowerBound
            }
            return entities.isEmpty ? .blocked : .found(entities, start: start)
        }
        var edge = limit
        while edge > 0 {
            let word = tokens[edge - 1].lower
            if let gap = lexicon.words.matchEnding(.subjectGap, in: tokens, before: edge) { edge -= gap; continue }
            guard lexicon.words.contains(.carrierVerb, word) || lexicon.words.contains(.stanceAdjective, word) else { break }
            edge -= 1
        }
        // "the United States’ support": a lone apostrophe after a plural name is its possessive.
        var possessive = edge > 0 && tokens[edge - 1].isPossessive
        if edge > 1, ["'", "’"].contains(tokens[edge - 1].text), tokens[edge - 2].lower.hasSuffix("s") {
            edge -= 1
            possessive = true
        }
        if let mention = reader.mentions.last(where: { $0.tokens.upperBound == edge }) {
            // "China's support for", "the United States' resolute support for": the possessor.
            if possessive, mention.canAct, !reader.isMasked(mention.tokens.lowerBound) {
                let entities = resolve(mention, reader: reader, discourse: discourse)
                return entities.isEmpty ? .blocked : .found(entities, start: mention.role?.tokens.lowerBound ?? mention.tokens.lowerBound)
            }
            return eligible(mention) ? found(mention) : .blocked
        }
        guard edge > 0 else {
            // An opening participle shares the main clause's subject: "Recognising …, they agreed".
            if limit < tokens.count, tokens[limit].lower.hasSuffix("ing"),
               let comma = tokens[limit...].firstIndex(where: { $0.text == "," }),
               let mention = reader.mention(startingAt: comma + 1), eligible(mention) {
                return found(mention)
            }
            return .speaker
        }
        let previous = tokens[edge - 1]
        if previous.lower == "and" || previous.text == "," {
            // A coordinated verb's subject opens its clause: "the Secretary affirmed full U.S. support
            // … and expressed" is the Secretary's, not "U.S." inside the object.
            func opensClause(_ m: Mention) -> Bool {
                var first = m.role?.tokens.lowerBound ?? m.tokens.lowerBound
                while first > 0, lexicon.words.contains(.article, tokens[first - 1].lower) { first -= 1 }
                guard first > 0 else { return true }
                let before = tokens[first - 1]
                return !before.isWord || lexicon.words.contains(.clauseLinker, before.lower) || speech.longest(in: tokens, at: first - 1) != nil
            }
            if let mention = reader.mentions.last(where: { $0.tokens.upperBound <= limit && eligible($0) && opensClause($0) }) { return found(mention) }
            if let mention = reader.mentions.last(where: { $0.tokens.upperBound <= limit && eligible($0) }) { return found(mention) }
            return .speaker
        }
        if lexicon.words.contains(.clauseLinker, previous.lower) || speech.longest(in: tokens, at: edge - 1) != nil
            || !previous.isWord { return .speaker }
        return .blocked
    }
}
