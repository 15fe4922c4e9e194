import Foundation
import ParleyRDF
import ParleyTestSupport
import Testing

@Suite struct NTriplesParserTests {
    static func parse(_ text: String, format: NTriplesParser<MemoryByteSource>.Format = .nTriples) throws -> [Quad] {
        var parser = NTriplesParser(text: text, format: format)
        return try parser.readAll()
    }

    static let s = Term.iri("http://ex/s"), p = Term.iri("http://ex/p")

    static let goodCases: [(text: String, object: Term)] = [
        (#"<http://ex/s> <http://ex/p> <http://ex/o> ."#, .iri("http://ex/o")),
        (#"<http://ex/s> <http://ex/p> _:b1 ."#, .blank("b1")),
        (#"<http://ex/s> <http://ex/p> _:a.b.c."#, .blank("a.b.c")),
        (#"<http://ex/s> <http://ex/p> "chat"@en-GB ."#, .literal(Literal("chat", language: "en-GB"))),
        (#"<http://ex/s> <http://ex/p> "01"^^<http://www.w3.org/2001/XMLSchema#integer> ."#,
         .literal(Literal("01", datatype: Vocabulary.xsdInteger))),
        (#"<http://ex/s> <http://ex/p> "x"^^<http://www.w3.org/2001/XMLSchema#string> ."#, .string("x")),
        (#"<http://ex/s> <http://ex/p> "tab\there \"q\" \\ \n\r\b\f\'" ."#, .string("tab\there \"q\" \\ \n\r\u{8}\u{C}'")),
        (#"<http://ex/s> <http://ex/p> "\u00E9\U0001F600 é" ."#, .string("é😀 é")),
        (#"<http://ex/s> <http://ex/p> <http://ex/\u00E9> ."#, .iri("http://ex/é")),
        ("<http://ex/s>\t<http://ex/p>\t\"a\"\t.\t# comment", .string("a")),
        (#"<http://ex/s><http://ex/p>"nospace"."#, .string("nospace")),
        (#"<http://ex/s> <http://ex/p> "\u0000" ."#, .string("\u{0}")),
    ]

    @Test("reads every kind of term", arguments: goodCases)
    func readsTerms(_ text: String, _ object: Term) throws {
        #expect(try Self.parse(text) == [Quad(Self.s, Self.p, object)])
    }

    static let badCases: [(text: String, error: String)] = [
        ("<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/b> .",
         "1:43: error: expected '.' after object, found '<http://ex/b>'"),
        ("<http://ex/s> <http://ex/p> \"abc .", "1:29: error: unterminated string literal"),
        (#"<http://ex/s> <http://ex/p> "a\qb" ."#, #"1:31: error: invalid escape '\q' in string"#),
        ("<foo> <http://ex/p> <http://ex/o> .", "1:1: error: relative IRI '<foo>' not allowed in N-Triples"),
        ("\n\n  <http://ex/s> <http://ex/p> \"é\" <x> .", "3:35: error: expected '.' after object, found '<x>'"),
        (#"<http://ex/s> <http://ex/p> "\uD800" ."#,
         #"1:30: error: escape '\uD800' in string is not a Unicode scalar value"#),
        (#"<http://ex/s> <http://ex/p> "\u00" ."#,
         #"1:30: error: invalid escape '\u00' in string: expected 4 hex digits"#),
        ("<http://ex/s> <http://ex/p> <http://ex/a b> .", "1:41: error: invalid character U+0020 in IRI"),
        (#"<http://ex/s> <http://ex/p> <http://ex/\u0020> ."#,
         #"1:40: error: escape '\u0020' in IRI stands for a character not allowed in IRIs"#),
        ("<http://ex/s> <http://ex/p> _:a:b .", "1:32: error: expected '.' after object, found ':b'"),
        ("<http://ex/s> <http://ex/p> \"a\"@1 .", "1:33: error: expected language tag after '@', found '1'"),
        ("<http://ex/s> <http://ex/p> \"a\"^^<rel> .", "1:34: error: relative IRI '<rel>' not allowed in N-Triples"),
        ("<http://ex/s> <http://ex/p> <http://ex/o>", "1:42: error: expected '.' after object, found end of line"),
        ("<http://ex/s> <http://ex/p> <http://ex/o> . <http://ex/s> <http://ex/p> <http://ex/o> .",
         "1:45: error: expected end of line after '.', found '<http://ex/s>'"),
        ("<http://ex/s> \"p\" <http://ex/o> .", "1:15: error: expected predicate IRI, found '\"p\"'"),
        ("\"s\" <http://ex/p> <http://ex/o> .", "1:1: error: expected subject (IRI or blank node), found '\"s\"'"),
        ("<http://ex/s> <http://ex/p> <http://ex/\u{0}> .", "1:40: error: invalid character U+0000 in IRI"),
        ("<http://ex/s> <http://ex/p> <http://ex/o", "1:29: error: unterminated IRI, expected '>'"),
        ("<http://ex/s>\r<http://ex/p> <http://ex/o> .", "1:14: error: expected predicate IRI, found end of line"),
        ("<http://ex/s> <http://ex/p> <http://ex/o> .\r\n<http://ex/s> <http://ex/p> <o> .",
         "2:29: error: relative IRI '<o>' not allowed in N-Triples"),
        ("<http://ex/s> <http://ex/p> <http://ex/o> .\r<http://ex/s> <http://ex/p> 1 .",
         "2:29: error: expected object (IRI, blank node or literal), found '1'"),
        ("<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> .",
         "1:43: error: expected '.' after object, found '<http://ex/g>'"),
    ]

    @Test("reports the position and what was expected", arguments: badCases)
    func reportsErrors(_ text: String, _ message: String) {
        #expect(throws: RDFSyntaxError.self) { try Self.parse(text) }
        do {
            _ = try Self.parse(text)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test("rejects invalid UTF-8 with the byte's position")
    func rejectsInvalidUTF8() {
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF5, 0x80, 0x80, 0x80]] {
            var parser = NTriplesParser(bytes: Array("<http://ex/s> <http://ex/p> \"".utf8) + bad + Array("\" .".utf8))
            #expect(throws: RDFSyntaxError.self) { _ = try parser.readAll() }
        }
        var parser = NTriplesParser(bytes: Array("<http://ex/s> <http://ex/p> \"".utf8) + [0xFF] + Array("\" .".utf8))
        #expect(throws: RDFSyntaxError("invalid UTF-8 byte 0xFF", at: TextPosition(line: 1, column: 30, offset: 29))) {
            _ = try parser.readAll()
        }
    }

    @Test("reads N-Quads graph labels and default-graph lines")
    func readsNQuads() throws {
        let text = """
            <http://ex/s> <http://ex/p> "a" <http://ex/g> .
            <http://ex/s> <http://ex/p> "b" _:g .
            <http://ex/s> <http://ex/p> "c" .
            """
        #expect(try Self.parse(text, format: .nQuads) == [
            Quad(Self.s, Self.p, .string("a"), graph: .iri("http://ex/g")),
            Quad(Self.s, Self.p, .string("b"), graph: .blank("g")),
            Quad(Self.s, Self.p, .string("c")),
        ])
        #expect(throws: RDFSyntaxError.self) { try Self.parse(#"<http://ex/s> <http://ex/p> "a" "g" ."#, format: .nQuads) }
    }

    static let document = """
        # A document exercising line ends and escapes.\r
        <http://ex/s> <http://ex/p> "caf\\u00E9 ☕ \\U0001F600" .\r
        <http://ex/s> <http://ex/p> _:b1 .\r<http://ex/s> <http://ex/p> "x"@en .
        <http://ex/s> <http://ex/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .

        <http://ex/s> <http://ex/\\u00E9> <http://ex/o> .
        """

    @Test("gives the same quads however the input is split across reads", arguments: [1, 2, 3, 7, 64])
    func chunkBoundaries(step: Int) throws {
        let expected = try Self.parse(Self.document)
        #expect(expected.count == 5)
        var parser = NTriplesParser(source: TrickleByteSource(Self.document, step: step))
        parser.chunkSize = 16
        #expect(try parser.readAll() == expected)
    }

    @Test("reads a file with no final newline, CRLF and lone CR line ends")
    func lineEnds() throws {
        let line = "<http://ex/s> <http://ex/p> <http://ex/o> ."
        for text in [line, line + "\n", line + "\r\n" + line, line + "\r" + line + "\r", "\n\n" + line + "\n\n"] {
            #expect(try Self.parse(text).count == text.components(separatedBy: "<http://ex/s>").count - 1)
        }
    }

    @Test("counts lines across chunk reads in error positions")
    func errorPositionAcrossChunks() {
        let text = String(repeating: "<http://ex/s> <http://ex/p> <http://ex/o> .\n", count: 50) + "<http://ex/s> <http://ex/p> oops ."
        var parser = NTriplesParser(source: TrickleByteSource(text, step: 5))
        parser.chunkSize = 32
        #expect(throws: RDFSyntaxError("expected object (IRI, blank node or literal), found 'oops'",
                                      at: TextPosition(line: 51, column: 29, offset: 50 * 44 + 28))) {
            _ = try parser.readAll()
        }
    }

    @Test("reads gzip-compressed input")
    func gzip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-nt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("data.nt")
        try Self.document.write(to: file, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [file.path]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0)
        var parser = NTriplesParser(source: try AnyByteSource.open(path: file.path + ".gz"))
        #expect(try parser.readAll() == Self.parse(Self.document))
    }

    @Test("reads a 10 MB literal and a 100 kB IRI, split into small reads")
    func longTerms() throws {
        let lexical = String(repeating: "0123456789", count: 1_000_000)
        let iri = "http://ex/" + String(repeating: "a", count: 100_000)
        let text = "<\(iri)> <http://ex/p> \"\(lexical)\" .\n<http://ex/s> <http://ex/p> <\(iri)> ."
        var parser = NTriplesParser(source: TrickleByteSource(text, step: 4096))
        parser.chunkSize = 1024
        let quads = try parser.readAll()
        #expect(quads == [Quad(.iri(iri), Self.p, .string(lexical)), Quad(Self.s, Self.p, .iri(iri))])
    }

    @Test("never crashes on arbitrary bytes")
    func arbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("<>\"\\_:.@^# \t\r\nabcu0129".utf8) + [0x00, 0x80, 0xC3, 0xA9, 0xFF, 0xED]
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator) ?? 0
            }
            for format in [NTriplesParser<MemoryByteSource>.Format.nTriples, .nQuads] {
                var parser = NTriplesParser(bytes: bytes, format: format)
                _ = try? parser.readAll()
            }
        }
    }

    @Test("hands out encoded terms that decode to the parsed terms")
    func encodedTerms() throws {
        var parser = NTriplesParser(text: #"<http://ex/s> <http://ex/p> "v"@fr <http://ex/g> ."#, format: .nQuads)
        var seen: [[UInt8]] = []
        try parser.read { quad in
            seen = [Array(quad.subject), Array(quad.predicate), Array(quad.object), Array(quad.graph ?? .init(start: nil, count: 0))]
        }
        #expect(seen == [TermEncoding.encode(Self.s), TermEncoding.encode(Self.p),
                         TermEncoding.encode(.literal(Literal("v", language: "fr"))), TermEncoding.encode(.iri("http://ex/g"))])
    }
}
