/// An RDF 1.1 term: an IRI, a blank node or a literal.
///
/// Terms compare by value: two literals are equal only when lexical form, datatype and
/// language tag are all equal (RDF 1.1 term equality, not value equality), so
/// `"01"^^xsd:integer` and `"1"^^xsd:integer` are different terms and both survive a round trip.
public enum Term: Hashable, Sendable {
    /// An absolute IRI, without the angle brackets.
    case iri(String)
    /// A blank node, by its label (without `_:`). Labels are local to one document or store.
    case blank(String)
    /// A literal with its datatype and, for `rdf:langString`, its language tag.
    case literal(Literal)

    /// A simple literal (`xsd:string`).
    public static func string(_ lexical: String) -> Term { .literal(Literal(lexical)) }
}

/// An RDF literal: a lexical form with a datatype IRI, and a language tag when the datatype
/// is `rdf:langString`. The lexical form is kept exactly as written; nothing is normalised.
public struct Literal: Hashable, Sendable {
    public var lexical: String
    /// The datatype IRI. `xsd:string` for simple literals, `rdf:langString` for tagged ones.
    public var datatype: String
    /// The language tag in lower case (RDF 1.1 §3.3 allows it: tags are case-insensitive,
    /// so `"a"@EN` and `"a"@en` are the same term), or `nil`.
    public var language: String?

    /// A simple literal (`xsd:string`).
    public init(_ lexical: String) {
        self.lexical = lexical
        self.datatype = Vocabulary.xsdString
        self.language = nil
    }

    /// A typed literal.
    public init(_ lexical: String, datatype: String) {
        self.lexical = lexical
        self.datatype = datatype
        self.language = nil
    }

    /// A language-tagged string (`rdf:langString`); the tag is stored in lower case.
    public init(_ lexical: String, language: String) {
        self.lexical = lexical
        self.datatype = Vocabulary.rdfLangString
        self.language = language.lowercased()
    }
}

/// A triple in an optional graph. `graph == nil` is the default graph.
public struct Quad: Hashable, Sendable {
    public var subject: Term
    public var predicate: Term
    public var object: Term
    public var graph: Term?

    public init(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// IRIs the data model itself refers to.
public enum Vocabulary {
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let xsdString = xsd + "string"
    public static let xsdInteger = xsd + "integer"
    public static let xsdDecimal = xsd + "decimal"
    public static let xsdDouble = xsd + "double"
    public static let xsdBoolean = xsd + "boolean"
    public static let rdfLangString = rdf + "langString"
    public static let rdfType = rdf + "type"
    public static let rdfFirst = rdf + "first"
    public static let rdfRest = rdf + "rest"
    public static let rdfNil = rdf + "nil"
}
