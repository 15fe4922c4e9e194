/// Splits a readout file into title, date line, captions, dateline, body and junk, and numbers
/// its sentences: the title is sentence 1, every line break ends a sentence, blank lines are
/// skipped, and `SentenceSplitter` splits each line.
public struct ReadoutParser: Sendable {
    public let boilerplate: [(kind: BoilerplateKind, prefix: String)]
    /// Words whose period does not end a sentence, lower case.
    public let abbreviations: Set<String>

    public init(lexicon: Lexicon) {
        boilerplate = lexicon.boilerplate
        abbreviations = lexicon.words.members(.abbreviation)
    }

    public init(boilerplate: [(kind: BoilerplateKind, prefix: String)], abbreviations: Set<String>) {
        self.boilerplate = boilerplate
        self.abbreviations = abbreviations
    }

    public func parse(_ text: String) -> ParsedReadout {
        var readout = ParsedReadout(title: "", publishedOn: nil, captions: [], dateline: nil, junk: [], sentences: [])
        var number = 0
        var bodyStarted = false
        var trailingJunk = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingSpaces
            if line.isEmpty { continue }
            let kind: LineKind
            if readout.sentences.isEmpty {
                kind = .title
                readout.title = line
            } else if trailingJunk || matches(line, .junk) {
                kind = .junk
                trailingJunk = bodyStarted
                readout.junk.append(line)
            } else if !bodyStarted, let date = DateFinder.dateLine(line) {
                kind = .dateLine
                readout.publishedOn = readout.publishedOn ?? date
            } else if !bodyStarted, matches(line, .meta) {
                kind = .meta
            } else if matches(line, .caption) {
                kind = .caption
                readout.captions.append(line)
            } else {
                kind = .body
                if !bodyStarted, let dateline = Self.dateline(of: line) { readout.dateline = dateline }
                bodyStarted = true
            }
            let parts = kind == .title || kind == .dateLine || kind == .meta || kind == .junk ? [line] : SentenceSplitter.split(line, abbreviations: abbreviations)
            for part in parts {
                number += 1
                readout.sentences.append(Sentence(number: number, text: part, kind: kind, line: index + 1))
            }
        }
        return readout
    }

    private func matches(_ line: String, _ kind: BoilerplateKind) -> Bool {
        let lower = line.lowercased()
        for entry in boilerplate where entry.kind == kind {
            let prefix = entry.prefix.lowercased()
            if kind == .caption ? lower.contains(prefix) : lower.hasPrefix(prefix) { return true }
        }
        return false
    }

    /// "BEIJING, Dec. 20 (Xinhua) --" at the start of a body line: a place in capitals, a date,
    /// an agency in brackets, then a dash.
    static func dateline(of line: String) -> String? {
        for dash in [" -- ", " — ", " – "] {
            guard let range = line.firstRange(of: dash) else { continue }
            let head = line[..<range.lowerBound]
            guard head.count < 80, head.contains("("), head.hasSuffix(")"),
                  let first = head.first, first.isUppercase else { continue }
            return String(line[..<range.upperBound]).trimmingSpaces
        }
        return nil
    }
}
