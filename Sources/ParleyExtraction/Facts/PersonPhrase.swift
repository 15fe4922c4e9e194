/// A person named with their office, in either order:
/// - office first: "[his] [Omani | Oman's | US] [Armed Forces (SAF)] Foreign Minister [and …]
///   [,] [H.E.] Sayyid Badr Albusaidi [of Oman]";
/// - name first: "[Dr] Fuad Hussein, [also] [a] Deputy Prime Minister and Minister of Foreign
///   Affairs of the Republic of Iraq".
struct PersonPhrase {
    var name: NameRun
    var role: RoleMention
    /// Where reading goes on after the phrase.
    var end: Int
    /// The person, when the table knows the name.
    var known: EntityRef?
}

/// Finds person phrases with the role and name readers.
struct PersonPhraseReader {
    let lexicon: Lexicon
    let names: NameReader
    let roles: RoleReader

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        names = NameReader(lexicon: lexicon)
        roles = RoleReader(lexicon: lexicon)
    }

    /// The person known by this name, if the table has one that covers it.
    func known(_ run: NameRun, in tokens: [Token], table: EntityTable) -> EntityRef? {
        if let named = table.name(in: tokens, at: run.range.lowerBound, kinds: [.person]), named.end >= run.range.upperBound {
            return named.entity
        }
        if let whole = table.entity(run.label), whole.kind == .person { return whole }
        // "Secretary Blinken": the last word may be a known surname.
        if run.words.count == 1 { return table.name(in: tokens, at: run.range.lowerBound, kinds: [.person])?.entity }
        return nil
    }

    /// The office-first phrase starting at `start`.
    func officeFirst(_ tokens: [Token], at start: Int, table: EntityTable) -> PersonPhrase? {
        var index = names.skipHonorifics(tokens, from: start)
        if index < tokens.count, lexicon.words.contains(.possessivePronoun, tokens[index].lower) { index += 1 }
        // The country: an adjective, a name (possessive or not), perhaps with an office ("Foreign Ministry", "Armed Forces (SAF)").
        var country: EntityRef?
        var body: (text: String, entity: EntityRef?)?
        if index < tokens.count, tokens[index].isWord, tokens[index].isCapitalized {
            let countryStart = index
            if let entity = lexicon.entity(forDemonym: tokens[index].text), entity.kind == .country || entity.kind == .organisation {
                country = table.entity(entity.label)
                index += 1
            } else if let named = table.name(in: tokens, at: index, kinds: [.country, .organisation]) {
                country = named.entity
                index = named.end
            }
            if country != nil {
                // An office of that country before the role: "French Foreign Ministry Secretary General".
                var end = index
                while end < tokens.count, roles.isOfficeWord(tokens[end]), roles.roles.longest(in: tokens, at: end) == nil { end += 1 }
                if end > index {
                    let officeEnd = end
                    if end + 2 < tokens.count, tokens[end].text == "(", tokens[end + 2].text == ")" { end += 3 }
                    if roles.roles.longest(in: tokens, at: end) != nil {
                        let text = roles.text(tokens, countryStart..<officeEnd)
                        let named = table.name(in: tokens, at: countryStart, kinds: [.organisation]).flatMap { $0.end == officeEnd ? $0.entity : nil }
                        body = (text, named)
                        index = end
                    }
                }
            }
        }
        guard index < tokens.count else { return nil }
        // Titles are capitalised, except after a country ("US secretary of state", "Egyptian counterpart").
        guard tokens[index].isCapitalized || country != nil || (index > start && lexicon.words.contains(.possessivePronoun, tokens[index - 1].lower)) else { return nil }
        guard let read = roles.read(tokens, at: index, table: table) else { return nil }
        var after = read.end
        if after < tokens.count, tokens[after].text == ",", read.isCounterpart { after += 1 }
        guard let run = names.name(in: tokens, at: after) else { return nil }
        var end = run.range.upperBound
        var named = read.country ?? country
        if end + 1 < tokens.count, tokens[end].lower == "of", let place = roles.countryPhrase(tokens, from: end + 1, table: table) {
            named = named ?? place.entity
            end = place.end
        }
        var recorded = read.roles
        var namesCountry = false
        if let body {
            recorded = recorded.map { "\($0) of the \(body.text)" }
            namesCountry = true
            if let organisation = body.entity { named = organisation }
        }
        let implied = named ?? read.implied.flatMap { table.entity($0) }
        var role = RoleMention(roles: recorded, country: implied, tokens: start..<end, isCounterpart: read.isCounterpart)
        role.namesCountry = namesCountry
        return PersonPhrase(name: run, role: role, end: end, known: known(run, in: tokens, table: table))
    }

    /// The name-first phrase starting at `start`: a name, a comma, then an office.
    func nameFirst(_ tokens: [Token], at start: Int, table: EntityTable) -> PersonPhrase? {
        guard let run = names.name(in: tokens, at: start) else { return nil }
        var index = run.range.upperBound
        guard index + 1 < tokens.count, tokens[index].text == ",", !tokens[run.range.upperBound - 1].isPossessive else { return nil }
        index += 1
        while index < tokens.count, lexicon.nameGrammar.appositionOpeners.contains(tokens[index].lower) { index += 1 }
        var country: EntityRef?
        if index < tokens.count, let entity = lexicon.entity(forDemonym: tokens[index].text), entity.kind == .country {
            country = table.entity(entity.label)
            index += 1
        }
        guard let read = roles.read(tokens, at: index, table: table), !read.isCounterpart else { return nil }
        let named = read.country ?? country ?? read.implied.flatMap { table.entity($0) }
        let role = RoleMention(roles: read.roles, country: named, tokens: run.range.lowerBound..<read.end)
        return PersonPhrase(name: run, role: role, end: read.end, known: known(run, in: tokens, table: table))
    }

    /// Either phrase at `start`, office first preferred.
    func phrase(_ tokens: [Token], at start: Int, table: EntityTable) -> PersonPhrase? {
        officeFirst(tokens, at: start, table: table) ?? nameFirst(tokens, at: start, table: table)
    }
}
