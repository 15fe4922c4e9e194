/// The object of a fact: an entity, a plain string (a role such as "Foreign Minister") or a
/// day (an event's date, written as an `xsd:date`).
public enum FactObject: Sendable, Hashable, CustomStringConvertible {
    case entity(EntityRef)
    case literal(String)
    case date(SimpleDate)

    /// The label a person reads.
    public var label: String {
        switch self {
        case .entity(let entity): entity.label
        case .literal(let text): text
        case .date(let date): date.description
        }
    }

    public var description: String { label }
}

/// One fact of a readout: subject, predicate (a `pv:` local name), object, the exact text that
/// states it and the number of the sentence holding that text.
public struct Fact: Sendable, Hashable, CustomStringConvertible {
    public var subject: EntityRef
    public var predicate: String
    public var object: FactObject
    /// Copied verbatim from the sentence.
    public var evidence: String
    public var sentence: Int

    public init(subject: EntityRef, predicate: String, object: FactObject, evidence: String, sentence: Int) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.evidence = evidence
        self.sentence = sentence
    }

    public var description: String { "\(subject.label)\t\(predicate)\t\(object.label)\t\(evidence)" }
}

/// The kind of event a readout reports.
public enum EventType: String, Sendable, Hashable {
    case phoneCall = "phone call"
    case meeting

    /// The class IRI's local name.
    public var className: String { self == .phoneCall ? "PhoneCall" : "Meeting" }
}

/// The call or meeting a readout reports.
public struct ExtractedEvent: Sendable, Hashable {
    public var entity: EntityRef
    public var type: EventType
    public var date: SimpleDate?
    public var participants: [EntityRef]
    public var initiator: EntityRef?
    /// The sentence that introduces it.
    public var sentence: Int
}

/// What one readout yields: its parts, the events, the facts, and the RDF quads (all in the
/// readout's named graph) that `ReadoutIngester` stores.
public struct Extraction: Sendable {
    public var slug: String
    public var readout: ParsedReadout
    /// The first event the readout reports: the one its stances are about.
    public var event: ExtractedEvent
    /// Every event, the first one first (a readout may report two separate talks).
    public var events: [ExtractedEvent]
    public var facts: [Fact]
    public var quads: [Quad]

    /// `https://parley.dev/id/readout/<slug>`, also the named graph.
    public var graph: String { ParleyIRI.readout(slug) }
}

import ParleyRDF
