/// Finds dates in readout text: ISO date lines ("2023-11-01 22:50"), "On November 1, 2023",
/// "FEBRUARY 14, 2024", "Dec. 20", "on Dec 6" (the year then comes from context).
public enum DateFinder {
    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// A date at the start of a line that holds nothing else but a time: the date line.
    public static func dateLine(_ line: String) -> SimpleDate? {
        let text = line.trimmingSpaces
        if let date = isoDate(text) {
            let rest = text.dropFirst(10).trimmingSpaces
            if rest.isEmpty || rest.allSatisfy({ $0.isNumber || $0 == ":" || $0 == " " }) { return date }
            return nil
        }
        // "FEBRUARY 14, 2024" alone on its line.
        let found = find(in: text, defaultYear: nil)
        if let found, found.requiresNoContext, found.range.lowerBound == text.startIndex,
           text[found.range.upperBound...].trimmingSpaces.isEmpty {
            return found.date
        }
        return nil
    }

    /// `YYYY-MM-DD` at the start of `text`.
    public static func isoDate(_ text: String) -> SimpleDate? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        if text.utf8.count > 10, let next = text.utf8.dropFirst(10).first, next >= 0x30 && next <= 0x39 { return nil }
        return SimpleDate(year: y, month: m, day: d)
    }

    /// A date found in running text.
    public struct Found: Sendable {
        public var date: SimpleDate
        public var range: Range<String.Index>
        /// Whether the text gave the year itself.
        public var requiresNoContext: Bool
    }

    /// The first "Month D[, YYYY]" or "D Month [YYYY]" in `text`; without a year in the text,
    /// `defaultYear` is used (and with none, nothing is found).
    public static func find(in text: String, defaultYear: Int?) -> Found? {
        let tokens = Tokenizer.tokens(text).filter(\.isWord)
        for (i, token) in tokens.enumerated() {
            let word = token.text.lowercased().trimmingCharacters(".")
            if let month = months[word], word.count >= 3, i + 1 < tokens.count, let day = Int(tokens[i + 1].text), (1...31).contains(day) {
                // A three-letter word like "may" is a month only when capitalised.
                if word == "may" && token.text.first == "m" { continue }
                var end = tokens[i + 1].range.upperBound
                var year: Int?
                if i + 2 < tokens.count, let y = Int(tokens[i + 2].text), (1900...2100).contains(y),
                   text[end..<tokens[i + 2].range.lowerBound].trimmingSpaces.allSatisfy({ $0 == "," || $0 == "." }) {
                    year = y
                    end = tokens[i + 2].range.upperBound
                }
                guard let y = year ?? defaultYear, let date = SimpleDate(year: y, month: month, day: day) else { continue }
                return Found(date: date, range: token.range.lowerBound..<end, requiresNoContext: year != nil)
            }
            if let day = Int(token.text), (1...31).contains(day), i + 1 < tokens.count,
               let month = months[tokens[i + 1].text.lowercased().trimmingCharacters(".")], tokens[i + 1].text.count >= 3 {
                var end = tokens[i + 1].range.upperBound
                var year: Int?
                if i + 2 < tokens.count, let y = Int(tokens[i + 2].text), (1900...2100).contains(y) {
                    year = y
                    end = tokens[i + 2].range.upperBound
                }
                guard let y = year ?? defaultYear, let date = SimpleDate(year: y, month: month, day: day) else { continue }
                return Found(date: date, range: token.range.lowerBound..<end, requiresNoContext: year != nil)
            }
        }
        return nil
    }

    /// The first plausible year (1900–2100) written in `text`.
    public static func firstYear(in text: String) -> Int? {
        for token in Tokenizer.tokens(text) where token.text.count == 4 {
            if let y = Int(token.text), (1900...2100).contains(y) { return y }
        }
        return nil
    }
}

extension String {
    /// The text without the given characters at either end.
    func trimmingCharacters(_ characters: String) -> String {
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
