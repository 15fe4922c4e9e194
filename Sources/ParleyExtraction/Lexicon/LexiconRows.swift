import ParleyRDF

/// The data rows of one tab-separated lexicon file: blank lines and `#` comment lines skipped,
/// each row with its 1-based line number and its columns (spaces trimmed).
enum LexiconRows {
    static func read(directory: String, file: String) throws -> [(line: Int, columns: [String])] {
        let text = try TextFile.read(directory + "/" + file)
        var result: [(Int, [String])] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            result.append((index + 1, trimmed.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces }))
        }
        return result
    }
}
