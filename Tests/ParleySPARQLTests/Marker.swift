import ParleyRDF

/// Test inputs with the expected error position marked by `1️⃣` (swift-syntax's habit), so
/// nobody counts columns by hand.
struct Marked: CustomStringConvertible {
    /// The input without its marker.
    let text: String
    /// Line and column (1-based, columns in Unicode scalars) where the marker was.
    let line: Int
    let column: Int

    init(_ marked: String) {
        let marker = "1️⃣"
        guard let range = marked.range(of: marker) else {
            text = marked
            line = 0
            column = 0
            return
        }
        let before = marked[..<range.lowerBound]
        text = marked.replacingCharacters(in: range, with: "")
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        line = lines.count
        column = (lines.last?.unicodeScalars.count ?? 0) + 1
    }

    var description: String { text }
}
