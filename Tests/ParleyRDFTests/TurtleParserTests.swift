import ParleyRDF
import ParleyTestSupport
import Testing

@Suite struct TurtleParserTests {
    static func parse(_ text: String, base: String? = "http://ex/base/doc") throws -> [Quad] {
        var parser = TurtleParser(text: text, baseIRI: base)
        return try parser.readAll()
    }

    static func ex(_ local: String) -> Term { .iri("http://ex/" + local) }
    static let header = "@prefix ex: <http://ex/> .\n"

    @Test("reads prefixes, lists, literals and keeps lexical forms")
    func readsTheGrammar() throws {
        let quads = try Self.parse(Self.header + """
            ex:s a ex:C ; ex:p "01"^^<http://www.w3.org/2001/XMLSchema#integer>, 01, -1.50, +.5e-3, true,
                'single', \"\"\"long
            "quoted" "" end\"\"\", "chat"@fr ;
                ex:q <rel#x> .
            """)
        let integer = { Term.literal(Literal($0, datatype: Vocabulary.xsdInteger)) }
        #expect(quads == [
            Quad(Self.ex("s"), .iri(Vocabulary.rdfType), Self.ex("C")),
            Quad(Self.ex("s"), Self.ex("p"), integer("01")),
            Quad(Self.ex("s"), Self.ex("p"), integer("01")),
            Quad(Self.ex("s"), Self.ex("p"), .literal(Literal("-1.50", datatype: Vocabulary.xsdDecimal))),
            Quad(Self.ex("s"), Self.ex("p"), .literal(Literal("+.5e-3", datatype: Vocabulary.xsdDouble))),
            Quad(Self.ex("s"), Self.ex("p"), .literal(Literal("true", datatype: Vocabulary.xsdBoolean))),
            Quad(Self.ex("s"), Self.ex("p"), .string("single")),
            Quad(Self.ex("s"), Self.ex("p"), .string("long\n\"quoted\" \"\" end")),
            Quad(Self.ex("s"), Self.ex("p"), .literal(Literal("chat", language: "fr"))),
            Quad(Self.ex("s"), Self.ex("q"), .iri("http://ex/base/rel#x")),
        ])
    }

    @Test("reads blank node property lists and collections into the right shape")
    func readsNesting() throws {
        let quads = try Self.parse(Self.header + "[ ex:p ( 1 [ ex:q ex:r ] ) ] ex:z () .\n_:b1 ex:p [] .")
        #expect(quads.count == 8)
        #expect(quads.contains(Quad(.blank("b1"), Self.ex("p"), quads.last?.object ?? .blank(""))))
        if case .blank(let label)? = quads.last?.object {
            #expect(label.hasPrefix("genid"))
        } else {
            Issue.record("anonymous object is not a blank node")
        }
    }

    @Test("exposes the declared prefixes in order, last binding winning")
    func prefixes() throws {
        var parser = TurtleParser(text: "@prefix a: <http://a/> .\nPREFIX b: <http://b/>\n@prefix a: <http://a2/> .\n@base <http://base/> . @prefix : <rel/> .")
        _ = try parser.readAll()
        #expect(parser.prefixes.map(\.prefix) == ["a", "b", ""])
        #expect(parser.prefixes.map(\.iri) == ["http://a2/", "http://b/", "http://base/rel/"])
    }

    @Test("decodes prefixed-name escapes and keeps percent escapes")
    func localNames() throws {
        let quads = try Self.parse(Self.header + #"ex:a\~b ex:p%20q ex:c.d:e\. ."#)
        #expect(quads == [Quad(Self.ex("a~b"), Self.ex("p%20q"), Self.ex("c.d:e."))])
    }

    static let badCases: [(text: String, error: String)] = [
        (header + "ex:s ex:p ex:o ex:x .", "2:16: error: expected '.', ';' or ',' after object, found 'ex:x'"),
        ("ex:s ex:p ex:o .", "1:1: error: undefined prefix 'ex:' in 'ex:s'"),
        (header + "ex:s ex:p \"abc .", "2:11: error: unterminated string literal"),
        (header + "ex:s ex:p [ ex:q ex:r .", "2:23: error: expected ']', ';' or ',' after object, found '.'"),
        (header + "ex:s ex:p ( 1 2 .", "2:17: error: expected object or ')', found '.'"),
        (header + #"ex:s ex:p "a\qb" ."#, #"2:13: error: invalid escape '\q' in string"#),
        (header + "ex:s ex:p .", "2:11: error: expected object (IRI, blank node, literal or collection), found '.'"),
        ("@prefix ex: <http://ex/>\nex:s ex:p ex:o .", "2:1: error: expected '.' after directive, found 'ex:s'"),
        (header + "\"lit\" ex:p ex:o .", "2:1: error: expected subject (IRI, blank node or collection) or directive, found '\"lit\"'"),
        (header + "ex:s ex:p ex:o", "2:15: error: expected '.', ';' or ',' after object, found end of input"),
        (header + "ex:s ex:p ex:o, bogus .",
         "2:17: error: unexpected 'bogus', expected a prefixed name ('bogus:…'), 'a', 'true' or 'false'"),
        (header + "ex:s \"p\" ex:o .", "2:6: error: expected predicate (IRI or 'a'), found '\"p\"'"),
        (header + "ex:s ex:p \"\\uDC00\" .", "2:12: error: escape '\\uDC00' in string is not a Unicode scalar value"),
        (header + "ex:s ex:p <a b> .", "2:13: error: invalid character U+0020 in IRI"),
    ]

    @Test("reports the position and what was expected", arguments: badCases)
    func reportsErrors(_ text: String, _ message: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test("names a relative IRI that has no base to resolve against")
    func relativeWithoutBase() {
        #expect(throws: RDFSyntaxError("relative IRI '<foo>' cannot be resolved: no base IRI",
                                      at: TextPosition(line: 1, column: 29, offset: 28))) {
            try Self.parse("<http://ex/s> <http://ex/p> <foo> .", base: nil)
        }
    }

    @Test("accepts 1,000 nested levels and rejects 1,001 without overflowing the stack", arguments: ["[ ex:p ", "( "])
    func nestingLimit(_ open: String) throws {
        let close = open.hasPrefix("[") ? " ]" : " )"
        func document(_ depth: Int) -> String {
            Self.header + "ex:s ex:p " + String(repeating: open, count: depth) + "1"
                + String(repeating: close, count: depth) + " ."
        }
        #expect(try !Self.parse(document(1000)).isEmpty)
        do {
            _ = try Self.parse(document(1001))
            Issue.record("1,001 levels accepted")
        } catch let error as RDFSyntaxError {
            #expect(error.message == "nesting deeper than 1000 levels")
        }
        #expect(throws: RDFSyntaxError.self) { try Self.parse(String(repeating: "(", count: 1_000_000)) }
    }

    @Test("reads the same triples from 1-byte reads")
    func trickle() throws {
        let text = Self.header + "ex:s ex:p \"é😀\", ex:o ; ex:q ( 1 2.5 ) ."
        var parser = TurtleParser(source: TrickleByteSource(text), baseIRI: nil)
        #expect(GraphIsomorphism.areIsomorphic(try parser.readAll(), try Self.parse(text)))
    }

    @Test("never crashes on arbitrary bytes")
    func arbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("<>\"'\\_:.@^#[]();, \nabe0129+-ex:pa".utf8) + [0x00, 0xC3, 0xA9, 0xFF]
        for _ in 0..<1000 {
            let bytes = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator) ?? 0
            }
            var parser = TurtleParser(bytes: Array(Self.header.utf8) + bytes, baseIRI: "http://ex/")
            _ = try? parser.readAll()
        }
    }
}
