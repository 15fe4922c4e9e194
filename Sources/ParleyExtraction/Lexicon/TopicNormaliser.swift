/// Folds the spelling variants of `schema/lexicon/spellings.tsv` in a topic's label, so that one topic is
/// one node across readouts: "cease-fire in Gaza" and "cease fire in Gaza" both become "ceasefire in Gaza",
/// "Turkiye’s security" becomes "Türkiye's security". Call it on a new topic's label before making its
/// `EntityRef` (whose IRI comes from the label alone).
public struct TopicNormaliser: Sendable {
    /// Variants (lower case) and their canonical forms, longest variant first, by first character.
    private let variants: [String: [(variant: [String], canonical: String)]]

    public init(spellings: [(variant: String, canonical: String)]) {
        var variants: [String: [(variant: [String], canonical: String)]] = [:]
        for (variant, canonical) in spellings {
            let lower = variant.replacingApostrophes.map { $0.lowercased() }
            guard let first = lower.first else { continue }
            variants[first, default: []].append((lower, canonical))
        }
        self.variants = variants.mapValues { $0.sorted { $0.variant.count > $1.variant.count } }
    }

    /// The label with curly apostrophes straightened and every variant, as a whole word or words, replaced.
    public func normalise(_ label: String) -> String {
        let text = Array(label.replacingApostrophes)
        let lower = text.map { $0.lowercased() }
        func isWordCharacter(_ index: Int) -> Bool {
            index >= 0 && index < text.count && (text[index].isLetter || text[index].isNumber)
        }
        var out = ""
        var index = 0
        while index < text.count {
            if !isWordCharacter(index - 1), let candidates = variants[lower[index]] {
                var replaced = false
                for (variant, canonical) in candidates {
                    let end = index + variant.count
                    guard end <= text.count, !isWordCharacter(end), Array(lower[index..<end]) == variant else { continue }
                    out += canonical
                    index = end
                    replaced = true
                    break
                }
                if replaced { continue }
            }
            out.append(text[index])
            index += 1
        }
        return out
    }
}
