/// What kind of thing an entity is; decides its `rdf:type` and whether it can hold a position.
public enum EntityKind: String, Sendable, Hashable, CaseIterable {
    case person, country, organisation, topic, place
    /// The call or meeting a readout reports (never in the lexicon files).
    case event

    /// Persons, countries and organisations can state positions (`pv:Actor`).
    public var isActor: Bool { self == .person || self == .country || self == .organisation }
}

/// One entity of the lexicon: its canonical label, the other names the readouts use for it, the
/// adjectives that name it ("Omani" for Oman) and, for a person, whom they usually represent.
public struct LexiconEntity: Sendable, Hashable {
    public var label: String
    public var kind: EntityKind
    public var aliases: [String]
    public var demonyms: [String]
    public var represents: String?

    public init(label: String, kind: EntityKind, aliases: [String] = [], demonyms: [String] = [], represents: String? = nil) {
        self.label = label
        self.kind = kind
        self.aliases = aliases
        self.demonyms = demonyms
        self.represents = represents
    }
}

/// An office named before a person ("Foreign Minister Wang Yi"), the role it records and the
/// country it implies when no adjective names one ("Secretary" → United States).
public struct RolePhrase: Sendable, Hashable {
    public var phrase: String
    public var role: String
    public var impliedCountry: String?

    public init(phrase: String, role: String, impliedCountry: String? = nil) {
        self.phrase = phrase
        self.role = role
        self.impliedCountry = impliedCountry
    }
}

/// How a trigger phrase finds its object; see `schema/lexicon/triggers.tsv`.
public enum TriggerFrame: String, Sendable, Hashable {
    case object, action, before
    case beforeClause = "before-clause"
    case party
    case partyAction = "party-action"
    case partyReason = "party-reason"
    case partyTopic = "party-topic"
    case topics, phone, meeting, request
    /// A modal ("should", "shall"): the speaker advocates the action when the clause's subject is
    /// a participant's side, and urges any other party to take it ("the international community
    /// should …" → urges + urgesAction).
    case modal
    case requestLatter = "request-latter"
}

/// Who a trigger's fact is about.
public enum TriggerSubject: String, Sendable, Hashable {
    /// The actor named just before the phrase.
    case nearest
    /// Whoever the sentence reports as speaking.
    case speaker
    /// The event the readout reports.
    case event
}

/// A phrase that signals a predicate ("urged" → `pv:urges`), with how to find subject and object.
public struct TriggerPhrase: Sendable, Hashable {
    public var predicate: String
    public var phrase: String
    public var frame: TriggerFrame
    public var subject: TriggerSubject

    public init(predicate: String, phrase: String, frame: TriggerFrame, subject: TriggerSubject = .nearest) {
        self.predicate = predicate
        self.phrase = phrase
        self.frame = frame
        self.subject = subject
    }
}

/// What a reference word ("he", "the latter", "the two sides", "the Secretary") points to.
public enum ReferenceTarget: Sendable, Hashable {
    case speaker, latter, former, participants
    /// The participant holding this role; `*` for any participant with a role.
    case role(String)
    /// A fixed entity by label ("the Chinese side" → China).
    case entity(String)
    /// The participant who speaks for this country ("the Chinese president" → Xi Jinping).
    case representative(String)
}

/// What a hedge word does to a stance that follows it.
public enum HedgeEffect: String, Sendable, Hashable {
    /// The fact is not asserted.
    case skip
    /// supports ⇄ opposes; other stances are dropped.
    case negate
}

/// How a line outside the body is recognised.
public enum BoilerplateKind: String, Sendable, Hashable {
    case junk, meta, caption
}
