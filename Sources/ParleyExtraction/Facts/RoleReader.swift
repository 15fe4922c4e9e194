/// Reads offices as the readouts write them: a role phrase of `roles.tsv` and what continues it
/// ("Minister of Foreign Affairs and International Cooperation", "director of the Office of the
/// Foreign Affairs Commission of the Communist Party of China (CPC) Central Committee"), several
/// joined by "and" ("State Councilor and Foreign Minister"), and a closing "of" + country
/// ("… of the Republic of Iraq"), which names the country instead of extending the office.
struct RoleReader {
    let roles: PhraseMatcher<RolePhrase>
    let grammar: NameGrammar

    init(lexicon: Lexicon) {
        roles = PhraseMatcher(lexicon.roles.map { ($0.phrase, $0) })
        grammar = lexicon.nameGrammar
    }

    /// The offices starting at `start`, where they end, the country an "of" names, and whether
    /// the office is "counterpart".
    struct Read {
        var roles: [String]
        var implied: String?
        var end: Int
        var country: EntityRef?
        var isCounterpart: Bool
    }

    func isCounterpart(_ token: Token) -> Bool { grammar.counterparts.contains(token.lower) }

    func read(_ tokens: [Token], at start: Int, table: EntityTable) -> Read? {
        if start < tokens.count, isCounterpart(tokens[start]) {
            return Read(roles: [], end: start + 1, isCounterpart: true)
        }
        var result = Read(roles: [], end: start, isCounterpart: false)
        var index = start
        while let head = roles.longest(in: tokens, at: index) {
            var end = head.end
            var country: EntityRef?
            tail: while end < tokens.count {
                let token = tokens[end]
                if token.text == "(", end + 2 < tokens.count, tokens[end + 2].text == ")", isAcronym(tokens[end + 1]) {
                    end += 3
                } else if ["of", "for"].contains(token.lower) {
                    if let named = countryPhrase(tokens, from: end + 1, table: table) {
                        if continuesOffice(tokens, at: named.end) {
                            end = named.end
                        } else {
                            country = named.entity
                            result.end = named.end
                            break tail
                        }
                    } else if let next = skipThe(tokens, end + 1), isOfficeWord(tokens[next]) {
                        end = next + 1
                    } else {
                        break tail
                    }
                } else if token.lower == "and", end + 1 < tokens.count, roles.longest(in: tokens, at: end + 1) == nil,
                          isOfficeWord(tokens[end + 1]) {
                    end += 2
                } else if isOfficeWord(token) {
                    end += 1
                } else {
                    break
                }
            }
            let asWritten = end == head.end ? head.payload.role : text(tokens, index..<end)
            result.roles.append(asWritten)
            if result.implied == nil { result.implied = head.payload.impliedCountry }
            if let country {
                result.country = country
                return result
            }
            result.end = end
            if end + 1 < tokens.count, tokens[end].lower == "and", roles.longest(in: tokens, at: end + 1) != nil {
                index = end + 1
                continue
            }
            break
        }
        return result.roles.isEmpty ? nil : result
    }

    /// "of the Republic of Iraq", "of the United States of America", "of Japan": a country
    /// or organisation, perhaps after "the" and a few office words, ending the phrase.
    func countryPhrase(_ tokens: [Token], from start: Int, table: EntityTable) -> (end: Int, entity: EntityRef)? {
        var index = start
        for _ in 0..<5 {
            guard index < tokens.count else { return nil }
            if let named = table.name(in: tokens, at: index, kinds: [.country, .organisation]) { return (named.end, named.entity) }
            let token = tokens[index]
            guard token.lower == "the" || token.lower == "of" || isOfficeWord(token) else { return nil }
            index += 1
        }
        return nil
    }

    /// A capitalised office word or an acronym ("CPC").
    func isOfficeWord(_ token: Token) -> Bool {
        token.isWord && token.isCapitalized && (grammar.officeWords.contains(token.lower) || isAcronym(token))
    }

    private func isAcronym(_ token: Token) -> Bool {
        token.isWord && token.text.count >= 2 && token.text.allSatisfy { $0.isUppercase }
    }

    private func continuesOffice(_ tokens: [Token], at index: Int) -> Bool {
        guard index < tokens.count else { return false }
        return tokens[index].text == "(" || isOfficeWord(tokens[index])
    }

    private func skipThe(_ tokens: [Token], _ index: Int) -> Int? {
        var i = index
        if i < tokens.count, tokens[i].lower == "the" { i += 1 }
        return i < tokens.count ? i : nil
    }

    func text(_ tokens: [Token], _ range: Range<Int>) -> String {
        guard !range.isEmpty, range.upperBound <= tokens.count else { return "" }
        var out = ""
        for index in range {
            let token = tokens[index]
            if index > range.lowerBound, token.range.lowerBound > tokens[index - 1].range.upperBound { out += " " }
            out += token.text
        }
        return out
    }
}
