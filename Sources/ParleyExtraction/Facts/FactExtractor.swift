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
    func isNoun(at index: Int, end: Int, _ tokens: [Token]) -> Bool {
        guard end - index == 1 else { return false }
        if index > 0, lexicon.words.contains(.nounMarker, tokens[index - 1].lower) { return true }
        return end < tokens.count && lexicon.copulas.contains(tokens[end].lower)
    }

    func hedge(before index: Int, _ tokens: [Token]) -> HedgeEffect? {
        for start in max(0, index - 3)..<index {
            if let found = hedges.longest(in: tokens, at: start), found.end <= index { return found.payload }
        }
        return nil
    }

    /// One trigger's facts.
    func read(_ trigger: TriggerPhrase, predicate: String, at span: Range<Int>, reader: inout SentenceReader,
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
}
