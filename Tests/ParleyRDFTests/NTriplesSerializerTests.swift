import ParleyRDF
import ParleyTestSupport
import Testing

@Suite struct NTriplesSerializerTests {
    static let cases: [(term: Term, text: String)] = [
        (.iri("http://ex/a"), "<http://ex/a>"),
        (.iri("http://ex/a b<>\"{}|^`\\"), #"<http://ex/a\u0020b\u003C\u003E\u0022\u007B\u007D\u007C\u005E\u0060\u005C>"#),
        (.iri("http://ex/é"), "<http://ex/é>"),
        (.blank("b1"), "_:b1"),
        (.blank("a b"), "_:x-612062"),
        (.blank("x-1"), "_:x-782d31"),
        (.blank("1.a"), "_:1.a"),
        (.blank("a."), "_:x-612e"),
        (.blank(""), "_:x-"),
        (.string("a\"b\\c\nd\re\tf é"), "\"a\\\"b\\\\c\\nd\\re\tf é\""),
        (.literal(Literal("hi", language: "en-GB")), "\"hi\"@en-gb"),
        (.literal(Literal("01", datatype: Vocabulary.xsdInteger)), "\"01\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
        (.literal(Literal("x", datatype: Vocabulary.xsdString)), "\"x\""),
    ]

    @Test("writes terms in canonical form", arguments: cases)
    func writesTerms(_ term: Term, _ text: String) {
        #expect(NTriplesSerializer.string(term) == text)
    }

    @Test("writes triples and quads that read back equal")
    func roundTrip() throws {
        let quads = [
            Quad(.iri("http://ex/s"), .iri("http://ex/p"), .string("line\nbreak \"quoted\" \u{0}")),
            Quad(.blank("b"), .iri("http://ex/p"), .literal(Literal("01", datatype: Vocabulary.xsdInteger))),
            Quad(.iri("http://ex/s"), .iri("http://ex/p"), .iri("http://ex/o"), graph: .iri("http://ex/g")),
            Quad(.iri("http://ex/s"), .iri("http://ex/p"), .literal(Literal("v", language: "fr")), graph: .blank("g")),
        ]
        let text = NTriplesSerializer.string(quads)
        #expect(text.hasPrefix("<http://ex/s> <http://ex/p> \"line\\nbreak \\\"quoted\\\" \u{0}\" .\n"))
        var parser = NTriplesParser(text: text, format: .nQuads)
        #expect(try parser.readAll() == quads)
    }

    @Test("rewrites invalid blank node labels injectively")
    func blankLabels() throws {
        let labels = ["a b", "x-612062", "a.", "x-", "", "ok", "é", "-a", "_"]
        let quads = labels.map { Quad(.blank($0), .iri("http://ex/p"), .string($0)) }
        var parser = NTriplesParser(text: NTriplesSerializer.string(quads))
        let read = try parser.readAll()
        #expect(Set(read.map(\.subject)).count == labels.count)
        #expect(GraphIsomorphism.areIsomorphic(read, quads))
    }

    @Test("copies encoded quads straight from a parser")
    func encodedRoundTrip() throws {
        let text = "<http://ex/s> <http://ex/p> \"a\\tb\"@en <http://ex/g> .\n_:b <http://ex/p> \"1\"^^<http://ex/t> .\n"
        var parser = NTriplesParser(text: text, format: .nQuads)
        var out: [UInt8] = []
        try parser.read { NTriplesSerializer.appendQuad($0, to: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "<http://ex/s> <http://ex/p> \"a\tb\"@en <http://ex/g> .\n_:b <http://ex/p> \"1\"^^<http://ex/t> .\n")
    }
}
