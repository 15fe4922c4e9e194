/// The IRIs Parley mints: entities from their canonical label, and readouts, events and
/// statements from the readout's slug (see `schema/README.md`).
public enum ParleyIRI {
    public static let vocabulary = "https://parley.dev/ns#"
    public static let entities = "https://parley.dev/id/"
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    public static let prov = "http://www.w3.org/ns/prov#"
    public static let schema = "https://schema.org/"

    /// `pe:` + the label with spaces as `_`, possessive endings and punctuation other than `-`,
    /// `_` and `.` dropped: "Wang Yi" → `pe:Wang_Yi`, "two-state solution" → `pe:two-state_solution`,
    /// "China's position" → `pe:China_position`. The same label always gives the same IRI.
    public static func entity(_ label: String) -> String {
        var out = ""
        var pendingUnderscore = false
        let words = Tokenizer.tokens(label).filter(\.isWord)
        for word in words {
            var text = word.base
            text = String(text.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" })
            while text.hasSuffix(".") && !(text.count == 2 || text.filter({ $0 == "." }).count > 1) { text.removeLast() }
            if text.isEmpty { continue }
            if pendingUnderscore { out += "_" }
            out += text
            pendingUnderscore = true
        }
        return entities + (out.isEmpty ? "unnamed" : out)
    }

    public static func readout(_ slug: String) -> String { entities + "readout/" + slug }
    public static func event(_ slug: String) -> String { entities + "event/" + slug }
    public static func statement(_ slug: String, sentence: Int, index: Int) -> String {
        entities + "statement/\(slug)/s\(sentence)-\(index)"
    }
    public static func predicate(_ localName: String) -> String { vocabulary + localName }
}

/// An entity a readout mentions, by canonical label.
public struct EntityRef: Sendable, Hashable, CustomStringConvertible {
    public var label: String
    public var kind: EntityKind
    public var iri: String

    public init(label: String, kind: EntityKind, iri: String? = nil) {
        self.label = label
        self.kind = kind
        self.iri = iri ?? ParleyIRI.entity(label)
    }

    public var description: String { label }
}
