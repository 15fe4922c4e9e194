/// Each participant's offices (`holdsRole`, "Foreign Minister of Oman", one fact per office the
/// text gives) and the country or organisation they speak for (`represents`), from the first
/// place the text gives their title: the event sentence, then the headline, then the body. A
/// "counterpart" holds the office of the participant whose counterpart they are.
struct RoleFacts {
    let table: EntityTable

    func facts(for participants: [EntityRef], title: SentenceReader?, body: [SentenceReader],
               eventSentence: SentenceReader?, discourse: inout Discourse) -> [Fact] {
        var order: [SentenceReader] = []
        for reader in [eventSentence, title].compactMap({ $0 }) + body where !order.contains(where: { $0.sentence.number == reader.sentence.number }) {
            order.append(reader)
        }
        var found: [EntityRef: (reader: SentenceReader, role: RoleMention)] = [:]
        for person in participants {
            for reader in order where found[person] == nil {
                if let mention = reader.mentions.first(where: { $0.entity == person && $0.role != nil }), let role = mention.role {
                    found[person] = (reader, role)
                }
            }
        }
        var facts: [Fact] = []
        // Offices stated outright first, so that a counterpart can take them over.
        for person in participants.sorted(by: { (found[$0]?.role.isCounterpart ?? false ? 1 : 0) < (found[$1]?.role.isCounterpart ?? false ? 1 : 0) }) {
            guard let (reader, mention) = found[person] else {
                if let countryLabel = table.represents[person.label], let country = table.entity(countryLabel),
                   let (reader, named) = order.lazy.compactMap({ r in r.mentions.first { $0.entity == person }.map { (r, $0) } }).first {
                    facts.append(Fact(subject: person, predicate: "represents", object: .entity(country),
                                      evidence: reader.text(named.tokens), sentence: reader.sentence.number))
                }
                continue
            }
            var roles = mention.roles
            if mention.isCounterpart {
                roles = participants.first { $0 != person && discourse.roles[$0.label] != nil }.flatMap { discourse.roles[$0.label] }.map { [$0] } ?? []
            }
            let evidence = reader.text(mention.tokens)
            let country = mention.country ?? table.represents[person.label].flatMap { table.entity($0) }
            if let first = roles.first { discourse.roles[person.label] = first }
            for role in roles {
                var text = role
                if let country, !role.contains(country.label) { text += " of \(country.label)" }
                facts.append(Fact(subject: person, predicate: "holdsRole", object: .literal(text),
                                  evidence: evidence, sentence: reader.sentence.number))
            }
            if let country {
                facts.append(Fact(subject: person, predicate: "represents", object: .entity(country),
                                  evidence: evidence, sentence: reader.sentence.number))
            }
        }
        return facts
    }
}
