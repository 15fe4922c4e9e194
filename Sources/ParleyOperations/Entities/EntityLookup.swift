import ParleyRDF
import ParleyStore

extension StoreSession {
    /// The IRI that `text` names: `<IRI>`, a prefixed name with a saved prefix, or an entity's
    /// `rdfs:label` (ignoring case): what `.describe`, `.graph` and the page accept.
    ///
    /// `vocabulary` is asked only for labels and for "did you mean …?" when the name is not in
    /// the store (a caller that keeps one passes it; ``resolveEntity(_:)`` reads it afresh).
    /// Throws ``OperationError/unknownTerm(_:suggestion:)``.
    public func resolveEntity(_ text: String, vocabulary: () throws -> StoreVocabulary) throws -> String {
        let formatter = TermFormatter(prefixes: try store.prefixes())
        var iri: String?
        if text.hasPrefix("<") && text.hasSuffix(">") {
            iri = String(text.dropFirst().dropLast())
        } else if !text.contains(" "), let colon = text.firstIndex(of: ":") {
            let prefix = String(text[..<colon])
            guard let expanded = formatter.expand(text) else {
                let suggestion = try vocabulary().suggestion(forPrefix: prefix).map { "\($0):" + text[text.index(after: colon)...] }
                throw OperationError.unknownTerm("prefix '\(prefix):'", suggestion: suggestion)
            }
            iri = expanded
        } else if let found = try vocabulary().entity(labelled: text) {
            return found
        }
        if let iri, try store.id(of: .iri(iri)) != nil { return iri }
        throw OperationError.unknownTerm(text.contains(" ") ? "\"\(text)\"" : text,
                                         suggestion: try vocabulary().suggestion(forTermOrLabel: text))
    }

    /// ``resolveEntity(_:vocabulary:)`` reading the store's vocabulary only if it is needed.
    public func resolveEntity(_ text: String) throws -> String {
        var cached: StoreVocabulary?
        return try resolveEntity(text) {
            if let cached { return cached }
            let vocabulary = try StoreVocabulary.load(from: engine)
            cached = vocabulary
            return vocabulary
        }
    }
}
