/// Writes canonical RDF 1.1 N-Triples and N-Quads.
///
/// Guarantees: the output is accepted by any conforming N-Triples/N-Quads reader and reads back
/// as the same quads (blank nodes keep their labels when those are valid `BLANK_NODE_LABEL`s;
/// other labels are rewritten deterministically and injectively, see below). Literals escape
/// only `"`, `\`, line feed and carriage return; every other character is written as UTF-8.
/// IRIs are written as they are, except characters `IRIREF` forbids, which become `\uXXXX`.
/// `xsd:string` literals are written without a datatype, language-tagged ones with `@tag`.
///
/// A blank node label that is not a valid `BLANK_NODE_LABEL`, or that starts with `x-`, is
/// written as `x-` followed by the hex of its UTF-8 bytes, so distinct labels stay distinct.
///
/// The encoded-term functions are the fast path (the store's export uses them); the ``Term``
/// and ``Quad`` ones are conveniences built on them.
public enum NTriplesSerializer {
    /// Appends one term, given in ``TermEncoding`` form. An invalid encoding is written as an
    /// empty string literal, never trapping.
    public static func appendTerm(_ encoded: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard let kind = encoded.first else {
            out.append(contentsOf: [0x22, 0x22])
            return
        }
        let body = UnsafeRawBufferPointer(rebasing: encoded[1...])
        switch kind {
        case TermEncoding.iri:
            Escapes.appendIRI(body, to: &out)
        case TermEncoding.blank:
            Escapes.appendBlankNode(body, to: &out)
        case TermEncoding.simpleLiteral:
            Escapes.appendQuotedString(body, to: &out)
        case TermEncoding.languageLiteral, TermEncoding.typedLiteral:
            guard let zero = body.firstIndex(of: 0) else {
                Escapes.appendQuotedString(body, to: &out)
                return
            }
            let head = UnsafeRawBufferPointer(rebasing: body[..<zero])
            Escapes.appendQuotedString(UnsafeRawBufferPointer(rebasing: body[(zero + 1)...]), to: &out)
            if kind == TermEncoding.languageLiteral {
                out.append(UInt8(ascii: "@"))
                out.append(contentsOf: head)
            } else {
                out.append(UInt8(ascii: "^"))
                out.append(UInt8(ascii: "^"))
                Escapes.appendIRI(head, to: &out)
            }
        default:
            out.append(contentsOf: [0x22, 0x22])
        }
    }

    /// Appends one statement and its line feed: a triple when `graph` is `nil` (the default
    /// graph), a quad otherwise.
    public static func appendQuad(_ quad: EncodedQuad, to out: inout [UInt8]) {
        appendTerm(quad.subject, to: &out)
        out.append(0x20)
        appendTerm(quad.predicate, to: &out)
        out.append(0x20)
        appendTerm(quad.object, to: &out)
        if let graph = quad.graph {
            out.append(0x20)
            appendTerm(graph, to: &out)
        }
        out.append(contentsOf: [0x20, UInt8(ascii: "."), 0x0A])
    }

    /// Appends one term.
    public static func appendTerm(_ term: Term, to out: inout [UInt8]) {
        TermEncoding.encode(term).withUnsafeBytes { appendTerm($0, to: &out) }
    }

    /// Appends one statement and its line feed.
    public static func appendQuad(_ quad: Quad, to out: inout [UInt8]) {
        let s = TermEncoding.encode(quad.subject), p = TermEncoding.encode(quad.predicate)
        let o = TermEncoding.encode(quad.object), g = quad.graph.map { TermEncoding.encode($0) }
        s.withUnsafeBytes { s in
            p.withUnsafeBytes { p in
                o.withUnsafeBytes { o in
                    if let g {
                        g.withUnsafeBytes { g in
                            appendQuad(EncodedQuad(subject: s, predicate: p, object: o, graph: g), to: &out)
                        }
                    } else {
                        appendQuad(EncodedQuad(subject: s, predicate: p, object: o, graph: nil), to: &out)
                    }
                }
            }
        }
    }

    /// The term as N-Triples text.
    public static func string(_ term: Term) -> String {
        var out: [UInt8] = []
        appendTerm(term, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The quads as an N-Triples document (N-Quads when some are in a named graph).
    public static func string(_ quads: [Quad]) -> String {
        var out: [UInt8] = []
        for quad in quads { appendQuad(quad, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
