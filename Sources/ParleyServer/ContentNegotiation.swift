/// Chooses a response's media type from the client's `Accept` header (RFC 9110 §12.5.1): each
/// offer gets the quality of the most specific range that matches it (`type/subtype` over
/// `type/*` over `*/*`); the best quality above 0 wins, ties going to the server's order. No
/// header, or an empty one, takes the first offer; `nil` means nothing offered is acceptable (406).
struct ContentNegotiation {
    /// One range of an `Accept` header: `text/*;q=0.5`.
    struct MediaRange: Hashable {
        var type: String
        var subtype: String
        var quality: Double

        /// `nil` for text that is not a media range (it is ignored, as RFC 9110 allows).
        init?(_ text: Substring) {
            let parameters = text.split(separator: ";")
            guard let essence = parameters.first?.trimmed.lowercased() else { return nil }
            let parts = essence.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            type = String(parts[0])
            subtype = String(parts[1])
            quality = 1
            for parameter in parameters.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmed.lowercased() == "q" else { continue }
                guard let q = Double(pair[1].trimmed), q >= 0, q <= 1 else { return nil }
                quality = q
            }
        }

        /// How specifically this range matches `mediaType` (2 exact, 1 `type/*`, 0 `*/*`), or `nil`.
        func specificity(for mediaType: String) -> Int? {
            let parts = mediaType.split(separator: "/")
            guard parts.count == 2 else { return nil }
            if type == "*" && subtype == "*" { return 0 }
            guard type == parts[0] else { return nil }
            if subtype == "*" { return 1 }
            return subtype == parts[1] ? 2 : nil
        }
    }

    let ranges: [MediaRange]
    /// Whether the client said anything (an absent or empty header accepts everything).
    let constrained: Bool

    /// The ranges of every `Accept` header of a request.
    init(accept headers: [String]) {
        ranges = headers.flatMap { $0.split(separator: ",") }.compactMap(MediaRange.init)
        constrained = !ranges.isEmpty
    }

    /// The best of `offers` (media types in the server's order of preference), or `nil`.
    func choose(_ offers: [String]) -> String? {
        guard constrained else { return offers.first }
        var best: (offer: String, quality: Double)?
        for offer in offers {
            var match: (specificity: Int, quality: Double)?
            for range in ranges {
                guard let specificity = range.specificity(for: offer) else { continue }
                if match.map({ specificity > $0.specificity }) ?? true { match = (specificity, range.quality) }
            }
            guard let match, match.quality > 0 else { continue }
            if best.map({ match.quality > $0.quality }) ?? true { best = (offer, match.quality) }
        }
        return best?.offer
    }
}

extension Substring {
    /// Without spaces and tabs at either end.
    var trimmed: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
