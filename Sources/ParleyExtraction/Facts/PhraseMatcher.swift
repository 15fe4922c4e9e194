/// Matches lexicon phrases against the tokens of a sentence: words compare ignoring case (and
/// curly versus straight apostrophes), "*" stands for one to eight words, and a match never
/// crosses punctuation the phrase does not contain.
struct PhraseMatcher<Payload> {
    private var byFirstWord: [String: [(words: [String], payload: Payload)]] = [:]

    init(_ entries: [(phrase: String, payload: Payload)]) {
        for entry in entries {
            let words = Tokenizer.tokens(entry.phrase).map(\.lower)
            guard let first = words.first, first != "*" else { continue }
            byFirstWord[first, default: []].append((words, entry.payload))
        }
        for key in byFirstWord.keys {
            byFirstWord[key]?.sort { $0.words.count > $1.words.count }
        }
    }

    /// Every phrase that matches at `start`, longest first, with the end of its match.
    func matches(in tokens: [Token], at start: Int) -> [(end: Int, payload: Payload)] {
        guard start < tokens.count, let candidates = byFirstWord[tokens[start].lower] else { return [] }
        var result: [(Int, Payload)] = []
        for candidate in candidates {
            if let end = Self.match(candidate.words[...], tokens, start) { result.append((end, candidate.payload)) }
        }
        return result.sorted { $0.0 > $1.0 }
    }

    /// The longest match at `start`.
    func longest(in tokens: [Token], at start: Int) -> (end: Int, payload: Payload)? {
        matches(in: tokens, at: start).first
    }

    private static func match(_ words: ArraySlice<String>, _ tokens: [Token], _ position: Int) -> Int? {
        guard let word = words.first else { return position }
        if word == "*" {
            var end = position
            for _ in 0..<8 {
                guard end < tokens.count, tokens[end].isWord else { return nil }
                end += 1
                if let found = match(words.dropFirst(), tokens, end) { return found }
            }
            return nil
        }
        guard position < tokens.count, tokens[position].lower == word else { return nil }
        return match(words.dropFirst(), tokens, position + 1)
    }
}
