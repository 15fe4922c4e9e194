/// Finds the entities a sentence names and the words that refer to them: a person with their
/// office ("Omani Foreign Minister Sayyid Badr Albusaidi", "Dr Fuad Hussein, Deputy Prime
/// Minister …"; persons found in the readout included), reference
/// words ("he", "the two sides", "the Secretary"), "the German side", and lexicon names.
struct MentionFinder {
    let lexicon: Lexicon
    let references: PhraseMatcher<ReferenceTarget>
    let triggerStarts: Set<String>
    let persons: PersonPhraseReader
    /// Office words, case-insensitively ("the Chinese president").
    let roles: PhraseMatcher<Bool>

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        roles = PhraseMatcher(lexicon.roles.map { ($0.phrase, true) })
        persons = PersonPhraseReader(lexicon: lexicon)
        references = PhraseMatcher(lexicon.references.map { ($0.phrase, $0.target) })
        triggerStarts = Set(lexicon.triggers.compactMap { Tokenizer.tokens($0.phrase).first?.lower })
    }

    /// A person named with their office at `start` ("Omani Foreign Minister Sayyid Badr
    /// Albusaidi", "Dr Fuad Hussein, Deputy Prime Minister …"), also one the lexicon lacks.
    func personPhrase(in tokens: [Token], at start: Int, table: EntityTable) -> PersonPhrase? {
        persons.phrase(tokens, at: start, table: table)
    }

    func mentions(in tokens: [Token], table: EntityTable) -> [Mention] {
        var result: [Mention] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isWord else { i += 1; continue }
            if let found = personPhrase(in: tokens, at: i, table: table),
               let entity = found.known ?? table.entity(found.name.label), entity.kind == .person {
                result.append(Mention(tokens: found.name.range, target: .entity(entity), role: found.role))
                i = found.end
                continue
            }
            if let reference = references.longest(in: tokens, at: i), referenceFits(tokens, i, reference.end) {
                result.append(Mention(tokens: i..<reference.end, target: .reference(reference.payload)))
                i = reference.end
                continue
            }
            // "the Chinese president", "the Egyptian minister": whoever speaks for that country.
            if tokens[i].lower == "the", i + 2 < tokens.count, let country = lexicon.entity(forDemonym: tokens[i + 1].text),
               country.kind == .country, let role = roles.longest(in: tokens, at: i + 2) {
                result.append(Mention(tokens: i..<role.end, target: .reference(.representative(country.label))))
                i = role.end
                continue
            }
            if tokens[i].lower == "the", i + 2 < tokens.count, lexicon.words.contains(.sideNoun, tokens[i + 2].lower),
               let country = lexicon.entity(forDemonym: tokens[i + 1].text), let ref = table.entity(country.label) {
                result.append(Mention(tokens: i..<(i + 3), target: .entity(ref)))
                i += 3
                continue
            }
            if let named = table.name(in: tokens, at: i) {
                // "the UN Security Council" is the Council, not "the UN".
                if let longer = table.name(in: tokens, at: i + 1), longer.end > named.end {
                    i += 1
                    continue
                }
                result.append(Mention(tokens: i..<named.end, target: .entity(named.entity)))
                i = named.end
                continue
            }
            i += 1
        }
        return result
    }

    /// "he" must be a whole word; "the two" refers to persons only before a verb ("The two discussed").
    private func referenceFits(_ tokens: [Token], _ start: Int, _ end: Int) -> Bool {
        guard let last = tokens[end - 1].lower.last, last.isNumber || lexicon.words.contains(.groupNumber, tokens[end - 1].lower) else { return true }
        guard end < tokens.count else { return false }
        let next = tokens[end].lower
        return triggerStarts.contains(next) || next.hasSuffix("ed") || lexicon.speechVerbs.contains(next)
    }
}
