/// Finds the events a readout reports: the first body sentence that names a call or meeting
/// and a person (else the title) gives the kind, the day, the participants, who asked for it,
/// where and at what larger event it was held, and each participant's roles and country. When
/// it names two counterparts that later sentences take one at a time ("held talks with A and
/// B" … "When holding talks with A" … "talks with B"), each talk is an event of its own.
struct EventExtractor {
    let lexicon: Lexicon
    let phrases: EventPhraseMatcher
    let dating: EventDating
    let setting: EventSetting

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        phrases = EventPhraseMatcher(lexicon: lexicon)
        dating = EventDating(lexicon: lexicon)
        setting = EventSetting(lexicon: lexicon, matcher: phrases)
    }

    private func persons(in reader: SentenceReader) -> [Mention] {
        reader.mentions.filter { $0.entity?.kind == .person && !reader.isMasked($0.tokens.lowerBound) }
    }

    /// The events, their facts and the discourse state for the rest of the readout.
    func extract(readout: ParsedReadout, readers: [SentenceReader], slug: String, table: EntityTable,
                 fullText: String) -> (event: ExtractedEvent, more: [ExtractedEvent], facts: [Fact], discourse: Discourse) {
        let title = readers.first { $0.sentence.kind == .title }
        let body = readers.filter { $0.sentence.kind == .body }
        let eventReader = body.first { phrases.namesEvent($0.tokens) && !persons(in: $0).isEmpty } ?? title ?? readers.first

        // Participants: the persons of the event sentence, then those of an event-naming title.
        var participants: [EntityRef] = []
        var participantMentions: [(reader: SentenceReader, mention: Mention)] = []
        for reader in [eventReader, title].compactMap({ $0 }) {
            if reader.sentence.kind == .title, reader.sentence.number != eventReader?.sentence.number,
               !phrases.namesEvent(reader.tokens) { continue }
            for mention in persons(in: reader) {
                guard let person = mention.entity, !participants.contains(person) else { continue }
                participants.append(person)
                participantMentions.append((reader, mention))
            }
        }

        // Kind: a phone word in the event sentence or the title makes a call; else a meeting.
        let kindPhrases = [eventReader, title].compactMap { $0 }.flatMap { reader in
            phrases.find(in: reader.tokens, kinds: [.phone, .meeting, .talks]).map { (reader, $0) }
        }
        let phone = kindPhrases.first { $0.1.kind == .phone }
        let type: EventType = phone != nil ? .phoneCall : .meeting
        let typeEvidence = phone ?? kindPhrases.first { $0.1.kind == .meeting } ?? kindPhrases.first

        let dated = dating.date(readout: readout, eventSentence: eventReader, title: title, fullText: fullText)
        let groups = split(participants, eventReader: eventReader, body: body)
        let (first, rest) = (groups.first ?? participants, groups.dropFirst())

        var discourse = Discourse(table: table)
        discourse.participants = participants
        var facts: [Fact] = []
        var events: [ExtractedEvent] = []
        for (number, group) in ([first] + rest).enumerated() {
            let names = group.map(\.label)
            var label = names.isEmpty ? type.rawValue : "\(names.joined(separator: " - ")) \(type.rawValue)"
            if let date = dated.date { label += " \(date)" }
            let iri = number == 0 ? ParleyIRI.event(slug) : ParleyIRI.event(slug) + "-\(number + 1)"
            let eventRef = EntityRef(label: label, kind: .event, iri: iri)
            if let (reader, found) = typeEvidence {
                facts.append(Fact(subject: eventRef, predicate: "eventType", object: .literal(type.rawValue),
                                  evidence: reader.text(found.range), sentence: reader.sentence.number))
            }
            if let date = dated.date, let evidence = dated.evidence {
                facts.append(Fact(subject: eventRef, predicate: "eventDate", object: .date(date),
                                  evidence: evidence.text, sentence: evidence.sentence))
            }
            facts += participation(group, eventRef, participantMentions)
            if type == .meeting, let reader = eventReader { facts += settingFacts(reader, eventRef) }
            let initiated = initiator(eventRef, among: group, body: body)
            facts += initiated.facts
            events.append(ExtractedEvent(entity: eventRef, type: type, date: dated.date, participants: group,
                                         initiator: initiated.person, sentence: eventReader?.sentence.number ?? 1))
        }
        facts += RoleFacts(table: table).facts(for: participants, title: title, body: body,
                                              eventSentence: eventReader, discourse: &discourse)
        for person in participants { discourse.noteMention(person) }
        let primary = events.first ?? ExtractedEvent(entity: EntityRef(label: type.rawValue, kind: .event, iri: ParleyIRI.event(slug)),
                                                     type: type, date: dated.date, participants: participants, initiator: nil,
                                                     sentence: eventReader?.sentence.number ?? 1)
        return (primary, Array(events.dropFirst()), facts, discourse)
    }

    /// One group of participants per event: all of them, or, when the event sentence names
    /// several counterparts after its event words and each is later met in a talk of its own,
    /// the persons before those words with each counterpart in turn.
    private func split(_ participants: [EntityRef], eventReader: SentenceReader?, body: [SentenceReader]) -> [[EntityRef]] {
        guard let reader = eventReader, let phrase = phrases.find(in: reader.tokens, kinds: [.phone, .meeting, .talks]).first else {
            return [participants]
        }
        let mentions = persons(in: reader)
        let hosts = mentions.filter { $0.tokens.upperBound <= phrase.range.lowerBound }.compactMap(\.entity)
        let guests = mentions.filter { $0.tokens.lowerBound >= phrase.range.upperBound }.compactMap(\.entity)
        guard !hosts.isEmpty, guests.count >= 2 else { return [participants] }
        let later = body.filter { $0.sentence.number > reader.sentence.number }
        func metAlone(_ guest: EntityRef) -> Bool {
            later.contains { sentence in
                phrases.find(in: sentence.tokens, kinds: [.phone, .meeting, .talks]).contains { found in
                    sentence.mentions.contains { $0.entity == guest && (found.range.upperBound...found.range.upperBound + 1).contains($0.tokens.lowerBound) }
                }
            }
        }
        guard guests.allSatisfy(metAlone) else { return [participants] }
        return guests.map { hosts + [$0] }
    }

    /// participatedIn for each participant, with the span from the first participant's title to
    /// the last name of their sentence.
    private func participation(_ group: [EntityRef], _ event: EntityRef,
                               _ mentions: [(reader: SentenceReader, mention: Mention)]) -> [Fact] {
        var facts: [Fact] = []
        for (reader, mention) in mentions {
            guard let person = mention.entity, group.contains(person) else { continue }
            let all = mentions.filter { $0.reader.sentence.number == reader.sentence.number && $0.mention.entity.map(group.contains) == true }.map(\.mention)
            let start = all.map { min($0.role?.tokens.lowerBound ?? $0.tokens.lowerBound, $0.tokens.lowerBound) }.min() ?? mention.tokens.lowerBound
            let end = all.map(\.tokens.upperBound).max() ?? mention.tokens.upperBound
            facts.append(Fact(subject: person, predicate: "participatedIn", object: .entity(event),
                              evidence: reader.text(start..<end), sentence: reader.sentence.number))
        }
        return facts
    }

    /// eventLocation and heldDuring of a meeting.
    private func settingFacts(_ reader: SentenceReader, _ event: EntityRef) -> [Fact] {
        var facts: [Fact] = []
        let start = phrases.find(in: reader.tokens, kinds: [.phone, .meeting, .talks]).first?.range.upperBound ?? 0
        if let place = setting.location(in: reader, after: start) {
            facts.append(Fact(subject: event, predicate: "eventLocation", object: .entity(EntityRef(label: place.label, kind: .place)),
                              evidence: place.evidence, sentence: reader.sentence.number))
        }
        if let during = setting.during(in: reader) {
            let known = reader.mention(startingAt: during.range.lowerBound).flatMap { mention in
                mention.tokens.upperBound == during.range.upperBound ? mention.entity : nil
            }
            let larger = known ?? EntityRef(label: during.label, kind: .event)
            facts.append(Fact(subject: event, predicate: "heldDuring", object: .entity(larger),
                              evidence: during.evidence, sentence: reader.sentence.number))
        }
        return facts
    }

    /// Who asked for the event: the person after "a phone call from", or the one before "at the
    /// latter's request" / "at request", in the first body sentence that says so.
    private func initiator(_ event: EntityRef, among group: [EntityRef], body: [SentenceReader]) -> (person: EntityRef?, facts: [Fact]) {
        for reader in body {
            for found in phrases.find(in: reader.tokens, kinds: [.request, .requestBefore]) {
                let candidates = persons(in: reader).filter { $0.entity.map(group.contains) == true }
                let person = found.kind == .requestBefore
                    ? candidates.last { $0.tokens.upperBound <= found.range.lowerBound }
                    : candidates.first { $0.tokens.lowerBound >= found.range.upperBound }
                guard let person, let entity = person.entity else { continue }
                let lower = min(found.range.lowerBound, person.tokens.lowerBound)
                let upper = max(found.range.upperBound, person.tokens.upperBound)
                return (entity, [Fact(subject: event, predicate: "initiatedBy", object: .entity(entity),
                                      evidence: reader.text(lower..<upper), sentence: reader.sentence.number)])
            }
        }
        return (nil, [])
    }
}
