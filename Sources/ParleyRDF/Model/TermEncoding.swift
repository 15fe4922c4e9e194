/// The compact byte form of a term, used as the dictionary key in the store and as the
/// currency between parsers, the store and serializers (so hot paths never build `String`s).
///
/// Layout: one kind byte, then UTF-8:
/// - `0x01` IRI: the IRI
/// - `0x02` blank node: the label
/// - `0x03` simple literal (`xsd:string`): the lexical form
/// - `0x04` language-tagged literal: the tag, `0x00`, the lexical form
/// - `0x05` typed literal: the datatype IRI, `0x00`, the lexical form
///
/// The lexical form comes last because it alone may contain `0x00` (from `\u0000`); IRIs and
/// language tags never do. The encoding of a term is unique, so byte equality is term equality.
public enum TermEncoding {
    public static let iri: UInt8 = 0x01
    public static let blank: UInt8 = 0x02
    public static let simpleLiteral: UInt8 = 0x03
    public static let languageLiteral: UInt8 = 0x04
    public static let typedLiteral: UInt8 = 0x05

    /// Appends the encoding of `term` to `buffer`.
    public static func encode(_ term: Term, into buffer: inout [UInt8]) {
        switch term {
        case .iri(let iri):
            buffer.append(Self.iri)
            buffer.append(contentsOf: iri.utf8)
        case .blank(let label):
            buffer.append(blank)
            buffer.append(contentsOf: label.utf8)
        case .literal(let literal):
            if let language = literal.language {
                buffer.append(languageLiteral)
                buffer.append(contentsOf: language.utf8)
                buffer.append(0)
            } else if literal.datatype == Vocabulary.xsdString {
                buffer.append(simpleLiteral)
            } else {
                buffer.append(typedLiteral)
                buffer.append(contentsOf: literal.datatype.utf8)
                buffer.append(0)
            }
            buffer.append(contentsOf: literal.lexical.utf8)
        }
    }

    /// The encoding of `term` as a new array.
    public static func encode(_ term: Term) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        encode(term, into: &buffer)
        return buffer
    }

    /// Decodes an encoded term, or returns `nil` when the bytes are not a valid encoding.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Term? {
        guard let kind = bytes.first else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: bytes[1...])
        switch kind {
        case iri:
            return .iri(String(decoding: body, as: UTF8.self))
        case blank:
            return .blank(String(decoding: body, as: UTF8.self))
        case simpleLiteral:
            return .literal(Literal(String(decoding: body, as: UTF8.self)))
        case languageLiteral, typedLiteral:
            guard let zero = body.firstIndex(of: 0) else { return nil }
            let head = String(decoding: UnsafeRawBufferPointer(rebasing: body[..<zero]), as: UTF8.self)
            let lexical = String(decoding: UnsafeRawBufferPointer(rebasing: body[(zero + 1)...]), as: UTF8.self)
            return .literal(kind == languageLiteral
                ? Literal(lexical, language: head)
                : Literal(lexical, datatype: head))
        default:
            return nil
        }
    }

    /// Decodes an encoded term held in an array.
    public static func decode(_ bytes: [UInt8]) -> Term? {
        bytes.withUnsafeBytes { decode($0) }
    }
}
