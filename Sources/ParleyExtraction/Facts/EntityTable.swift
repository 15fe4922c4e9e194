/// The entities known while reading one readout: the lexicon's, plus persons found after role
/// words ("Ukrainian Foreign Minister Dmytro Kuleba"), each reachable by label and aliases (a new
/// person also by surname).
struct EntityTable {
    let lexicon: Lexicon
    private(set) var byLabel: [String: EntityRef] = [:]
    /// Who a person represents, by label.
    private(set) var represents: [String: String] = [:]
    private var names: [String: [(words: [String], caseSensitive: Bool, entity: EntityRef)]] = [:]

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        for entity in lexicon.entities {
            let ref = EntityRef(label: entity.label, kind: entity.kind)
            byLabel[entity.label] = ref
            if let country = entity.represents { represents[entity.label] = country }
            for name in [entity.label] + entity.aliases {
                add(name: name, for: ref, caseSensitive: entity.kind != .topic)
            }
        }
    }

    /// Adds a name; `first` puts it before the names of the same length already there (a person
    /// found in the readout is meant by "Wang" sooner than the lexicon's).
    private mutating func add(name: String, for entity: EntityRef, caseSensitive: Bool, first: Bool = false) {
        let words = Tokenizer.tokens(name).map { caseSensitive ? $0.text.replacingApostrophes : $0.lower }
        guard let firstWord = words.first else { return }
        let key = firstWord.lowercased()
        var list = names[key] ?? []
        if list.contains(where: { $0.words == words && $0.entity == entity }) { return }
        let position = list.firstIndex { first ? $0.words.count <= words.count : $0.words.count < words.count } ?? list.count
        list.insert((words, caseSensitive, entity), at: position)
        names[key] = list
    }

    /// Adds a person found in the text (if new) with the short names a readout uses later: the
    /// surname ("Abdelatty"; "Burhan" for "al-Burhan"), the last two words of a longer name
    /// ("Amir Abdollahian"), and the first of a two-word name ("Abiy", "Qin").
    @discardableResult
    mutating func addPerson(label: String, represents country: String?, particles: Set<String> = []) -> EntityRef {
        if let known = byLabel[label] { return known }
        let ref = EntityRef(label: label, kind: .person)
        byLabel[label] = ref
        if let country { represents[label] = country }
        add(name: label, for: ref, caseSensitive: true, first: true)
        let parts = label.split(separator: " ").map(String.init)
        guard parts.count > 1, let last = parts.last, let firstName = parts.first else { return ref }
        add(name: last, for: ref, caseSensitive: true, first: true)
        if let hyphen = last.firstIndex(of: "-"), particles.contains(last[..<hyphen].lowercased()) {
            add(name: String(last[last.index(after: hyphen)...]), for: ref, caseSensitive: true, first: true)
        }
        if parts.count >= 3 { add(name: parts.suffix(2).joined(separator: " "), for: ref, caseSensitive: true, first: true) }
        if parts.count == 2 { add(name: firstName, for: ref, caseSensitive: true) }
        return ref
    }

    /// The longest name of an entity that starts at `start`, with its end.
    func name(in tokens: [Token], at start: Int, kinds: Set<EntityKind>? = nil) -> (end: Int, entity: EntityRef)? {
        guard start < tokens.count, let candidates = names[tokens[start].lower] ?? names[tokens[start].base.lowercased()] else { return nil }
        for candidate in candidates {
            if let kinds, !kinds.contains(candidate.entity.kind) { continue }
            guard start + candidate.words.count <= tokens.count else { continue }
            var ok = true
            for (offset, word) in candidate.words.enumerated() {
                let token = tokens[start + offset]
                let isLast = offset == candidate.words.count - 1
                let whole = candidate.caseSensitive ? token.text.replacingApostrophes : token.lower
                let base = candidate.caseSensitive ? token.base.replacingApostrophes : token.base.lowercased().replacingApostrophes
                if whole != word && !(isLast && base == word) {
                    ok = false
                    break
                }
            }
            if ok { return (start + candidate.words.count, candidate.entity) }
        }
        return nil
    }

    func entity(_ label: String) -> EntityRef? { byLabel[label] }
}
