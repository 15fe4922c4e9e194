import ParleyRDF

/// Writes terms as a person reads them at the prompt: IRIs as prefixed names where a saved
/// prefix fits (`pv:advocates`), literals in Turtle syntax with bare numbers.
public struct TermFormatter: Sendable {
    /// Saved prefixes, longest namespace first so the most specific one wins.
    private let prefixes: [(prefix: String, iri: String)]

    public init(prefixes: [(prefix: String, iri: String)]) {
        self.prefixes = prefixes.sorted { $0.iri.count > $1.iri.count }
    }

    /// `pv:advocates` for a namespace with a saved prefix and a simple local name, else `nil`.
    public func prefixedName(_ iri: String) -> String? {
        for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) {
            let local = iri.dropFirst(namespace.count)
            if Self.isSimpleLocalName(local) { return "\(prefix):\(local)" }
        }
        return nil
    }

    /// Expands `pv:advocates` with the saved prefixes; `nil` for an unknown prefix.
    public func expand(_ prefixedName: String) -> String? {
        guard let colon = prefixedName.firstIndex(of: ":") else { return nil }
        let prefix = String(prefixedName[..<colon])
        guard let namespace = prefixes.first(where: { $0.prefix == prefix })?.iri else { return nil }
        return namespace + prefixedName[prefixedName.index(after: colon)...]
    }

    public func format(_ term: Term) -> String {
        switch term {
        case .iri(let iri):
            if iri == Vocabulary.rdfType { return "a" }
            return prefixedName(iri) ?? "<\(iri)>"
        case .blank(let label): return "_:" + label
        case .literal(let literal):
            if [Vocabulary.xsdInteger, Vocabulary.xsdDecimal].contains(literal.datatype),
               literal.lexical.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) {
                return literal.lexical
            }
            var text = StringLiteralText.quoted(literal.lexical)
            if let language = literal.language {
                text += "@" + language
            } else if literal.datatype != Vocabulary.xsdString {
                text += "^^" + (prefixedName(literal.datatype) ?? "<\(literal.datatype)>")
            }
            return text
        }
    }

    /// An IRI written for SPARQL text: prefixed if possible, else in angle brackets.
    public func sparql(_ iri: String) -> String { prefixedName(iri) ?? "<\(iri)>" }

    static func isSimpleLocalName(_ local: Substring) -> Bool {
        guard let first = local.first, first != "-", first != ".", local.last != "." else { return false }
        return local.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" || $0 == "." }
    }
}
