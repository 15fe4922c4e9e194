/// What a speaker refers to by name without taking a stance on it (`pv:mentions`): third persons
/// ("Russian President Vladimir Putin sent a message") and named documents, plans and events
/// ("the Cessation of Hostilities Agreement", "the 20th CPC National Congress"). A named thing
/// is a run of capitalised words (with "of", "the", "in" … inside, from the `name-inner` word
/// class) that holds a `document-head` word; a run that is only a known actor is not one.
struct MentionedThings {
    let words: WordClasses

    /// The token ranges of named documents, plans and events in a sentence.
    func namedThings(in reader: SentenceReader) -> [Range<Int>] {
        let tokens = reader.tokens
        var result: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            guard startsName(tokens, index) else { index += 1; continue }
            var end = index + 1
            while end < tokens.count {
                if startsName(tokens, end) { end += 1; continue }
                // Inner small words only when a capitalised word follows them.
                var inner = end
                while inner < tokens.count, tokens[inner].isWord, words.contains(.nameInner, tokens[inner].lower) { inner += 1 }
                if inner > end, inner < tokens.count, startsName(tokens, inner) { end = inner + 1; continue }
                break
            }
            let range = index..<end
            index = end
            let capitals = tokens[range].filter { $0.isCapitalized }.count
            guard capitals >= 2 || (range.count >= 2 && tokens[range.lowerBound].text.first?.isNumber == true),
                  tokens[range].contains(where: { words.contains(.documentHead, $0.base.lowercased()) }) else { continue }
            // A known actor's name alone is not a document.
            if let mention = reader.mention(startingAt: range.lowerBound), mention.tokens == range, mention.entity?.kind.isActor == true { continue }
            result.append(range)
        }
        return result
    }

    /// Whether a token can be part of a name: capitalised, or a number such as "20th", "G7".
    private func startsName(_ tokens: [Token], _ index: Int) -> Bool {
        let token = tokens[index]
        guard token.isWord else { return false }
        if token.isCapitalized { return !words.contains(.determiner, token.lower) }
        return token.text.first?.isNumber == true && token.text.count <= 5
    }
}
