/// Finds the entities a sentence names and the words that refer to them: a role before a name
/// ("Omani Foreign Minister Sayyid Badr Albusaidi", also for names the lexicon lacks), reference
/// words ("he", "the two sides", "the Secretary"), "the German side", and lexicon names.
struct MentionFinder {
    let lexicon: Lexicon
    let roles: PhraseMatcher<RolePhrase>
    let references: PhraseMatcher<ReferenceTarget>
    let triggerStarts: Set<String>

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        roles = PhraseMatcher(lexicon.roles.map { ($0.phrase, $0) })
        references = PhraseMatcher(lexicon.references.map { ($0.phrase, $0.target) })
        triggerStarts = Set(lexicon.triggers.compactMap { Tokenizer.tokens($0.phrase).first?.lower })
    }

    /// A person named after a role, starting at `start`: the role, the country, the name's tokens.
    func roleName(in tokens: [Token], at start: Int, table: EntityTable) -> (name: Range<Int>, label: String, role: RoleMention, known: EntityRef?)? {
        var country: EntityRef?
        var roleStart = start
        if tokens[start].isWord, tokens[start].isCapitalized {
            if let entity = lexicon.entity(forDemonym: tokens[start].text), entity.kind == .country || entity.kind == .organisation {
                country = table.entity(entity.label)
                roleStart = start + 1
            } else if let named = table.name(in: tokens, at: start, kinds: [.country]), !tokens[named.end - 1].isPossessive {
                country = named.entity
                roleStart = named.end
            }
        }
        guard roleStart < tokens.count, let role = roles.longest(in: tokens, at: roleStart) else { return nil }
        // Roles are titles: capitalised in the text, except after a country ("US secretary of state").
        guard tokens[roleStart].isCapitalized || country != nil else { return nil }
        var end = role.end
        var words: [String] = []
        while end < tokens.count, end - role.end < 5 {
            let token = tokens[end]
            guard token.isWord, token.isCapitalized, !lexicon.speechVerbs.contains(token.lower) else { break }
            if token.text.hasSuffix("."), token.text.count == 2 {
                end += 1
                continue
            }
            words.append(token.base)
            end += 1
            if token.isPossessive { break }
        }
        guard !words.isEmpty else { return nil }
        let name = role.end..<end
        let label = words.joined(separator: " ")
        let known = table.name(in: tokens, at: role.end, kinds: [.person]).flatMap { $0.end == end ? $0.entity : nil }
            ?? (words.count == 1 ? table.name(in: tokens, at: name.lowerBound, kinds: [.person])?.entity : nil)
            ?? table.entity(label)
        let mention = RoleMention(roles: [role.payload.role],
                                  country: country ?? role.payload.impliedCountry.flatMap { table.entity($0) },
                                  tokens: start..<end)
        return (name, label, mention, known)
    }

    func mentions(in tokens: [Token], table: EntityTable) -> [Mention] {
        var result: [Mention] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isWord else { i += 1; continue }
            if let found = roleName(in: tokens, at: i, table: table) {
                let entity = found.known ?? table.entity(found.label) ?? EntityRef(label: found.label, kind: .person)
                result.append(Mention(tokens: found.name, target: .entity(entity), role: found.role))
                i = found.name.upperBound
                continue
            }
            if let reference = references.longest(in: tokens, at: i), referenceFits(tokens, i, reference.end) {
                result.append(Mention(tokens: i..<reference.end, target: .reference(reference.payload)))
                i = reference.end
                continue
            }
            if tokens[i].lower == "the", i + 2 < tokens.count, tokens[i + 2].lower == "side" || tokens[i + 2].lower == "government",
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
        guard let last = tokens[end - 1].lower.last, last.isNumber || ["two", "both"].contains(tokens[end - 1].lower) else { return true }
        guard end < tokens.count else { return false }
        let next = tokens[end].lower
        return triggerStarts.contains(next) || next.hasSuffix("ed") || lexicon.speechVerbs.contains(next)
    }
}
