/// Writes Turtle from a stream of triples (graph names are ignored).
///
/// Output starts with `@base` (when given) and `@prefix` lines, then groups consecutive triples
/// with the same subject using `;` and the same subject and predicate using `,`. It uses `a` for
/// `rdf:type`, a prefixed name wherever the local part can be written as a `PN_LOCAL` (escaping
/// what `PN_LOCAL_ESC` allows, `<…>` otherwise), bare numbers and booleans only when the lexical
/// form is exactly what the Turtle grammar reads back as that literal, and short strings with
/// `\n`/`\r` escapes.
///
/// Guarantee: the output reads back (with ``TurtleParser`` or any conforming reader) as a graph
/// isomorphic to the triples given, with blank node labels kept where they are valid (and
/// rewritten injectively as ``NTriplesSerializer`` does otherwise). Triples whose subject is a
/// literal or whose predicate is not an IRI cannot be written in Turtle and are skipped.
public struct TurtleSerializer {
    private let declarations: [(prefix: String, iri: String)]
    /// Usable prefixes, longest namespace first, so the longest match wins.
    private let namespaces: [(prefix: [UInt8], iri: [UInt8])]
    private let baseIRI: String?
    private var headerWritten = false
    private var subject: [UInt8] = []
    private var predicate: [UInt8] = []
    private var inStatement = false

    /// A serializer declaring `prefixes` (invalid prefix names are left out; for a repeated
    /// prefix the last IRI wins) and, when given, `@base`.
    public init(prefixes: [(prefix: String, iri: String)], baseIRI: String? = nil) {
        var latest: [String: String] = [:]
        var order: [String] = []
        for (prefix, iri) in prefixes where Self.isPrefixName(Array(prefix.utf8)) {
            if latest[prefix] == nil { order.append(prefix) }
            latest[prefix] = iri
        }
        declarations = order.compactMap { prefix in latest[prefix].map { (prefix: prefix, iri: $0) } }
        namespaces = declarations.map { (prefix: Array($0.prefix.utf8), iri: Array($0.iri.utf8)) }
            .sorted { $0.iri.count > $1.iri.count }
        self.baseIRI = baseIRI
    }

    /// Appends one triple (the graph is ignored), in ``TermEncoding`` form.
    public mutating func append(_ quad: EncodedQuad, to out: inout [UInt8]) {
        writeHeaderIfNeeded(to: &out)
        guard let subjectKind = quad.subject.first, subjectKind == TermEncoding.iri || subjectKind == TermEncoding.blank,
              quad.predicate.first == TermEncoding.iri else { return }
        if inStatement && quad.subject.elementsEqual(subject) {
            if quad.predicate.elementsEqual(predicate) {
                out.append(contentsOf: Array(" ,\n        ".utf8))
            } else {
                out.append(contentsOf: Array(" ;\n    ".utf8))
                writePredicate(quad.predicate, to: &out)
                out.append(0x20)
            }
        } else {
            if inStatement { out.append(contentsOf: Array(" .\n".utf8)) }
            writeTerm(quad.subject, to: &out)
            out.append(0x20)
            writePredicate(quad.predicate, to: &out)
            out.append(0x20)
            subject.removeAll(keepingCapacity: true)
            subject.append(contentsOf: quad.subject)
            inStatement = true
        }
        predicate.removeAll(keepingCapacity: true)
        predicate.append(contentsOf: quad.predicate)
        writeTerm(quad.object, to: &out)
    }

    /// Appends one triple (the graph is ignored).
    public mutating func append(_ quad: Quad, to out: inout [UInt8]) {
        let s = TermEncoding.encode(quad.subject), p = TermEncoding.encode(quad.predicate)
        let o = TermEncoding.encode(quad.object)
        s.withUnsafeBytes { s in
            p.withUnsafeBytes { p in
                o.withUnsafeBytes { o in
                    append(EncodedQuad(subject: s, predicate: p, object: o, graph: nil), to: &out)
                }
            }
        }
    }

    /// Ends the last statement (and writes the header if nothing was appended).
    public mutating func finish(to out: inout [UInt8]) {
        writeHeaderIfNeeded(to: &out)
        if inStatement { out.append(contentsOf: Array(" .\n".utf8)) }
        inStatement = false
    }

    /// The triples as a Turtle document.
    public static func string(_ quads: [Quad], prefixes: [(prefix: String, iri: String)] = [],
                              baseIRI: String? = nil) -> String {
        var serializer = TurtleSerializer(prefixes: prefixes, baseIRI: baseIRI)
        var out: [UInt8] = []
        for quad in quads { serializer.append(quad, to: &out) }
        serializer.finish(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func writeHeaderIfNeeded(to out: inout [UInt8]) {
        guard !headerWritten else { return }
        headerWritten = true
        if let baseIRI {
            out.append(contentsOf: Array("@base ".utf8))
            Array(baseIRI.utf8).withUnsafeBytes { Escapes.appendIRI($0, to: &out) }
            out.append(contentsOf: Array(" .\n".utf8))
        }
        for (prefix, iri) in declarations {
            out.append(contentsOf: Array("@prefix \(prefix): ".utf8))
            Array(iri.utf8).withUnsafeBytes { Escapes.appendIRI($0, to: &out) }
            out.append(contentsOf: Array(" .\n".utf8))
        }
        if baseIRI != nil || !declarations.isEmpty { out.append(0x0A) }
    }

    // MARK: Terms

    private func writePredicate(_ encoded: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let rdfType: StaticString = "\u{01}http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
        if encoded.elementsEqual(UnsafeRawBufferPointer(start: rdfType.utf8Start, count: rdfType.utf8CodeUnitCount)) {
            out.append(UInt8(ascii: "a"))
        } else {
            writeTerm(encoded, to: &out)
        }
    }

    private func writeTerm(_ encoded: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard let kind = encoded.first else { return NTriplesSerializer.appendTerm(encoded, to: &out) }
        let body = UnsafeRawBufferPointer(rebasing: encoded[1...])
        switch kind {
        case TermEncoding.iri:
            writeIRI(body, to: &out)
        case TermEncoding.simpleLiteral:
            Escapes.appendTurtleString(body, to: &out)
        case TermEncoding.languageLiteral:
            guard let zero = body.firstIndex(of: 0) else { return NTriplesSerializer.appendTerm(encoded, to: &out) }
            Escapes.appendTurtleString(UnsafeRawBufferPointer(rebasing: body[(zero + 1)...]), to: &out)
            out.append(UInt8(ascii: "@"))
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: body[..<zero]))
        case TermEncoding.typedLiteral:
            guard let zero = body.firstIndex(of: 0) else { return NTriplesSerializer.appendTerm(encoded, to: &out) }
            let datatype = UnsafeRawBufferPointer(rebasing: body[..<zero])
            let lexical = UnsafeRawBufferPointer(rebasing: body[(zero + 1)...])
            if TurtleLiteralForms.isNative(lexical, datatype: datatype) {
                out.append(contentsOf: lexical)
            } else {
                Escapes.appendTurtleString(lexical, to: &out)
                out.append(contentsOf: [UInt8(ascii: "^"), UInt8(ascii: "^")])
                writeIRI(datatype, to: &out)
            }
        default:
            NTriplesSerializer.appendTerm(encoded, to: &out)
        }
    }

    /// A prefixed name when a namespace matches and the rest is a valid local name, else `<iri>`.
    private func writeIRI(_ iri: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        for (prefix, namespace) in namespaces where iri.starts(with: namespace) {
            let local = UnsafeRawBufferPointer(rebasing: iri[namespace.count...])
            if let written = TurtleLiteralForms.localName(local) {
                out.append(contentsOf: prefix)
                out.append(UInt8(ascii: ":"))
                out.append(contentsOf: written)
                return
            }
        }
        Escapes.appendIRI(iri, to: &out)
    }

    /// `PN_PREFIX?`: empty, or `PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?`.
    static func isPrefixName(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let p = buffer.baseAddress else { return true }
            var i = 0, first = true, lastWasDot = false
            while i < buffer.count {
                guard let (c, length) = UTF8Scalars.decode(p, i, buffer.count) else { return false }
                if first {
                    guard CharacterClass.isNameStart(c) else { return false }
                } else if c == 0x2E {
                    lastWasDot = true
                    i += length
                    continue
                } else {
                    guard CharacterClass.isNameChar(c) else { return false }
                }
                lastWasDot = false
                first = false
                i += length
            }
            return !lastWasDot
        }
    }
}
