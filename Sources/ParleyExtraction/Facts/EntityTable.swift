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

    private mutating func add(name: String, for entity: EntityRef, caseSensitive: Bool) {
        let words = Tokenizer.tokens(name).map { caseSensitive ? $0.text.replacingApostrophes : $0.lower }
        guard let first = words.first else { return }
        let key = first.lowercased()
        if names[key]?.contains(where: { $0.words == words && $0.entity == entity }) == true { return }
        names[key, default: []].append((words, caseSensitive, entity))
        names[key]?.sort { $0.words.count > $1.words.count }
    }

    /// Adds a person found in the text (if new) with their surname as an alias.
    @discardableResult
    mutating func addPerson(label: String, represents country: String?) -> EntityRef {
        if let known = byLabel[label] { return known }
        let ref = EntityRef(label: label, kind: .person)
        byLabel[label] = ref
        if let country { represents[label] = country }
        add(name: label, for: ref, caseSensitive: true)
        let parts = label.split(separator: " ")
        if parts.count > 1, let last = parts.last {
            add(name: String(last), for: ref, caseSensitive: true)
        }
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
