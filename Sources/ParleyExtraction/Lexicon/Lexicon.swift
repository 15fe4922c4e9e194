/// Everything the extractor knows about the world, as data: entities with aliases and demonyms,
/// roles, trigger phrases per predicate, reference words, hedges, boilerplate lines, the words
/// that end an object phrase and the verbs that report speech. Load it from `schema/lexicon/` with `Lexicon(directory:)`; nothing
/// in the extractor is keyed to particular readouts.
public struct Lexicon: Sendable {
    public var entities: [LexiconEntity]
    public var roles: [RolePhrase]
    public var triggers: [TriggerPhrase]
    public var references: [(phrase: String, target: ReferenceTarget)]
    public var hedges: [(phrase: String, effect: HedgeEffect)]
    public var boilerplate: [(kind: BoilerplateKind, prefix: String)]
    public var phraseEnds: [String]
    public var speechVerbs: [String]
    /// Words that open a stance object without naming it ("achieve", "implement"): dropped.
    public var phraseLeads: [String] = []
    /// Verbs that make a stance object a clause ("is", "are"): the object keeps the subject.
    public var copulas: [String] = []
    /// Function words by class (determiners, prepositions, clause linkers …).
    public var words = WordClasses()
    /// What a negated stance becomes ("supports" ↔ "opposes"), from `negations.tsv`.
    public var negations: [String: String] = [:]
    /// The words that describe the event (`events.tsv`).
    public var eventPhrases = EventPhrases()
    /// The words for finding persons the lexicon lacks (`participants.tsv`).
    public var nameGrammar = NameGrammar()
    /// Spelling variants folded in topic labels ("cease-fire" → "ceasefire"), from `spellings.tsv`.
    /// Set it with `setSpellings(_:)`, which also remakes `topicNormaliser`.
    public private(set) var spellings: [(variant: String, canonical: String)] = []
    /// Applies `spellings` to a new topic's label; see `TopicNormaliser`.
    public private(set) var topicNormaliser = TopicNormaliser(spellings: [])

    /// Replaces the spelling variants folded in topic labels.
    public mutating func setSpellings(_ spellings: [(variant: String, canonical: String)]) {
        self.spellings = spellings
        topicNormaliser = TopicNormaliser(spellings: spellings)
    }

    /// Entities by label.
    let byLabel: [String: Int]
    /// Country entity index by demonym ("Omani" → Oman).
    let demonyms: [String: Int]

    public init(entities: [LexiconEntity], roles: [RolePhrase], triggers: [TriggerPhrase],
                references: [(phrase: String, target: ReferenceTarget)] = [],
                hedges: [(phrase: String, effect: HedgeEffect)] = [],
                boilerplate: [(kind: BoilerplateKind, prefix: String)] = [],
                phraseEnds: [String] = [], speechVerbs: [String] = []) {
        self.entities = entities
        self.roles = roles.sorted { $0.phrase.count > $1.phrase.count }
        self.triggers = triggers
        self.references = references
        self.hedges = hedges
        self.boilerplate = boilerplate
        self.phraseEnds = phraseEnds
        self.speechVerbs = speechVerbs
        var byLabel: [String: Int] = [:]
        var demonyms: [String: Int] = [:]
        for (index, entity) in entities.enumerated() {
            byLabel[entity.label] = byLabel[entity.label] ?? index
            for demonym in entity.demonyms where demonyms[demonym] == nil { demonyms[demonym] = index }
        }
        self.byLabel = byLabel
        self.demonyms = demonyms
    }

    /// The entity with this canonical label.
    public func entity(labelled label: String) -> LexiconEntity? {
        byLabel[label].map { entities[$0] }
    }

    /// The country or organisation an adjective names ("Omani" → Oman).
    public func entity(forDemonym word: String) -> LexiconEntity? {
        demonyms[word].map { entities[$0] }
    }
}
