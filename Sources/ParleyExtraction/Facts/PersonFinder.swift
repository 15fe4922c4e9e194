/// Finds the persons a readout names that the lexicon lacks, from the grammar of its sentences:
/// a name with its office in either order ("Sudanese Armed Forces (SAF) General Abdel Fattah
/// al-Burhan", "Mr. Fumio Kishida, Minister of Foreign Affairs of Japan"), and a name right
/// after the words of a call or meeting ("met with Laureano Ortega"). Longer names are added
/// first, so that "General Burhan" later is the same person. A single word is taken only from
/// the body: headlines capitalise their verbs ("… Receives Phone Call").
struct PersonFinder {
    let finder: MentionFinder
    let events: EventPhraseMatcher

    init(lexicon: Lexicon, finder: MentionFinder) {
        self.finder = finder
        events = EventPhraseMatcher(lexicon: lexicon)
    }

    /// A word that starts a known name, a role, or is a country's adjective or an acronym
    /// ("Ethiopian Prime Minister Abiy", "Pakistani FM"): not a bare name.
    private func isOfficeOrPlace(_ tokens: [Token], _ index: Int, table: EntityTable) -> Bool {
        let token = tokens[index]
        return table.name(in: tokens, at: index) != nil || finder.lexicon.entity(forDemonym: token.text) != nil
            || finder.persons.roles.roles.longest(in: tokens, at: index) != nil
            || (token.text.count >= 2 && token.text.allSatisfy { $0.isUppercase || $0 == "." })
    }

    func addPersons(in sentences: [Sentence], to table: inout EntityTable) {
        var found: [(words: [String], country: String?)] = []
        for sentence in sentences {
            let tokens = Tokenizer.tokens(sentence.text)
            let isTitle = sentence.kind == .title
            func take(_ run: NameRun, country: String?) {
                guard run.words.count >= 2 || !isTitle else { return }
                found.append((run.words, country))
            }
            var index = 0
            while index < tokens.count {
                if tokens[index].isWord, let phrase = finder.personPhrase(in: tokens, at: index, table: table) {
                    if phrase.known == nil { take(phrase.name, country: phrase.role.country?.label) }
                    index = max(index + 1, phrase.name.range.upperBound)
                    continue
                }
                index += 1
            }
            // The name after "met with", "a phone call from".
            for phrase in events.find(in: tokens, kinds: [.phone, .meeting, .talks, .request]) {
                var start = phrase.range.upperBound
                if start < tokens.count, tokens[start].lower == "with" || tokens[start].lower == "from" { start += 1 }
                guard let run = finder.persons.names.name(in: tokens, at: start), run.words.count >= 2,
                      !run.range.contains(where: { isOfficeOrPlace(tokens, $0, table: table) }) else { continue }
                found.append((run.words, nil))
            }
        }
        for name in found.sorted(by: { $0.words.count > $1.words.count }) {
            let label = name.words.joined(separator: " ")
            let tokens = Tokenizer.tokens(label)
            if let known = table.name(in: tokens, at: 0, kinds: [.person]), known.end == tokens.count { continue }
            if name.words.count == 1, table.name(in: tokens, at: 0) != nil { continue }
            table.addPerson(label: label, represents: name.country, particles: finder.lexicon.nameGrammar.particles)
        }
    }
}
