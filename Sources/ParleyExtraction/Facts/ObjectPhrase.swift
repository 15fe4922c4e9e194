/// Where an object phrase ends and what entity it names. The phrase runs from just after its
/// trigger to the first of: the sentence end, a phrase end from the lexicon ("as soon as
/// possible", ", especially"), a comma before a capital or a word that opens a clause, "and"
/// before another trigger or speech verb, or sixteen words; it is then cut back so that it never
/// ends inside a phrase ("the Code of" → "the Code"; "attack on the" → "attack").
struct ObjectPhrase {
    let wordClasses: WordClasses
    let ends: [[String]]
    let leads: [[String]]
    let copulas: [[String]]
    /// Trigger phrases and speech verbs: "and" before one starts a new clause.
    let continuations: PhraseMatcher<Bool>
    static let maximumWords = 16
    /// A list (of topics or actions) is split into items afterwards, each short: it may run longer.
    static let maximumListWords = 28
    /// After this many words any comma ends the phrase: analysts keep objects short.
    static let wordsBeforeAnyComma = 6

    init(lexicon: Lexicon) {
        wordClasses = lexicon.words
        ends = lexicon.phraseEnds.map { Tokenizer.tokens($0).map(\.lower) }.filter { !$0.isEmpty }
        leads = lexicon.phraseLeads.map { Tokenizer.tokens($0).map(\.lower) }.filter { !$0.isEmpty }
        copulas = lexicon.copulas.map { Tokenizer.tokens($0).map(\.lower) }.filter { !$0.isEmpty }
        let stances = lexicon.triggers.filter { $0.frame != .phone && $0.frame != .meeting }.map { ($0.phrase, true) }
        continuations = PhraseMatcher(stances + lexicon.speechVerbs.map { ($0, true) })
    }

    /// The exclusive end of the phrase that starts at `start`.
    /// `list: true` reads a list of actions or topics: a comma after six words goes on when
    /// a word that does not open a clause follows it ("implement the consensus, strengthen …").
    func end(in tokens: [Token], from start: Int, stopAt extra: Set<String> = [], list: Bool = false) -> Int {
        var index = start
        var words = 0
        while index < tokens.count {
            let token = tokens[index]
            if index > start {
                if extra.contains(token.lower) { break }
                if ends.contains(where: { matches($0, tokens, index) }) { break }
                if token.text == ",", index + 1 < tokens.count,
                   (words >= Self.wordsBeforeAnyComma && !list && !isModifierList(tokens, after: index)) || tokens[index + 1].isCapitalized
                    || wordClasses.contains(.commaBreak, tokens[index + 1].lower) { break }
                if [";", ":", "("].contains(token.text) { break }
                if token.lower == "and", continuations.longest(in: tokens, at: index + 1) != nil { break }
                if token.lower == "and", let gap = wordClasses.match(.subjectGap, in: tokens, at: index + 1),
                   continuations.longest(in: tokens, at: index + 1 + gap) != nil { break }
            }
            if token.isWord { words += 1 }
            if words > (list ? Self.maximumListWords : Self.maximumWords) { break }
            index += 1
        }
        return untailed(start..<index, tokens).upperBound
    }

    /// The range without trailing punctuation and function words, so that it never ends inside a
    /// phrase ("the Code of" → "the Code"); at least one token stays.
    func untailed(_ range: Range<Int>, _ tokens: [Token]) -> Range<Int> {
        var index = range.upperBound
        while index > range.lowerBound + 1 {
            let last = tokens[index - 1]
            if !last.isWord, !"”\")’".contains(last.text) { index -= 1; continue }
            if last.isWord, wordClasses.contains(.phraseTail, last.lower) { index -= 1; continue }
            break
        }
        return range.lowerBound..<index
    }

    private func matches(_ words: [String], _ tokens: [Token], _ at: Int) -> Bool {
        guard at + words.count <= tokens.count else { return false }
        for (offset, word) in words.enumerated() where tokens[at + offset].lower != word { return false }
        return true
    }

    /// A stance object as a noun phrase: without an opening verb that does not name the thing
    /// ("achieve an immediate cease-fire in Gaza" → "immediate cease-fire in Gaza") and, for a
    /// clause, its subject only ("the situation in Gaza is deteriorating" → "situation in Gaza").
    /// `clause: false` only drops the opening verb (for actions: "achieve a ceasefire").
    func nounPhrase(_ range: Range<Int>, _ tokens: [Token], clause: Bool = true) -> Range<Int> {
        var start = trimmed(range, tokens).lowerBound
        if let lead = leads.first(where: { matches($0, tokens, start) }), start + lead.count < range.upperBound {
            start += lead.count
        }
        var trimmedRange = trimmed(start..<range.upperBound, tokens)
        guard clause else { return trimmedRange }
        var index = trimmedRange.lowerBound + 1
        while index < trimmedRange.upperBound {
            if copulas.contains(where: { matches($0, tokens, index) }) {
                trimmedRange = trimmedRange.lowerBound..<index
                break
            }
            index += 1
        }
        return trimmedRange
    }

    /// Whether the comma at `comma` sits in a list of modifiers ("a more authoritative, broader
    /// and more effective conference"): one or two words, then "and" or another comma.
    private func isModifierList(_ tokens: [Token], after comma: Int) -> Bool {
        for offset in 2...3 where comma + offset < tokens.count {
            let token = tokens[comma + offset]
            if token.lower == "and" || token.text == "," { return tokens[(comma + 1)..<(comma + offset)].allSatisfy { $0.isWord && !$0.isCapitalized } }
        }
        return false
    }

    /// Splits `range` at the separators `cut` finds: `cut(index)` returns how many tokens the
    /// separator at `index` takes (0 for none). Returns the parts between separators.
    private func split(_ range: Range<Int>, _ cut: (Int) -> Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            let length = cut(index)
            guard length > 0 else { index += 1; continue }
            if index > start { parts.append(start..<index) }
            start = index + length
            index += length
        }
        if start < range.upperBound { parts.append(start..<range.upperBound) }
        return parts
    }

    /// A phrase of coordinated actions split into one range per action: at commas, and at "and"
    /// before a verb, which is recognised by its shape: a lower-case word that is not a
    /// determiner or an adjective, followed by a determiner ("and achieve a settlement").
    func actions(_ range: Range<Int>, _ tokens: [Token]) -> [Range<Int>] {
        let parts = split(range) { index in
            let token = tokens[index]
            if token.text == "," {
                if isModifierList(tokens, after: index) { return 0 }
                return index + 1 < range.upperBound && tokens[index + 1].lower == "and" ? 2 : 1
            }
            guard token.lower == "and", index + 2 < range.upperBound else { return 0 }
            let verb = tokens[index + 1], next = tokens[index + 2]
            let isVerb = verb.isWord && !verb.isCapitalized && !wordClasses.contains(.determiner, verb.lower)
                && !wordClasses.members(.listAdjectiveSuffix).contains(where: { verb.lower.hasSuffix($0) })
            return isVerb && (wordClasses.contains(.determiner, next.lower) || wordClasses.contains(.article, next.lower)) ? 1 : 0
        }
        let whole = parts.filter { tokens[$0].filter(\.isWord).count >= 2 }
        return whole.isEmpty ? [range] : whole
    }

    /// A list of names ("the Belt and Road Initiative, the Global Development Initiative and the
    /// Global Security Initiative") split into one range per name; any other phrase whole. An
    /// item is a name when its first word after determiners and its last word are capitalised.
    /// Commas separate, and "and" before an article ("Belt and Road" is one name).
    func namedItems(_ range: Range<Int>, _ tokens: [Token]) -> [Range<Int>] {
        let parts = split(range) { index in
            let token = tokens[index]
            guard token.text == "," || (token.lower == "and" && index + 1 < range.upperBound
                                        && wordClasses.contains(.article, tokens[index + 1].lower)) else { return 0 }
            var next = index + 1
            while next < range.upperBound, tokens[next].lower == "and" || wordClasses.contains(.article, tokens[next].lower) { next += 1 }
            return index > range.lowerBound && tokens[index - 1].isCapitalized && next < range.upperBound && tokens[next].isCapitalized ? 1 : 0
        }
        guard parts.count > 1 else { return [range] }
        // Each item is its run of capitalised words ("the Global Security Initiative | proposed by China").
        let trimmedParts = parts.map { part -> Range<Int> in
            let start = trimmed(part, tokens).lowerBound
            var end = start
            while end < part.upperBound, tokens[end].isCapitalized || (end > start && wordClasses.contains(.nameInner, tokens[end].lower)
                                                                        && end + 1 < part.upperBound && tokens[end + 1].isCapitalized) {
                end += 1
            }
            return end > start ? start..<end : start..<part.upperBound
        }.filter { !$0.isEmpty }
        let isName = { (part: Range<Int>) -> Bool in
            tokens[part.lowerBound].isCapitalized && tokens[part.upperBound - 1].isCapitalized && tokens[part].filter(\.isWord).count >= 2
        }
        return trimmedParts.allSatisfy(isName) ? trimmedParts : [range]
    }

    /// The range without leading determiners ("the", "a", "to").
    func trimmed(_ range: Range<Int>, _ tokens: [Token]) -> Range<Int> {
        var start = range.lowerBound
        while start < range.upperBound - 1, wordClasses.contains(.determiner, tokens[start].lower) { start += 1 }
        return start..<range.upperBound
    }
}
