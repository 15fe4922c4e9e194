import ParleyRDF

/// Writes single terms in Turtle syntax (prefixed names where a prefix fits, bare numbers and
/// booleans where they read back exactly, short strings with `\n`/`\r` escapes).
///
/// ParleyRDF exposes Turtle only per triple, so this drives a ``TurtleSerializer`` with triples
/// that share subject and predicate: after the first one, each further triple appends
/// `" ,\n        "` and then exactly the object's Turtle form, which is what we keep. Should the
/// serializer ever write something else, the term falls back to N-Triples syntax.
struct TurtleTermWriter {
    private var serializer: TurtleSerializer
    private var scratch: [UInt8] = []
    /// IRIs already written: results repeat them row after row (a star query's subject), and
    /// writing one goes through the serializer's encoding each time.
    private var written: [String: [UInt8]] = [:]
    private static let subject = Term.blank("s")
    private static let predicate = Term.iri("p:")
    private static let separator = Array(" ,\n        ".utf8)

    init(prefixes: [(prefix: String, iri: String)]) {
        serializer = TurtleSerializer(prefixes: prefixes)
        var header: [UInt8] = []
        serializer.append(Quad(Self.subject, Self.predicate, .blank("o")), to: &header)
    }

    /// Appends `term` in Turtle syntax. Raw tabs (which only literals can hold) are written as `\t`
    /// when `escapeTabs` is set.
    mutating func append(_ term: Term, to out: inout [UInt8], escapeTabs: Bool) {
        if case .iri(let iri) = term, let known = written[iri] { return out.append(contentsOf: known) }
        scratch.removeAll(keepingCapacity: true)
        serializer.append(Quad(Self.subject, Self.predicate, term), to: &scratch)
        let body: ArraySlice<UInt8>
        if scratch.starts(with: Self.separator) {
            body = scratch[Self.separator.count...]
        } else {
            scratch.removeAll(keepingCapacity: true)
            NTriplesSerializer.appendTerm(term, to: &scratch)
            body = scratch[...]
        }
        if case .iri(let iri) = term, !body.contains(0x09) {
            if written.count >= 65_536 { written.removeAll(keepingCapacity: true) }
            written[iri] = Array(body)
        }
        guard escapeTabs, body.contains(0x09) else { return out.append(contentsOf: body) }
        for byte in body {
            if byte == 0x09 { out.append(contentsOf: [0x5C, UInt8(ascii: "t")]) } else { out.append(byte) }
        }
    }

    /// The term in Turtle syntax, tabs escaped, for people: an IRI whose local part would need
    /// `\` escapes (`ex:a\?b`) is written `<…>` instead.
    mutating func display(_ term: Term) -> String {
        var out: [UInt8] = []
        append(term, to: &out, escapeTabs: true)
        if case .iri = term, out.first != UInt8(ascii: "<"), out.contains(UInt8(ascii: "\\")) {
            out.removeAll()
            NTriplesSerializer.appendTerm(term, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
