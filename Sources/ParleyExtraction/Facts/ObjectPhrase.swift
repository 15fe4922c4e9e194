/// Where an object phrase ends and what entity it names. The phrase runs from just after its
/// trigger to the first of: the sentence end, a phrase end from the lexicon ("as soon as
/// possible", ", especially"), a comma before a capital, "and" before another trigger or
/// speech verb, or sixteen words.
struct ObjectPhrase {
    let ends: [[String]]
    /// Trigger phrases and speech verbs: "and" before one starts a new clause.
    let continuations: PhraseMatcher<Bool>
    static let maximumWords = 16

    init(lexicon: Lexicon) {
        ends = lexicon.phraseEnds.map { Tokenizer.tokens($0).map(\.lower) }.filter { !$0.isEmpty }
        let stances = lexicon.triggers.filter { $0.frame != .phone && $0.frame != .meeting }.map { ($0.phrase, true) }
        continuations = PhraseMatcher(stances + lexicon.speechVerbs.map { ($0, true) })
    }

    /// The exclusive end of the phrase that starts at `start`.
    func end(in tokens: [Token], from start: Int, stopAt extra: Set<String> = []) -> Int {
        var index = start
        var words = 0
        while index < tokens.count {
            let token = tokens[index]
            if index > start {
                if extra.contains(token.lower) { break }
                if ends.contains(where: { matches($0, tokens, index) }) { break }
                if token.text == ",", index + 1 < tokens.count, tokens[index + 1].isCapitalized { break }
                if token.lower == "and", continuations.longest(in: tokens, at: index + 1) != nil { break }
                if token.lower == "and", index + 2 < tokens.count, ["also", "firmly", "further"].contains(tokens[index + 1].lower),
                   continuations.longest(in: tokens, at: index + 2) != nil { break }
            }
            if token.isWord { words += 1 }
            if words > Self.maximumWords { break }
            index += 1
        }
        while index > start, !tokens[index - 1].isWord, !"”\")’".contains(tokens[index - 1].text) { index -= 1 }
        return index
    }

    private func matches(_ words: [String], _ tokens: [Token], _ at: Int) -> Bool {
        guard at + words.count <= tokens.count else { return false }
        for (offset, word) in words.enumerated() where tokens[at + offset].lower != word { return false }
        return true
    }

    /// The range without leading determiners ("the", "a", "to").
    static func trimmed(_ range: Range<Int>, _ tokens: [Token]) -> Range<Int> {
        var start = range.lowerBound
        while start < range.upperBound - 1, determiners.contains(tokens[start].lower) { start += 1 }
        return start..<range.upperBound
    }
}
