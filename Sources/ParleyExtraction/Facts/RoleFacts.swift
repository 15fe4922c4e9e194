/// Each participant's offices (`holdsRole`, "Foreign Minister of Oman": one fact per office the
/// text gives them, wherever it does) and the country or organisation they speak for
/// (`represents`, from the first phrase that names one: the event sentence, the headline, then
/// the body). A "counterpart" holds the office of the participant whose counterpart they are.
struct RoleFacts {
    let table: EntityTable

    func facts(for participants: [EntityRef], title: SentenceReader?, body: [SentenceReader],
               eventSentence: SentenceReader?, discourse: inout Discourse) -> [Fact] {
        var order: [SentenceReader] = []
        for reader in [eventSentence, title].compactMap({ $0 }) + body where !order.contains(where: { $0.sentence.number == reader.sentence.number }) {
            order.append(reader)
        }
        var stated: [EntityRef: [(reader: SentenceReader, role: RoleMention)]] = [:]
        for person in participants {
            for reader in order {
                for mention in reader.mentions where mention.entity == person {
                    if let role = mention.role { stated[person, default: []].append((reader, role)) }
                }
            }
        }
        func onlyCounterpart(_ person: EntityRef) -> Bool { stated[person]?.allSatisfy(\.role.isCounterpart) ?? false }
        var facts: [Fact] = []
        // Offices stated outright first, so that a counterpart can take them over.
        for person in participants.sorted(by: { (onlyCounterpart($0) ? 1 : 0) < (onlyCounterpart($1) ? 1 : 0) }) {
            let mentions = stated[person] ?? []
            let countryMention = mentions.first { $0.role.country != nil }
            let country = countryMention?.role.country ?? table.represents[person.label].flatMap { table.entity($0) }
            var seen = Set<String>()
            // A short form of an office stated in full is the same office ("Minister" in
            // "Foreign Minister"; "Secretary General" in "Secretary General of the … Ministry").
            let allRoles = mentions.flatMap(\.role.roles).map(Self.words)
            func isShortForm(_ role: String) -> Bool {
                let mine = Self.words(role)
                return allRoles.contains { $0.count > mine.count && mine.isSubset(of: $0) }
            }
            for (reader, mention) in mentions {
                var roles = mention.roles
                if mention.isCounterpart {
                    guard mentions.allSatisfy(\.role.isCounterpart) else { continue }
                    roles = participants.first { $0 != person && discourse.roles[$0.label] != nil }.flatMap { discourse.roles[$0.label] }.map { [$0] } ?? []
                }
                for role in roles where !isShortForm(role) && seen.insert(role.lowercased()).inserted {
                    if discourse.roles[person.label] == nil { discourse.roles[person.label] = role }
                    var text = role
                    // "Member of the Political Bureau …" names its body: no country after it.
                    if let country, !mention.namesCountry, !role.contains(country.label), !role.contains(" of the ") {
                        // "of the United States", "of the Philippines", as English writes them.
                        let definite = country.label.split(separator: " ").contains { table.lexicon.words.contains(.definiteCountryWord, $0.lowercased()) }
                        text += definite ? " of the \(country.label)" : " of \(country.label)"
                    }
                    facts.append(Fact(subject: person, predicate: "holdsRole", object: .literal(text),
                                      evidence: reader.text(mention.tokens), sentence: reader.sentence.number))
                }
            }
            guard let country else { continue }
            if let (reader, mention) = countryMention {
                facts.append(Fact(subject: person, predicate: "represents", object: .entity(country),
                                  evidence: reader.text(mention.tokens), sentence: reader.sentence.number))
            } else if let (reader, named) = order.lazy.compactMap({ r in r.mentions.first { $0.entity == person }.map { (r, $0) } }).first {
                facts.append(Fact(subject: person, predicate: "represents", object: .entity(country),
                                  evidence: reader.text(named.role?.tokens ?? named.tokens), sentence: reader.sentence.number))
            }
        }
        return facts
    }

    private static func words(_ role: String) -> Set<String> {
        Set(Tokenizer.tokens(role).filter(\.isWord).map(\.lower))
    }
}
