/// "Did you mean …?": the closest of a set of names by edit distance, if it is close enough.
public enum Suggestions {
    /// The Levenshtein distance between two strings, compared case-insensitively by Unicode scalar.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate nearest to `name`, if within a third of its length (at least 2 edits allowed,
    /// at most 4); ties go to the earlier candidate. An exact match is not a suggestion.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let limit = min(4, max(2, name.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            // Cheap length check first: the distance is at least the difference in length.
            guard abs(candidate.count - name.count) <= limit else { continue }
            let d = distance(name, candidate)
            if d <= limit && d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }
}
