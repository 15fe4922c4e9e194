/// Reads the stances of one sentence: finds trigger phrases, the actor each is attributed to
/// (resolving "he", "the latter", "the two sides", and a minister speaking for a country), and
/// the object as a short phrase, with the clause as evidence.
struct FactExtractor {
    let lexicon: Lexicon
    let triggers: PhraseMatcher<TriggerPhrase>
    let speech: PhraseMatcher<Bool>
    let hedges: PhraseMatcher<HedgeEffect>
    let phrases: ObjectPhrase
    let named: MentionedThings

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        triggers = PhraseMatcher(lexicon.triggers.map { ($0.phrase, $0) })
        speech = PhraseMatcher(lexicon.speechVerbs.map { ($0, true) })
        hedges = PhraseMatcher(lexicon.hedges.map { ($0.phrase, $0.effect) })
        phrases = ObjectPhrase(lexicon: lexicon)
        named = MentionedThings(words: lexicon.words)
    }

    // MARK: Speaker

    /// Finds whom the sentence reports as speaking ("Wang Yi said", ", Wang added", "He stressed")
    /// and makes them the discourse speaker.
    func readSpeaker(_ reader: inout SentenceReader, discourse: inout Discourse) {
        for index in reader.tokens.indices where speech.longest(in: reader.tokens, at: index) != nil {
            var before = index
            if before > 0, lexicon.words.contains(.speechLead, reader.tokens[before - 1].lower) { before -= 1 }
            // "Wang, who is also …, said": the speaker stands before the relative clause.
            if before > 1, reader.tokens[before - 1].text == ",", let clause = reader.masked.first(where: { $0.upperBound == before - 1 }) {
                before = clause.lowerBound
            }
            // "Oman holds … and believes that": the speaker is the subject of the first clause.
            var candidate = reader.mentions.last(where: { $0.tokens.upperBound == before })
            // ", saying …": the participle's subject is the main clause's, the sentence's first actor.
            if candidate == nil, before > 0, reader.tokens[before - 1].text == ",", reader.tokens[index].lower.hasSuffix("ing") {
                candidate = reader.mentions.first(where: { $0.canAct && !reader.isMasked($0.tokens.lowerBound) && $0.tokens.upperBound < before })
            }
            if candidate == nil, before > 0, reader.tokens[before - 1].lower == "and" {
                candidate = reader.mentions.first(where: { $0.tokens.upperBound < before && $0.canAct && !reader.isMasked($0.tokens.lowerBound) })
            }
            guard let mention = candidate, mention.canAct, !reader.isMasked(mention.tokens.lowerBound) else { continue }
            let entities = resolve(mention, reader: reader, discourse: discourse)
            guard !entities.isEmpty else { continue }
            reader.speaker = entities
            reader.speakerMention = mention
            if entities.count == 1, entities[0].kind == .person { discourse.speaker = entities[0] }
            return
        }
    }

    /// The entities a mention stands for. A pronoun inside an opening participle clause
    /// ("Noting that he …, Albusaidi said") is the sentence's speaker.
    func resolve(_ mention: Mention, reader: SentenceReader, discourse: Discourse) -> [EntityRef] {
        switch mention.target {
        case .entity(let entity): return [entity]
        case .reference(let target):
            if target == .speaker, let speakerMention = reader.speakerMention,
               speakerMention.tokens.lowerBound > mention.tokens.lowerBound,
               let first = reader.tokens.first, first.lower.hasSuffix("ing"), !reader.speaker.isEmpty {
                return reader.speaker
            }
            let earlier = reader.mentions.filter { $0.tokens.upperBound <= mention.tokens.lowerBound }
                .compactMap { $0.entity }.filter { $0.kind == .person }
            return discourse.resolve(target, earlier: earlier)
        }
    }

    // MARK: Stances

    func facts(_ reader: inout SentenceReader, discourse: inout Discourse, event: EntityRef) -> [Fact] {
        var facts: [Fact] = []
        var index = 0
        let tokens = reader.tokens
        while index < tokens.count {
            guard let match = triggers.longest(in: tokens, at: index),
                  !reader.isConsumed(index),
                  match.payload.frame != .phone, match.payload.frame != .meeting,
                  match.payload.frame != .request, match.payload.frame != .requestLatter,
                  !isNoun(at: index, end: match.end, tokens) else {
                index += 1
                continue
            }
            let trigger = match.payload
            // Inside an action only a plain stance is read again, not a party urged or thanked.
            if reader.isInAction(index), ![.object, .action].contains(trigger.frame) {
                index += 1
                continue
            }
            var predicate = trigger.predicate
            switch hedge(before: index, tokens) {
            case .skip?: index = match.end; continue
            case .negate?:
                guard let negated = lexicon.negations[predicate] else { index = match.end; continue }
                predicate = negated
            case nil: break
            }
            let made = read(trigger, predicate: predicate, at: index..<match.end, reader: &reader, discourse: &discourse, event: event)
            facts += made
            index = match.end
        }
        // A concern raised, an act condemned: the talks discussed it too (once per object).
        for fact in facts where lexicon.words.contains(.impliesDiscussed, fact.predicate.lowercased()) {
            let topic = Fact(subject: event, predicate: "discussed", object: fact.object, evidence: fact.evidence, sentence: fact.sentence)
            if !facts.contains(where: { $0.subject == event && $0.predicate == "discussed" && $0.object == fact.object }) { facts.append(topic) }
        }
        facts += mentionsFallback(reader, discourse: discourse, existing: facts)
        if let fact = relationsDiscussed(reader, discourse: discourse, event: event, existing: facts) { facts.append(fact) }
        return facts
    }

    /// A one-word trigger after an article is a noun ("the will of the people").
    /// ("mutual trust and support are the tradition"): so is one followed by a copula.
    private func isNoun(at index: Int, end: Int, _ tokens: [Token]) -> Bool {
        guard end - index == 1 else { return false }
        if index > 0, lexicon.words.contains(.nounMarker, tokens[index - 1].lower) { return true }
        return end < tokens.count && lexicon.copulas.contains(tokens[end].lower)
    }

    private func hedge(before index: Int, _ tokens: [Token]) -> HedgeEffect? {
        for start in max(0, index - 3)..<index {
            if let found = hedges.longest(in: tokens, at: start), found.end <= index { return found.payload }
        }
        return nil
    }

    /// One trigger's facts.
    private func read(_ trigger: TriggerPhrase, predicate: String, at span: Range<Int>, reader: inout SentenceReader,
                      discourse: inout Discourse, event: EntityRef) -> [Fact] {
        let tokens = reader.tokens
        // The object first: "before" frames take it from before the trigger.
        var objects: [(predicate: String, object: FactObject, range: Range<Int>)] = []
        var evidenceStart = span.lowerBound
        var evidenceEnd = span.upperBound
        var subjectLimit = span.lowerBound
        switch trigger.frame {
        case .object, .action, .topics:
            // "welcomes and supports the agreement": the object is the second verb's.
            var objectStart = span.upperBound
            if objectStart + 1 < tokens.count, tokens[objectStart].lower == "and",
               let second = triggers.longest(in: tokens, at: objectStart + 1), second.payload.frame == trigger.frame {
                objectStart = second.end
            }
            let end = phrases.end(in: tokens, from: objectStart, list: trigger.frame != .object)
            guard end > objectStart else { return [] }
            let range = objectStart..<end
            evidenceEnd = end
            if trigger.frame == .topics {
                let parts = topicList(range, tokens)
                for part in parts {
                    objects.append((predicate, .entity(objectEntity(part, reader: reader, discourse: discourse).entity), part))
                }
                // The clause after the topics ("Regarding X, the Secretary affirmed …") stays readable.
                evidenceEnd = parts.map(\.upperBound).max() ?? end
            } else {
                // Stance objects are noun phrases; an action keeps its verb unless the verb only
                // leads to the thing ("calls for achieving a ceasefire" -> "ceasefire").
                // A list of actions ("enhance communication, join hands and spare no effort") is
                // one fact per action.
                let parts = trigger.frame == .action ? phrases.actions(range, tokens) : phrases.namedItems(range, tokens)
                for part in parts {
                    let phrase = phrases.nounPhrase(part, tokens, clause: trigger.frame == .object)
                    let resolved = objectEntity(phrase, reader: reader, discourse: discourse)
                    objects.append((predicate, .entity(resolved.entity), resolved.range))
                    evidenceEnd = max(evidenceEnd, resolved.range.upperBound, trigger.frame == .action ? part.upperBound : resolved.range.upperBound)
                }
            }
        case .before, .beforeClause:
            var start = span.lowerBound
            while start > 0, tokens[start - 1].isWord, !lexicon.words.contains(.clauseLinker, tokens[start - 1].lower),
                  !lexicon.speechVerbs.contains(tokens[start - 1].lower) {
                start -= 1
            }
            guard start < span.lowerBound else { return [] }
            var range = start..<span.lowerBound
            if trigger.frame == .beforeClause {
                range = start..<phrases.end(in: tokens, from: span.upperBound)
            }
            // "dialogue is the only way to solve the question": the whole clause, as analysts word
            // the position; "X conforms to the trend of the times": X.
            var trimmed = phrases.trimmed(range, tokens)
            // "It is unacceptable to address …": the infinitive is the object, not "it".
            if span.lowerBound - start == 1, lexicon.words.contains(.expletive, tokens[start].lower),
               span.upperBound < tokens.count, tokens[span.upperBound].lower == "to" {
                let end = phrases.end(in: tokens, from: span.upperBound + 1)
                guard end > span.upperBound + 1 else { return [] }
                trimmed = (span.upperBound + 1)..<end
                range = start..<end
            }
            objects.append((predicate, .entity(topic(trimmed, reader: reader)), trimmed))
            evidenceStart = start
            evidenceEnd = max(range.upperBound, span.upperBound)
            subjectLimit = start
        case .party, .partyAction, .partyReason, .partyTopic:
            var start = span.upperBound
            while start < tokens.count, lexicon.words.contains(.article, tokens[start].lower), reader.mention(startingAt: start) == nil { start += 1 }
            let party: (entities: [EntityRef], range: Range<Int>)
            if let mention = reader.mention(startingAt: start) {
                party = (resolve(mention, reader: reader, discourse: discourse), mention.tokens)
            } else {
                // The party ends at its linker ("all parties | to exercise restraint"), but "to the
                // conflict" still belongs to it ("all parties to the conflict").
                let stops = lexicon.words.members(.partyLinkerAction).union(lexicon.words.members(.partyLinkerReason))
                    .union(lexicon.words.members(.partyLinkerTopic))
                var end = phrases.end(in: tokens, from: start, stopAt: stops)
                while end + 1 < tokens.count, stops.contains(tokens[end].lower),
                      lexicon.words.contains(.article, tokens[end + 1].lower), end - start < ObjectPhrase.maximumWords {
                    end = phrases.end(in: tokens, from: end + 1, stopAt: stops)
                }
                guard end > start else { return [] }
                party = ([topic(start..<end, reader: reader)], start..<end)
            }
            evidenceEnd = party.range.upperBound
            for entity in party.entities { objects.append((predicate, .entity(entity), party.range)) }
            var rest = party.range.upperBound
            let second: String? = switch trigger.frame {
            case .partyAction: "urgesAction"
            case .partyReason: "expressesGratitudeFor"
            case .partyTopic: "briefsAbout"
            default: nil
            }
            let linkers: Set<String> = switch trigger.frame {
            case .partyAction: lexicon.words.members(.partyLinkerAction)
            case .partyReason: lexicon.words.members(.partyLinkerReason)
            case .partyTopic: lexicon.words.members(.partyLinkerTopic)
            default: []
            }
            // "called on all parties to the conflict, particularly Israel, to cease fire": the
            // action's linker may come a few words after the party.
            if second != nil, rest < tokens.count, !linkers.contains(tokens[rest].lower),
               let later = tokens[rest..<min(tokens.count, rest + 8)].firstIndex(where: { linkers.contains($0.lower) }),
               later + 1 < tokens.count, !lexicon.words.contains(.article, tokens[later + 1].lower) {
                rest = later
            }
            if let second, rest < tokens.count, linkers.contains(tokens[rest].lower) {
                // "urged X not to …" keeps its "not"; "to", "for", "on" go.
                if hedges.longest(in: tokens, at: rest)?.payload != .negate { rest += 1 }
                let end = phrases.end(in: tokens, from: rest)
                if end > rest {
                    for part in phrases.actions(rest..<end, tokens) {
                        let range = phrases.trimmed(part, tokens)
                        objects.append((second, .entity(topic(range, reader: reader)), range))
                    }
                    evidenceEnd = end
                }
            }
        case .modal:
            let end = phrases.end(in: tokens, from: span.upperBound, list: true)
            guard end > span.upperBound else { return [] }
            evidenceEnd = end
            let actions = phrases.actions(span.upperBound..<end, tokens).map { phrases.trimmed($0, tokens) }
            if let party = modalParty(before: span.lowerBound, reader: reader, discourse: discourse) {
                objects.append(("urges", .entity(party.entity), party.range))
                for action in actions { objects.append(("urgesAction", .entity(topic(action, reader: reader)), action)) }
                evidenceStart = party.range.lowerBound
            } else {
                for action in actions { objects.append((predicate, .entity(topic(action, reader: reader)), action)) }
            }
        case .phone, .meeting, .request, .requestLatter:
            return []
        }
        guard !objects.isEmpty else { return [] }

        // Then the subject.
        var subjects: [EntityRef] = []
        var subjectStart: Int?
        switch trigger.subject {
        case .event:
            subjects = [event]
        case .speaker:
            (subjects, subjectStart) = speakerSubject(reader, discourse)
        case .nearest:
            switch nearestSubject(before: subjectLimit, reader: reader, discourse: discourse) {
            case .found(let entities, let start):
                subjects = entities
                subjectStart = start
            case .speaker:
                (subjects, subjectStart) = speakerSubject(reader, discourse)
            case .blocked:
                return []
            }
        }
        // Positions are the parties': third persons quoted in passing are not subjects.
        // Nor are other bodies ("the UN General Assembly called for"): a stance's subject is a
        // participant or a country a participant speaks for.
        if !discourse.participants.isEmpty {
            // (When a participant's country is unknown, any country may be theirs.)
            let represented = discourse.participants.map { discourse.table.represents[$0.label] }
            let anyCountry = represented.contains(nil)
            subjects = subjects.filter {
                $0.kind == .person ? discourse.participants.contains($0) : ($0.kind == .event || anyCountry || represented.contains($0.label))
            }
        }
        guard !subjects.isEmpty else { return [] }
        if let subjectStart, subjectStart < evidenceStart { evidenceStart = subjectStart }
        // An action keeps the stances inside it readable ("will continue to support the talks"
        // is a commitment and a support); any other object is used up.
        reader.consumed.append(trigger.frame == .action ? span : span.lowerBound..<evidenceEnd)
        if trigger.frame == .action { reader.actions.append(span.upperBound..<evidenceEnd) }
        if subjects.count == 1, subjects[0].kind == .person { discourse.speaker = subjects[0] }

        let evidence = reader.text(evidenceStart..<evidenceEnd)
        var facts: [Fact] = []
        for subject in subjects {
            for object in objects where object.object != .entity(subject) {
                facts.append(Fact(subject: subject, predicate: object.predicate, object: object.object,
                                  evidence: evidence, sentence: reader.sentence.number))
            }
        }
        return facts
    }

    /// The party a modal's clause is about when it is not the speaker's side: "the international
    /// community | should", "the US side | should" (said by Wang Yi). Nil when the clause has no
    /// subject of its own or its subject includes the speaker or the speaker's country ("China
    /// and Russia should", "the two sides should").
    private func modalParty(before modal: Int, reader: SentenceReader, discourse: Discourse) -> (entity: EntityRef, range: Range<Int>)? {
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
    private func speakerSubject(_ reader: SentenceReader, _ discourse: Discourse) -> ([EntityRef], Int?) {
        guard !reader.speaker.isEmpty else { return (discourse.speaker.map { [$0] } ?? [], nil) }
        return (reader.speaker, reader.speakerMention.map { $0.role?.tokens.lowerBound ?? $0.tokens.lowerBound })
    }

    /// Who the subject of a verb at `limit` is.
    private enum SubjectSearch {
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
    private func nearestSubject(before limit: Int, reader: SentenceReader, discourse: Discourse) -> SubjectSearch {
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

    /// Whether only words that may stand between a subject and its verb lie in `gap` ("China has
    /// always firmly supported": "has always firmly"), so the actor is the verb's own subject and
    /// not a name inside an earlier phrase ("the congress of Russia is a world-class event and will …").
    private func isSubjectGap(_ gap: Range<Int>, _ tokens: [Token]) -> Bool {
        var index = gap.lowerBound
        while index < gap.upperBound {
            guard let length = lexicon.words.match(.subjectGap, in: tokens, at: index) else { return false }
            index += length
        }
        return true
    }

    // MARK: Objects

    /// The entity an object phrase names: an actor named by the whole phrase, a lexicon topic
    /// the phrase ends with (after at most two words such as "implementing"), "bilateral ties"
    /// as the participants' relations, or a new topic labelled with the phrase.
    private func objectEntity(_ range: Range<Int>, reader: SentenceReader, discourse: Discourse) -> (entity: EntityRef, range: Range<Int>) {
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
    private func topic(_ range: Range<Int>, reader: SentenceReader) -> EntityRef {
        let trimmed = phrases.trimmed(range, reader.tokens)
        // Spelling variants fold to one label, so one topic is one node across readouts.
        let label = lexicon.topicNormaliser.normalise(reader.text(trimmed))
        if let known = discourse(known: label) { return known }
        return EntityRef(label: label, kind: .topic)
    }

    private func discourse(known label: String) -> EntityRef? {
        lexicon.entity(labelled: label).map { EntityRef(label: $0.label, kind: $0.kind) }
    }

    /// "bilateral ties", "China-Russia relations" anywhere in a sentence: the event discussed the
    /// participants' countries' relations (once a sentence; not when a trigger already said so).
    private func relationsDiscussed(_ reader: SentenceReader, discourse: Discourse, event: EntityRef, existing: [Fact]) -> Fact? {
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
    private func relations(_ discourse: Discourse) -> EntityRef? {
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
    private func topicList(_ range: Range<Int>, _ tokens: [Token]) -> [Range<Int>] {
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
    private func mentionsFallback(_ reader: SentenceReader, discourse: Discourse, existing: [Fact]) -> [Fact] {
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
