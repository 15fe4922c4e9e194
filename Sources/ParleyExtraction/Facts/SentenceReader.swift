/// One sentence being read: its tokens and mentions, the spans already used as objects, the
/// relative clauses whose names cannot be subjects, and the speaker it reports.
struct SentenceReader {
    let sentence: Sentence
    let tokens: [Token]
    var mentions: [Mention]
    /// Token ranges of relative clauses (", who …,").
    var masked: [Range<Int>] = []
    /// Token ranges already taken by a trigger and its object.
    var consumed: [Range<Int>] = []
    /// Token ranges of actions read as objects ("will continue to | support the talks").
    var actions: [Range<Int>] = []
    var speaker: [EntityRef] = []
    var speakerMention: Mention?

    init(sentence: Sentence, finder: MentionFinder, table: EntityTable) {
        self.sentence = sentence
        tokens = Tokenizer.tokens(sentence.text)
        mentions = finder.mentions(in: tokens, table: table)
        let relativePronouns = finder.lexicon.words.members(.relativePronoun)
        var i = 0
        while i + 1 < tokens.count {
            if tokens[i].text == ",", relativePronouns.contains(tokens[i + 1].lower) {
                var end = i + 2
                while end < tokens.count, tokens[end].text != "," { end += 1 }
                masked.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
    }

    /// The exact text of a token range.
    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.upperBound <= tokens.count else { return "" }
        return String(sentence.text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }

    func isMasked(_ index: Int) -> Bool { masked.contains { $0.contains(index) } }
    func isConsumed(_ index: Int) -> Bool { consumed.contains { $0.contains(index) } }
    func isInAction(_ index: Int) -> Bool { actions.contains { $0.contains(index) } }

    /// The mention covering a token, if any.
    func mention(at index: Int) -> Mention? { mentions.first { $0.tokens.contains(index) } }

    /// The mention that starts at `index`.
    func mention(startingAt index: Int) -> Mention? { mentions.first { $0.tokens.lowerBound == index } }
}
