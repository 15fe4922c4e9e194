/// A person's name as written: honorifics before it dropped ("Dr", "H.E.", "The Honorable"),
/// middle initials dropped ("Antony J. Blinken" → "Antony Blinken"), lower-case particles and
/// "al-" forms kept ("Mohammed bin Abdulrahman Al-Thani", "Abdel Fattah al-Burhan"). A name
/// never holds an office word ("Council"), a day or month, or the first word of an event phrase.
struct NameRun {
    /// The tokens from the first name word to the last (initials inside included).
    var range: Range<Int>
    /// The name's words without initials; the last without a possessive ending.
    var words: [String]
    /// Whether honorifics came before it.
    var hadHonorific: Bool

    var label: String { words.joined(separator: " ") }
}

/// Reads names with the words of `participants.tsv`, `events.tsv` and the month names.
struct NameReader {
    let grammar: NameGrammar
    let honorifics: [[String]]
    /// Lower-case words that end a name: weekdays, months, event words, speech verbs.
    let stops: Set<String>

    init(lexicon: Lexicon) {
        grammar = lexicon.nameGrammar
        honorifics = lexicon.nameGrammar.honorifics.map { Tokenizer.tokens($0).map(\.text) }.sorted { $0.count > $1.count }
        var stops = Set(DateFinder.months.keys)
        for entry in lexicon.eventPhrases.entries {
            switch entry.kind {
            case .weekday, .relativeDay: stops.insert(entry.phrase.lowercased())
            case .phone, .meeting, .talks:
                if let first = Tokenizer.tokens(entry.phrase).first { stops.insert(first.lower) }
            default: break
            }
        }
        for trigger in lexicon.triggers where trigger.frame == .phone || trigger.frame == .meeting {
            if let first = Tokenizer.tokens(trigger.phrase).first { stops.insert(first.lower) }
        }
        stops.formUnion(lexicon.speechVerbs.map { $0.lowercased() })
        self.stops = stops
    }

    /// The honorifics starting at `start`; returns where the name may begin.
    func skipHonorifics(_ tokens: [Token], from start: Int) -> Int {
        var index = start
        var progressed = true
        while progressed {
            progressed = false
            for words in honorifics where index + words.count <= tokens.count {
                if zip(words, tokens[index..<(index + words.count)]).allSatisfy({ $0 == $1.text }) {
                    index += words.count
                    progressed = true
                    break
                }
            }
        }
        return index
    }

    /// Whether a word can be part of a name.
    func isNameWord(_ token: Token) -> Bool {
        guard token.isWord, !stops.contains(token.lower), !grammar.officeWords.contains(token.lower) else { return false }
        if token.isCapitalized { return true }
        // "al-Burhan": a particle joined by a hyphen to a capitalised word.
        if let hyphen = token.text.firstIndex(of: "-"), grammar.particles.contains(String(token.text[..<hyphen]).lowercased()),
           token.text[token.text.index(after: hyphen)...].first?.isUppercase == true { return true }
        return false
    }

    /// The name at `start` (after any honorifics), at most six words.
    func name(in tokens: [Token], at start: Int) -> NameRun? {
        let first = skipHonorifics(tokens, from: start)
        var index = first
        var words: [String] = []
        var last = first
        while index < tokens.count, words.count < 6 {
            let token = tokens[index]
            if token.isWord, token.text.count == 2, token.text.hasSuffix("."), token.isCapitalized, !words.isEmpty || index + 1 < tokens.count {
                index += 1 // an initial
                continue
            }
            if grammar.particles.contains(token.lower), !token.isCapitalized, !words.isEmpty,
               index + 1 < tokens.count, isNameWord(tokens[index + 1]) {
                words.append(token.text)
                index += 1
                continue
            }
            guard isNameWord(token) else { break }
            words.append(token.base)
            index += 1
            last = index
            if token.isPossessive { break }
        }
        guard !words.isEmpty, last > first else { return nil }
        // A name does not start with an initial or end with a particle.
        return NameRun(range: first..<last, words: words, hadHonorific: first > start)
    }
}
