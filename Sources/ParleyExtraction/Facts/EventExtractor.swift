/// Finds the event a readout reports: the first body sentence that names a call or meeting and a
/// person (else the title), its kind, date, participants, who initiated it, and each
/// participant's role and country.
struct EventExtractor {
    let lexicon: Lexicon
    let triggers: PhraseMatcher<TriggerPhrase>

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        triggers = PhraseMatcher(lexicon.triggers.filter { [.phone, .meeting, .request, .requestLatter].contains($0.frame) }.map { ($0.phrase, $0) })
    }

    private func frames(in reader: SentenceReader) -> [(index: Int, end: Int, trigger: TriggerPhrase)] {
        var found: [(Int, Int, TriggerPhrase)] = []
        for index in reader.tokens.indices {
            if let match = triggers.longest(in: reader.tokens, at: index) { found.append((index, match.end, match.payload)) }
        }
        return found
    }

    private func persons(in reader: SentenceReader) -> [Mention] {
        reader.mentions.filter { $0.entity?.kind == .person && !reader.isMasked($0.tokens.lowerBound) }
    }

    /// The event, its facts (participation, initiator, roles, countries) and the discourse
    /// state for the rest of the readout.
    func extract(readout: ParsedReadout, readers: [SentenceReader], slug: String, table: EntityTable,
                 fullText: String) -> (event: ExtractedEvent, facts: [Fact], discourse: Discourse) {
        let title = readers.first { $0.sentence.kind == .title }
        let body = readers.filter { $0.sentence.kind == .body }
        let eventReader = body.first { reader in
            frames(in: reader).contains { $0.trigger.frame == .phone || $0.trigger.frame == .meeting } && !persons(in: reader).isEmpty
        } ?? title ?? readers.first

        var participants: [EntityRef] = []
        var participantMentions: [(reader: SentenceReader, mention: Mention)] = []
        for reader in [eventReader, title].compactMap({ $0 }) {
            if reader.sentence.kind == .title, reader.sentence.number != eventReader?.sentence.number,
               !frames(in: reader).contains(where: { $0.trigger.frame == .phone || $0.trigger.frame == .meeting }) { continue }
            for mention in persons(in: reader) {
                guard let person = mention.entity, !participants.contains(person) else { continue }
                participants.append(person)
                participantMentions.append((reader, mention))
            }
        }

        // Kind: what the event sentence says, else the title.
        var type = EventType.meeting
        let kinds = (eventReader.map(frames) ?? []).map(\.trigger.frame) + (title.map(frames) ?? []).map(\.trigger.frame)
        if let first = kinds.first(where: { $0 == .phone || $0 == .meeting }) { type = first == .phone ? .phoneCall : .meeting }

        // Date: in the event sentence, else the dateline, else the date line.
        let year = readout.publishedOn?.year ?? DateFinder.firstYear(in: fullText)
        var date = eventReader.flatMap { DateFinder.find(in: $0.sentence.text, defaultYear: year)?.date }
        if date == nil, let dateline = readout.dateline { date = DateFinder.find(in: dateline, defaultYear: year)?.date }
        if date == nil { date = readout.publishedOn }

        let names = participants.map(\.label)
        let kindName = type == .phoneCall ? "Phone call" : "Meeting"
        var label = names.isEmpty ? kindName : "\(kindName) between \(names.joined(separator: " and "))"
        if let date { label += ", \(date)" }
        let eventRef = EntityRef(label: label, kind: .event, iri: ParleyIRI.event(slug))

        var discourse = Discourse(table: table)
        discourse.participants = participants
        var facts: [Fact] = []

        // Participation, with the span from the first participant's title to the last name.
        var byReader: [Int: [Mention]] = [:]
        for (reader, mention) in participantMentions { byReader[reader.sentence.number, default: []].append(mention) }
        for (reader, mention) in participantMentions {
            guard let person = mention.entity else { continue }
            let all = byReader[reader.sentence.number] ?? [mention]
            let start = all.map { $0.role?.tokens.lowerBound ?? $0.tokens.lowerBound }.min() ?? mention.tokens.lowerBound
            let end = all.map(\.tokens.upperBound).max() ?? mention.tokens.upperBound
            facts.append(Fact(subject: person, predicate: "participatedIn", object: .entity(eventRef),
                              evidence: reader.text(start..<end), sentence: reader.sentence.number))
        }

        // Who asked for it.
        var initiator: EntityRef?
        for reader in body where initiator == nil {
            for frame in frames(in: reader) where frame.trigger.frame == .request || frame.trigger.frame == .requestLatter {
                let person: Mention?
                if frame.trigger.frame == .requestLatter {
                    person = persons(in: reader).last { $0.tokens.upperBound <= frame.index }
                } else {
                    person = persons(in: reader).first { $0.tokens.lowerBound >= frame.end }
                }
                guard let person, let entity = person.entity else { continue }
                initiator = entity
                let start = frames(in: reader).first { $0.trigger.frame == .phone || $0.trigger.frame == .meeting }?.index ?? frame.index
                let lower = min(start, frame.index, person.tokens.lowerBound)
                let upper = max(frame.end, person.tokens.upperBound)
                facts.append(Fact(subject: eventRef, predicate: "initiatedBy", object: .entity(entity),
                                  evidence: reader.text(hadPrefix(reader, lower)..<upper), sentence: reader.sentence.number))
                break
            }
        }

        // Roles and countries: the first place the text gives a participant's title.
        for person in participants {
            var found: (reader: SentenceReader, role: RoleMention)?
            for reader in ([title].compactMap { $0 } + body) where found == nil {
                if let mention = reader.mentions.first(where: { $0.entity == person && $0.role != nil }), let role = mention.role {
                    found = (reader, role)
                }
            }
            if let found {
                discourse.roles[person.label] = found.role.role
                let evidence = found.reader.text(found.role.tokens)
                facts.append(Fact(subject: person, predicate: "holdsRole", object: .literal(found.role.role),
                                  evidence: evidence, sentence: found.reader.sentence.number))
                let country = found.role.country ?? table.represents[person.label].flatMap { table.entity($0) }
                if let country {
                    facts.append(Fact(subject: person, predicate: "represents", object: .entity(country),
                                      evidence: evidence, sentence: found.reader.sentence.number))
                }
            } else if let countryLabel = table.represents[person.label], let country = table.entity(countryLabel),
                      let (reader, mention) = participantMentions.first(where: { $0.mention.entity == person }) {
                facts.append(Fact(subject: person, predicate: "represents", object: .entity(country),
                                  evidence: reader.text(mention.tokens), sentence: reader.sentence.number))
            }
        }
        for person in participants { discourse.noteMention(person) }

        let event = ExtractedEvent(entity: eventRef, type: type, date: date, participants: participants,
                                   initiator: initiator, sentence: eventReader?.sentence.number ?? 1)
        return (event, facts, discourse)
    }

    /// The evidence of "had a phone call with X at the latter's request" starts at the verb.
    private func hadPrefix(_ reader: SentenceReader, _ index: Int) -> Int {
        var start = index
        while start > 0, reader.tokens[start - 1].isWord, !reader.tokens[start - 1].isCapitalized,
              index - start < 2 { start -= 1 }
        return start
    }
}
