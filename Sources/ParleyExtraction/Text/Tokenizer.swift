/// A word or punctuation mark of a sentence, with its place in the text.
public struct Token: Sendable, Hashable {
    /// The text as written ("Kissinger’s", "U.S.", ",").
    public var text: String
    /// Lower case, curly apostrophes made straight.
    public var lower: String
    /// Where it lies in the sentence.
    public var range: Range<String.Index>
    /// Whether it is a word (letters or digits) rather than punctuation.
    public var isWord: Bool

    /// The word without a possessive ending ("Kissinger’s" → "Kissinger").
    public var base: String {
        for suffix in ["’s", "'s", "’", "'"] where text.hasSuffix(suffix) && text.count > suffix.count {
            return String(text.dropLast(suffix.count))
        }
        return text
    }

    /// Whether the word ends in a possessive ('s, ’s).
    public var isPossessive: Bool { base != text }

    /// Whether the word starts with an upper-case letter.
    public var isCapitalized: Bool { text.unicodeScalars.first?.properties.isUppercase ?? false }
}

/// Splits text into word and punctuation tokens. A word keeps inner hyphens and apostrophes
/// ("two-state", "latter's") and the periods of initials ("J.", "U.S.").
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        func isWordScalar(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        while index < text.endIndex {
            let c = text[index]
            if c.isWhitespace { index = text.index(after: index); continue }
            if !isWordScalar(c) {
                let next = text.index(after: index)
                tokens.append(Token(text: String(c), lower: String(c), range: index..<next, isWord: false))
                index = next
                continue
            }
            let start = index
            var segmentLength = 0
            while index < text.endIndex {
                let ch = text[index]
                if isWordScalar(ch) {
                    segmentLength += 1
                    index = text.index(after: index)
                    continue
                }
                let next = text.index(after: index)
                if ch == "-" || ch == "'" || ch == "’" {
                    if next < text.endIndex, isWordScalar(text[next]) { index = next; segmentLength = 0; continue }
                    // A possessive plural ("parties’") keeps its apostrophe only before a space.
                    break
                }
                if ch == ".", segmentLength == 1, text[text.index(before: index)].isUppercase {
                    index = next
                    segmentLength = 0
                    continue
                }
                break
            }
            let word = String(text[start..<index])
            tokens.append(Token(text: word, lower: word.lowercased().replacingApostrophes, range: start..<index, isWord: true))
        }
        return tokens
    }
}

extension String {
    /// Curly apostrophes as straight ones.
    var replacingApostrophes: String {
        guard contains("’") else { return self }
        return String(map { $0 == "’" ? "'" : $0 })
    }
}
