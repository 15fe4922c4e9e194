/// Splits one line into sentences. A sentence ends at ".", "!" or "?" (plus closing quotes or
/// brackets) followed by white space, except after an initial ("J."), a listed abbreviation
/// ("Dec.", "Mr."), after dotted letters ("U.S. Secretary") or when the next word starts with a
/// lower-case letter ("the U.S. embassy").
public enum SentenceSplitter {
    /// `abbreviations` (lower case, from the `abbreviation` word class) are words whose period
    /// does not end a sentence.
    public static func split(_ line: String, abbreviations: Set<String>) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var sentences: [String] = []
        var start = 0
        var i = 0
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{A0}" }
        func isCloser(_ s: Unicode.Scalar) -> Bool { "\"'”’)]»".unicodeScalars.contains(s) }
        while i < scalars.count {
            let s = scalars[i]
            guard s == "." || s == "!" || s == "?" else { i += 1; continue }
            var end = i + 1
            while end < scalars.count, isCloser(scalars[end]) { end += 1 }
            guard end < scalars.count, isSpace(scalars[end]) else { i = end; continue }
            var next = end
            while next < scalars.count, isSpace(scalars[next]) { next += 1 }
            if s == ".", !endsSentence(scalars, abbreviations: abbreviations, period: i, nextWord: next) { i = end; continue }
            let text = String(String.UnicodeScalarView(scalars[start..<end])).trimmingSpaces
            if !text.isEmpty { sentences.append(text) }
            start = next
            i = next
        }
        let rest = start < scalars.count ? String(String.UnicodeScalarView(scalars[start...])).trimmingSpaces : ""
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    private static func endsSentence(_ scalars: [Unicode.Scalar], abbreviations: Set<String>, period: Int, nextWord: Int) -> Bool {
        if nextWord < scalars.count, scalars[nextWord].properties.isLowercase { return false }
        var wordStart = period
        while wordStart > 0, scalars[wordStart - 1].properties.isAlphabetic || scalars[wordStart - 1] == "." { wordStart -= 1 }
        let word = String(String.UnicodeScalarView(scalars[wordStart..<period]))
        if word.count == 1, let first = word.unicodeScalars.first, first.properties.isUppercase { return false }
        // "U.S.", "H.E.": letters with periods between them abbreviate, they do not end a sentence.
        if word.contains("."), word.split(separator: ".").allSatisfy({ $0.count == 1 }) { return false }
        return !abbreviations.contains(word.lowercased())
    }
}
