import ParleyRDF

/// A lexicon file that is missing or malformed, named by file and line.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String {
        line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)"
    }
}

extension Lexicon {
    /// The files of `schema/lexicon/`, in the order they are read.
    public static let fileNames = ["entities.tsv", "countries.tsv", "organisations.tsv", "roles.tsv", "triggers.tsv", "references.tsv",
                                   "hedges.tsv", "boilerplate.tsv", "phrase-ends.tsv", "speech-verbs.tsv",
                                   "phrase-leads.tsv", "copulas.tsv", "word-classes.tsv",
                                   "events.tsv", "participants.tsv",
                                   "spellings.tsv", "negations.tsv"]

    /// Loads the lexicon from a directory holding the files of `schema/lexicon/` (tab-separated,
    /// `#` starts a comment line, `|` separates list items).
    public init(directory: String) throws {
        func rows(_ name: String) throws -> [(line: Int, columns: [String])] {
            let path = directory + "/" + name
            let text = try TextFile.read(path)
            var result: [(Int, [String])] = []
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                result.append((index + 1, trimmed.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
            }
            return result
        }
        func list(_ column: [String], _ index: Int) -> [String] {
            guard index < column.count else { return [] }
            return column[index].split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        }
        func field(_ column: [String], _ index: Int) -> String? {
            guard index < column.count else { return nil }
            let value = column[index].trimmingSpaces
            return value.isEmpty ? nil : value
        }

        // Persons and topics by hand in entities.tsv; countries and organisations derived by
        // scripts/derive-lexicon.py. One label is one entity, and a name (label or alias) of a country or
        // organisation names only one of them, so that "Turkey" and "Türkiye" are one node.
        var entities: [LexiconEntity] = []
        var defined: [String: (file: String, line: Int)] = [:]
        var kinds: [String: EntityKind] = [:]
        var actorNames: [String: (label: String, file: String, line: Int)] = [:]
        var representsAt: [(file: String, line: Int, label: String)] = []
        for (file, allowed) in [("entities.tsv", Set(EntityKind.allCases).subtracting([.event])),
                                ("countries.tsv", [EntityKind.country]), ("organisations.tsv", [EntityKind.organisation])] {
            for (line, columns) in try rows(file) {
                guard let label = field(columns, 0), let kindText = field(columns, 1), let kind = EntityKind(rawValue: kindText),
                      allowed.contains(kind) else {
                    let kinds = allowed.map(\.rawValue).sorted().joined(separator: ", ")
                    throw LexiconError(file: file, line: line, message: "expected LABEL<tab>KIND (\(kinds))")
                }
                if let first = defined[label] {
                    throw LexiconError(file: file, line: line, message: "'\(label)' is already defined at \(first.file):\(first.line)")
                }
                defined[label] = (file, line)
                kinds[label] = kind
                let entity = LexiconEntity(label: label, kind: kind, aliases: list(columns, 2),
                                           demonyms: list(columns, 3), represents: field(columns, 4))
                if kind == .country || kind == .organisation {
                    for name in [label] + entity.aliases {
                        let key = name.replacingApostrophes
                        if let other = actorNames[key], other.label != label {
                            throw LexiconError(file: file, line: line,
                                               message: "'\(name)' already names '\(other.label)' (\(other.file):\(other.line))")
                        }
                        actorNames[key] = (label, file, line)
                    }
                }
                if let represented = entity.represents { representsAt.append((file, line, represented)) }
                entities.append(entity)
            }
        }
        for (file, line, represented) in representsAt {
            guard let kind = kinds[represented], kind == .country || kind == .organisation else {
                throw LexiconError(file: file, line: line, message: "represents '\(represented)', which is no country or organisation of the lexicon")
            }
        }
        var roles: [RolePhrase] = []
        for (line, columns) in try rows("roles.tsv") {
            guard let phrase = field(columns, 0) else {
                throw LexiconError(file: "roles.tsv", line: line, message: "expected PHRASE<tab>ROLE")
            }
            roles.append(RolePhrase(phrase: phrase, role: field(columns, 1) ?? phrase, impliedCountry: field(columns, 2)))
        }
        var triggers: [TriggerPhrase] = []
        for (line, columns) in try rows("triggers.tsv") {
            guard let predicate = field(columns, 0), let phrase = field(columns, 1),
                  let frame = field(columns, 2).flatMap(TriggerFrame.init(rawValue:)) else {
                throw LexiconError(file: "triggers.tsv", line: line, message: "expected PREDICATE<tab>PHRASE<tab>FRAME[<tab>SUBJECT]")
            }
            guard let subject = TriggerSubject(rawValue: field(columns, 3) ?? "nearest") else {
                throw LexiconError(file: "triggers.tsv", line: line, message: "subject must be nearest, speaker or event")
            }
            triggers.append(TriggerPhrase(predicate: predicate, phrase: phrase, frame: frame, subject: subject))
        }
        var references: [(String, ReferenceTarget)] = []
        for (line, columns) in try rows("references.tsv") {
            guard let phrase = field(columns, 0), let target = field(columns, 1) else {
                throw LexiconError(file: "references.tsv", line: line, message: "expected PHRASE<tab>TARGET")
            }
            let parsed: ReferenceTarget
            switch target {
            case "speaker": parsed = .speaker
            case "latter": parsed = .latter
            case "former": parsed = .former
            case "participants": parsed = .participants
            default:
                if target.hasPrefix("role:") { parsed = .role(String(target.dropFirst(5))) }
                else if target.hasPrefix("country:") { parsed = .entity(String(target.dropFirst(8))) }
                else { throw LexiconError(file: "references.tsv", line: line, message: "unknown target '\(target)'") }
            }
            references.append((phrase, parsed))
        }
        var hedges: [(String, HedgeEffect)] = []
        for (line, columns) in try rows("hedges.tsv") {
            guard let phrase = field(columns, 0), let effect = field(columns, 1).flatMap(HedgeEffect.init(rawValue:)) else {
                throw LexiconError(file: "hedges.tsv", line: line, message: "expected PHRASE<tab>skip|negate")
            }
            hedges.append((phrase, effect))
        }
        var boilerplate: [(BoilerplateKind, String)] = []
        for (line, columns) in try rows("boilerplate.tsv") {
            guard let kind = field(columns, 0).flatMap(BoilerplateKind.init(rawValue:)), let prefix = field(columns, 1) else {
                throw LexiconError(file: "boilerplate.tsv", line: line, message: "expected junk|meta|caption<tab>PREFIX")
            }
            boilerplate.append((kind, prefix))
        }
        // Phrase ends keep their leading comma or space, so they are not trimmed.
        let ends = try rows("phrase-ends.tsv").compactMap { $0.columns.first }.filter { !$0.isEmpty }
        let speech = try rows("speech-verbs.tsv").compactMap { $0.columns.first?.trimmingSpaces }.filter { !$0.isEmpty }
        self.init(entities: entities, roles: roles, triggers: triggers, references: references,
                  hedges: hedges, boilerplate: boilerplate, phraseEnds: ends, speechVerbs: speech)
        phraseLeads = try rows("phrase-leads.tsv").compactMap { $0.columns.first?.trimmingSpaces }.filter { !$0.isEmpty }
        copulas = try rows("copulas.tsv").compactMap { $0.columns.first?.trimmingSpaces }.filter { !$0.isEmpty }
        words = try WordClasses.load(rows: try rows("word-classes.tsv"), file: "word-classes.tsv")
        for (line, columns) in try rows("negations.tsv") {
            guard let predicate = field(columns, 0), let negated = field(columns, 1) else {
                throw LexiconError(file: "negations.tsv", line: line, message: "expected PREDICATE<tab>NEGATED PREDICATE")
            }
            negations[predicate] = negated
            negations[negated] = negations[negated] ?? predicate
        }
        eventPhrases = try EventPhrases.load(directory: directory)
        nameGrammar = try NameGrammar.load(directory: directory)
        var spellings: [(variant: String, canonical: String)] = []
        for (line, columns) in try rows("spellings.tsv") {
            guard let variant = field(columns, 0), let canonical = field(columns, 1), columns.count == 2 else {
                throw LexiconError(file: "spellings.tsv", line: line, message: "expected VARIANT<tab>CANONICAL")
            }
            spellings.append((variant, canonical))
        }
        setSpellings(spellings)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{A0}" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\u{A0}" || last == "\r" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
