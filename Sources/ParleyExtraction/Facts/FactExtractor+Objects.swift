/// What a stance is about: the entity an object phrase names, topics and their lists, the
/// participants' relations, and what a speaker mentions. Part of ``FactExtractor``.
extension FactExtractor {
    /// The entity an object phrase names: an actor named by the whole phrase, a lexicon topic
    /// the phrase ends with (after at most two words such as "implementing"), "bilateral ties"
    /// as the participants' relations, or a new topic labelled with the phrase.
    func objectEntity(_ range: Range<Int>, reader: SentenceReader, discourse: Discourse) -> (entity: EntityRef, range: Range<Int>) {
        let tokens = reader.tokens
        if let mention = reader.mention(startingAt: range.lowerBound), mention.tokens.upperBound == range.upperBound,
           let entity = resolve(mention, reader: reader, discourse: discourse).first {
            return (entity, range)
        }
        // A known topic at the start of the phrase or after a verb or two.
        for start in range.lowerBound..<min(range.upperBound, range.lowerBound + 3) {
            if let mention = reader.mention(startingAt: start), let entity = mention.entity, entity.kind == .topic {
                return (entity, range.lowerBound..<mention.tokens.upperBound)
            }
        }
        let words = tokens[range].filter(\.isWord).map(\.lower)
        if words.count == 2, lexicon.words.contains(.relationMarker, words[0]), lexicon.words.contains(.relationNoun, words[1]),
           let relation = relations(discourse) {
            return (relation, range)
        }
        return (topic(range, reader: reader), range)
    }

    /// A topic labelled with the phrase's text.
    func topic(_ range: Range<Int>, reader: SentenceReader) -> EntityRef {
        let trimmed = phrases.trimmed(range, reader.tokens)
        // Spelling variants fold to one label, so one topic is one node across readouts.
        let label = lexicon.topicNormaliser.normalise(reader.text(trimmed))
        if let known = discourse(known: label) { return known }
        return EntityRef(label: label, kind: .topic)
    }

    func discourse(known label: String) -> EntityRef? {
        lexicon.entity(labelled: label).map { EntityRef(label: $0.label, kind: $0.kind) }
    }

    /// "bilateral ties", "China-Russia relations" anywhere in a sentence: the event discussed the
    /// participants' countries' relations (once a sentence; not when a trigger already said so).
    func relationsDiscussed(_ reader: SentenceReader, discourse: Discourse, event: EntityRef, existing: [Fact]) -> Fact? {
        let tokens = reader.tokens
        for index in tokens.indices.dropFirst() where lexicon.words.contains(.relationNoun, tokens[index].lower) {
            let before = tokens[index - 1]
            let parts = before.text.split(separator: "-")
            guard lexicon.words.contains(.relationMarker, before.lower)
                    || (parts.count == 2 && parts.allSatisfy { $0.first?.isUppercase == true }) else { continue }
            guard let relation = relations(discourse),
                  !existing.contains(where: { $0.predicate == "discussed" && $0.object == .entity(relation) }) else { return nil }
            return Fact(subject: event, predicate: "discussed", object: .entity(relation),
                        evidence: reader.text((index - 1)..<(index + 1)), sentence: reader.sentence.number)
        }
        return nil
    }

    /// "China-US relations" from the countries the participants represent.
    func relations(_ discourse: Discourse) -> EntityRef? {
        var countries: [String] = []
        for person in discourse.participants {
            if let country = discourse.table.represents[person.label], !countries.contains(country) { countries.append(country) }
        }
        guard countries.count == 2 else { return nil }
        // One-word names as they are ("China"), longer ones by their short form ("US").
        let short = countries.map { name -> String in
            guard name.contains(" "), let entity = lexicon.entity(labelled: name),
                  let alias = entity.aliases.first(where: { $0.count <= 3 && $0.uppercased() == $0 }) else { return name }
            return alias
        }
        return discourse.table.entity("\(short[0])-\(short[1]) relations") ?? EntityRef(label: "\(short[0])-\(short[1]) relations", kind: .topic)
    }

    /// A list of topics ("A, B and the C") split into its items.
    func topicList(_ range: Range<Int>, _ tokens: [Token]) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for index in range {
            let token = tokens[index]
            // "between Serbia and Kosovo" is one topic.
            let between = tokens[start..<index].contains { $0.lower == "between" }
            let split = token.text == "," || (token.lower == "and" && index > start && !between && !looksAdjectival(tokens[index - 1].lower))
            if split {
                if index > start { parts.append(phrases.trimmed(start..<index, tokens)) }
                start = index + 1
                if token.text == ",", index + 1 < range.upperBound, tokens[index + 1].lower == "and" { start += 1 }
            }
        }
        if start < range.upperBound { parts.append(phrases.trimmed(start..<range.upperBound, tokens)) }
        // A part that runs into a new clause ("the Secretary affirmed …") ends before its verb;
        // a part that starts with one is no topic.
        // A relative clause ("some of which were …") is no topic either; nor does a topic end
        // on a function word.
        return parts.compactMap { part -> Range<Int>? in
            let clause = part.first { phrases.continuations.longest(in: tokens, at: $0) != nil && $0 > part.lowerBound }
            let relative = part.first { lexicon.words.contains(.relativePronoun, tokens[$0].lower) || lexicon.copulas.contains(tokens[$0].lower) }
            guard let stop = [clause, relative].compactMap({ $0 }).min() else { return phrases.untailed(part, tokens) }
            let cut = phrases.untailed(phrases.trimmed(part.lowerBound..<stop, tokens), tokens)
            return tokens[cut].filter(\.isWord).count >= 2 ? cut : nil
        }.filter { !$0.isEmpty && tokens[$0].contains(where: \.isWord) }
    }

    func looksAdjectival(_ word: String) -> Bool {
        lexicon.words.members(.listAdjectiveSuffix).contains { word.hasSuffix($0) }
    }

    // MARK: Mentions

    /// The speaker of the sentence (else the one who spoke last) mentions the third persons and
    /// the named documents, plans and events the sentence names.
    func mentionsFallback(_ reader: SentenceReader, discourse: Discourse, existing: [Fact]) -> [Fact] {
        guard reader.speaker.count == 1, let speaker = reader.speaker.first, speaker.kind == .person else { return [] }
        var facts: [Fact] = []
        for mention in reader.mentions {
            guard let person = mention.entity, person.kind == .person, person != speaker,
                  !discourse.participants.contains(person) else { continue }
            facts.append(Fact(subject: speaker, predicate: "mentions", object: .entity(person),
                              evidence: reader.text(mention.role?.tokens ?? mention.tokens), sentence: reader.sentence.number))
        }
        for range in named.namedThings(in: reader).flatMap({ phrases.namedItems($0, reader.tokens) }) {
            let trimmed = phrases.trimmed(range, reader.tokens)
            // A thing the sentence takes a stance on is that stance's object, not a mention.
            if existing.contains(where: { $0.object.label == reader.text(trimmed) || $0.object.label == lexicon.topicNormaliser.normalise(reader.text(trimmed)) }) { continue }
            facts.append(Fact(subject: speaker, predicate: "mentions", object: .entity(topic(trimmed, reader: reader)),
                              evidence: reader.text(range), sentence: reader.sentence.number))
        }
        return facts
    }
}
