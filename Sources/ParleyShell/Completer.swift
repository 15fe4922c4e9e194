import ParleyOperations

/// Tab completion at the prompt, as a pure function of the line and the store's vocabulary.
///
/// - the first word of a line starting with `.`: dot-command names;
/// - arguments of `.mode`, `.headers`, `.timer`, `.help`: their values; of `.read`, `.load`,
///   `.output`, `.once`, `.export`, `.ingest`: file names (left to libedit);
/// - a word starting with `?` or `$`: variables already used in the statement;
/// - a word with a `:`: prefixed names of the store's predicates, classes and labelled entities;
/// - any other word: prefix names (`pv:`), SPARQL keywords, and entities whose `rdfs:label`
///   starts with the word (completed to the entity's name, `Wang` → `pe:Wang_Yi`).
public struct Completer: Sendable {
    /// What to offer for the word under the cursor.
    public enum Completion: Hashable, Sendable {
        /// These candidates, sorted, each replacing the whole word.
        case candidates([String])
        /// File names (libedit's own filename completion).
        case files
    }

    public var vocabulary: StoreVocabulary

    public init(vocabulary: StoreVocabulary) {
        self.vocabulary = vocabulary
    }

    static let keywords = [
        "SELECT", "DISTINCT", "WHERE", "OPTIONAL", "FILTER", "UNION", "MINUS", "GRAPH", "BIND", "VALUES",
        "ORDER", "BY", "GROUP", "HAVING", "LIMIT", "OFFSET", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX",
        "INSERT", "DELETE", "DATA", "COUNT", "EXISTS", "NOT", "REGEX", "CONTAINS", "STR", "LANG", "ASC", "DESC",
    ]
    static let fileCommands: Set<String> = [".read", ".load", ".output", ".once", ".export", ".ingest"]
    static let termCommands: Set<String> = [".describe", ".why"]

    /// Candidates for `word`, which ends at the cursor; `line` is the current line up to the
    /// cursor (ending with `word`), `pending` the earlier lines of the same statement.
    public func complete(word: String, line: String, pending: String = "") -> Completion {
        let before = String(line.dropLast(word.count))
        let lineStart = StatementSplitter.trimmed(before)
        if pending.isEmpty && lineStart.isEmpty && word.hasPrefix(".") {
            return .candidates(DotCommand.names.filter { $0.hasPrefix(word) }.sorted())
        }
        if pending.isEmpty && lineStart.hasPrefix(".") {
            let command = String(lineStart.split(separator: " ").first ?? "")
            let argumentIndex = lineStart.split(separator: " ").count
            switch command {
            case ".mode": return .candidates(OutputMode.allCases.map(\.rawValue).filter { $0.hasPrefix(word) })
            case ".headers", ".timer": return .candidates(["off", "on"].filter { $0.hasPrefix(word) })
            case ".help": return .candidates(DotCommand.names.map { String($0.dropFirst()) }.filter { $0.hasPrefix(word) }.sorted())
            case ".export" where word.hasPrefix("-"): return .candidates(["--format"].filter { $0.hasPrefix(word) })
            case ".load" where argumentIndex >= 2: break
            case _ where Self.fileCommands.contains(command): return .files
            case _ where Self.termCommands.contains(command): break
            default: return .candidates([])
            }
        }
        if word.hasPrefix("?") || word.hasPrefix("$") {
            let used = SPARQLText.variables(in: pending + "\n" + before)
            let stem = word.dropFirst()
            return .candidates(used.filter { $0.hasPrefix(stem) && $0 != stem }.map { String(word.first!) + $0 }.sorted())
        }
        let formatter = TermFormatter(prefixes: vocabulary.prefixes)
        if word.contains(":") {
            var names: Set<String> = []
            for iri in vocabulary.iris {
                if let name = formatter.prefixedName(iri), name.hasPrefix(word) { names.insert(name) }
            }
            return .candidates(names.sorted())
        }
        var result: Set<String> = []
        for (prefix, _) in vocabulary.prefixes where prefix.hasPrefix(word) { result.insert(prefix + ":") }
        guard !word.isEmpty else { return .candidates(result.sorted()) }
        let upper = word.uppercased()
        if word.allSatisfy(\.isLetter) {
            for keyword in Self.keywords where keyword.hasPrefix(upper) && keyword != upper { result.insert(keyword) }
        }
        let lower = word.lowercased()
        for (iri, label) in vocabulary.labels where label.lowercased().hasPrefix(lower) {
            result.insert(formatter.sparql(iri))
            if result.count > 200 { break }
        }
        return .candidates(result.sorted())
    }
}
