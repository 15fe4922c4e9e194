import ParleyRDF
import ParleyTestSupport
import Testing

@Suite struct TurtleSerializerTests {
    static let prefixes: [(prefix: String, iri: String)] = [("ex", "http://ex/"), ("xsd", Vocabulary.xsd), ("bad.", "http://bad/")]

    static func ex(_ local: String) -> Term { .iri("http://ex/" + local) }

    @Test("groups by subject and predicate and uses shorthand forms")
    func shorthand() {
        let quads = [
            Quad(Self.ex("s"), .iri(Vocabulary.rdfType), Self.ex("C")),
            Quad(Self.ex("s"), Self.ex("p"), .literal(Literal("01", datatype: Vocabulary.xsdInteger))),
            Quad(Self.ex("s"), Self.ex("p"), .literal(Literal("1.5", datatype: Vocabulary.xsdDecimal))),
            Quad(Self.ex("s"), Self.ex("p"), .literal(Literal("1.", datatype: Vocabulary.xsdDecimal))),
            Quad(Self.ex("s"), Self.ex("p"), .literal(Literal("true", datatype: Vocabulary.xsdBoolean))),
            Quad(Self.ex("s"), Self.ex("q"), .string("two\nlines")),
            Quad(Self.ex("t"), Self.ex("a b"), Self.ex("-x.")),
        ]
        #expect(TurtleSerializer.string(quads, prefixes: Self.prefixes) == """
            @prefix ex: <http://ex/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

            ex:s a ex:C ;
                ex:p 01 ,
                    1.5 ,
                    "1."^^xsd:decimal ,
                    true ;
                ex:q "two\\nlines" .
            ex:t <http://ex/a\\u0020b> ex:\\-x\\. .

            """)
    }

    static let roundTripCases: [[Quad]] = [
        [Quad(.blank("b1"), ex("p"), .blank("b2")), Quad(.blank("b2"), ex("p"), .blank("b1"))],
        [Quad(ex("s"), ex("p"), .literal(Literal("-.5e+3", datatype: Vocabulary.xsdDouble))),
         Quad(ex("s"), ex("p"), .literal(Literal("1e", datatype: Vocabulary.xsdDouble))),
         Quad(ex("s"), ex("p"), .literal(Literal("TRUE", datatype: Vocabulary.xsdBoolean))),
         Quad(ex("s"), ex("p"), .literal(Literal(" 1", datatype: Vocabulary.xsdInteger)))],
        [Quad(ex("a~b%2"), ex("p%41"), ex("c:d/e?f#g")), Quad(ex("é·"), ex("p"), ex("_x"))],
        [Quad(ex("s"), ex("p"), .string("\"\"\"'''\\\r\n\t")),
         Quad(ex("s"), ex("p"), .literal(Literal("x", language: "en-US")))],
        [Quad(ex("s"), ex("p"), ex("o"), graph: ex("g"))],
    ]

    @Test("writes Turtle that reads back as the same graph", arguments: roundTripCases)
    func roundTrip(_ quads: [Quad]) throws {
        let text = TurtleSerializer.string(quads, prefixes: Self.prefixes, baseIRI: "http://ex/")
        var parser = TurtleParser(text: text)
        let read = try parser.readAll()
        let triples = quads.map { Quad($0.subject, $0.predicate, $0.object) }
        #expect(GraphIsomorphism.areIsomorphic(read, triples), "\(text)")
    }
}
