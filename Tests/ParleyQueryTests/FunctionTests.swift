import Foundation
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import Testing

@Suite struct FunctionTests {
    static let terms: [ExpressionCase] = [
        .init("STR(?iri)", "\"http://example/a\""),
        .init("STR(?en)", "\"abc\""),
        .init("STR(1.50)", "\"1.50\""),
        .init("STR(?b)", nil),
        .init("LANG(?en)", "\"en\""),
        .init("LANG(?s)", "\"\""),
        .init("LANG(?iri)", nil),
        .init("LANGMATCHES(\"en-US\", \"en\")", "true"),
        .init("LANGMATCHES(\"EN\", \"en\")", "true"),
        .init("LANGMATCHES(\"english\", \"en\")", "false"),
        .init("LANGMATCHES(\"fr\", \"*\")", "true"),
        .init("LANGMATCHES(\"\", \"*\")", "false"),
        .init("DATATYPE(?i)", "xsd:integer"),
        .init("DATATYPE(?s)", "xsd:string"),
        .init("DATATYPE(?en)", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>"),
        .init("DATATYPE(?iri)", nil),
        .init("BOUND(?i)", "true"),
        .init("BOUND(?nope)", "false"),
        .init("IRI(\"http://x/y\")", "<http://x/y>"),
        .init("URI(?iri)", "<http://example/a>"),
        .init("IRI(1)", nil),
        .init("IF(?i = 1, \"yes\", \"no\")", "\"yes\""),
        .init("IF(?i = 2, \"yes\", \"no\")", "\"no\""),
        .init("IF(?nope, \"yes\", \"no\")", nil),
        .init("IF(true, \"yes\", ?nope)", "\"yes\""),
        .init("COALESCE(?nope, 1/0, ?i)", "1"),
        .init("COALESCE(?nope)", nil),
        .init("COALESCE()", nil),
        .init("STRLANG(\"chat\", \"fr\")", "\"chat\"@fr"),
        .init("STRLANG(?en, \"fr\")", nil),
        .init("STRLANG(\"chat\", \"\")", nil),
        .init("STRDT(\"123\", xsd:integer)", "123"),
        .init("STRDT(\"x\", <http://example/t>)", "\"x\"^^<http://example/t>"),
        .init("STRDT(?en, xsd:string)", nil),
        .init("sameTerm(1, 1)", "true"),
        .init("sameTerm(1, 1.0)", "false"),
        .init("sameTerm(?unknown, ?unknown)", "true"),
        .init("isIRI(?iri)", "true"),
        .init("isURI(?s)", "false"),
        .init("isBLANK(?b)", "true"),
        .init("isLITERAL(?s)", "true"),
        .init("isLITERAL(?iri)", "false"),
        .init("isNUMERIC(?d)", "true"),
        .init("isNUMERIC(\"1\")", "false"),
        .init("isNUMERIC(?badint)", "false"),
        .init("isNUMERIC(\"300\"^^xsd:byte)", "false"),
        .init("isNUMERIC(\"3\"^^xsd:nonNegativeInteger)", "true"),
        .init("isIRI(?nope)", nil),
        .init("<http://example/no-such-function>(1)", nil),
    ]

    @Test("evaluates the functions on terms", arguments: terms)
    func termFunctions(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }

    static let strings: [ExpressionCase] = [
        .init("STRLEN(\"食べ物\")", "3"),
        .init("STRLEN(\"\\U0001F600x\")", "2"),
        .init("STRLEN(?en)", "3"),
        .init("STRLEN(1)", nil),
        .init("SUBSTR(\"foobar\", 4)", "\"bar\""),
        .init("SUBSTR(\"foobar\", 4, 1)", "\"b\""),
        .init("SUBSTR(\"foobar\"@en, 1, 3)", "\"foo\"@en"),
        .init("SUBSTR(\"12345\", 1.5, 2.6)", "\"234\""),
        .init("SUBSTR(\"12345\", 0, 3)", "\"12\""),
        .init("SUBSTR(\"\\U0001F600ab\", 2)", "\"ab\""),
        .init("SUBSTR(\"abc\", \"1\")", nil),
        .init("UCASE(\"foo\"@en)", "\"FOO\"@en"),
        .init("LCASE(\"BAR\")", "\"bar\""),
        .init("UCASE(<http://a>)", nil),
        .init("ENCODE_FOR_URI(\"Los Angeles\")", "\"Los%20Angeles\""),
        .init("ENCODE_FOR_URI(\"100% é~\"@en)", "\"100%25%20%C3%A9~\""),
        .init("CONCAT(\"foo\", \"bar\")", "\"foobar\""),
        .init("CONCAT(\"foo\"@en, \"bar\"@en)", "\"foobar\"@en"),
        .init("CONCAT(\"foo\"@en, \"bar\")", "\"foobar\""),
        .init("CONCAT(\"foo\"@en, \"bar\"@fr)", "\"foobar\""),
        .init("CONCAT()", "\"\""),
        .init("CONCAT(\"a\", 1)", nil),
        .init("CONTAINS(\"foobar\", \"bar\")", "true"),
        .init("CONTAINS(\"foobar\"@en, \"bar\"@en)", "true"),
        .init("CONTAINS(\"foobar\"@en, \"bar\")", "true"),
        .init("CONTAINS(\"foobar\", \"bar\"@en)", nil),
        .init("CONTAINS(\"foobar\"@en, \"bar\"@fr)", nil),
        .init("CONTAINS(\"foobar\", \"\")", "true"),
        .init("STRSTARTS(\"foobar\", \"foo\")", "true"),
        .init("STRSTARTS(\"foobar\", \"bar\")", "false"),
        .init("STRENDS(\"foobar\", \"bar\")", "true"),
        .init("STRENDS(1, \"1\")", nil),
        .init("STRBEFORE(\"abc\", \"b\")", "\"a\""),
        .init("STRBEFORE(\"abc\"@en, \"bc\")", "\"a\"@en"),
        .init("STRBEFORE(\"abc\"@en, \"z\")", "\"\""),
        .init("STRBEFORE(\"abc\"@en, \"\")", "\"\"@en"),
        .init("STRBEFORE(\"abc\", \"b\"@cy)", nil),
        .init("STRAFTER(\"abc\", \"b\")", "\"c\""),
        .init("STRAFTER(\"abc\"@en, \"\")", "\"abc\"@en"),
        .init("STRAFTER(\"abc\"^^xsd:string, \"z\")", "\"\""),
        .init("REGEX(\"Alice\", \"^ali\", \"i\")", "true"),
        .init("REGEX(\"Alice\", \"^ali\")", "false"),
        .init("REGEX(\"Alice\"@en, \"ice$\")", "true"),
        .init("REGEX(\"a.c\", \".\", \"q\")", "true"),
        .init("REGEX(\"abc\", \"a.c\", \"q\")", "false"),
        .init("REGEX(\"a\\nb\", \"a.b\")", "false"),
        .init("REGEX(\"a\\nb\", \"a.b\", \"s\")", "true"),
        .init("REGEX(\"x\\nb\", \"^b\", \"m\")", "true"),
        .init("REGEX(\"abc\", \"a b c\", \"x\")", "true"),
        .init("REGEX(\"abc\", \"(\")", nil),
        .init("REGEX(\"abc\", \"a\", \"z\")", nil),
        .init("REGEX(1, \"1\")", nil),
        .init("REPLACE(\"abcd\", \"b\", \"Z\")", "\"aZcd\""),
        .init("REPLACE(\"abab\", \"B\", \"Z\", \"i\")", "\"aZaZ\""),
        .init("REPLACE(\"abcd\"@en, \"b\", \"Z\")", "\"aZcd\"@en"),
        .init("REPLACE(\"abcd\", \"(ab)|(a)\", \"[1=$1][2=$2]\")", "\"[1=ab][2=]cd\""),
        .init("REPLACE(\"a.b\", \".\", \"$\", \"q\")", "\"a$b\""),
    ]

    @Test("evaluates the string functions with §17.4.3's argument rules", arguments: strings)
    func stringFunctions(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }

    static let numerics: [ExpressionCase] = [
        .init("ABS(-2)", "2"),
        .init("ABS(-1.5)", "1.5"),
        .init("ABS(\"-1.5\"^^xsd:float)", "\"1.5E0\"^^xsd:float"),
        .init("ABS(\"a\")", nil),
        .init("CEIL(1.1)", "\"2\"^^xsd:decimal"),
        .init("CEIL(-1.6)", "\"-1\"^^xsd:decimal"),
        .init("CEIL(-2)", "-2"),
        .init("FLOOR(1.9)", "\"1\"^^xsd:decimal"),
        .init("FLOOR(-1.1)", "\"-2\"^^xsd:decimal"),
        .init("FLOOR(-1.1e0)", "\"-2.0E0\"^^xsd:double"),
        .init("ROUND(2.5)", "\"3\"^^xsd:decimal"),
        .init("ROUND(-2.5)", "\"-2\"^^xsd:decimal"),
        .init("ROUND(-1.6)", "\"-2\"^^xsd:decimal"),
        .init("ROUND(1.1)", "\"1\"^^xsd:decimal"),
        .init("ROUND(2.5e0)", "\"3.0E0\"^^xsd:double"),
        .init("ROUND(-2.5e0)", "\"-2.0E0\"^^xsd:double"),
        .init("ROUND(7)", "7"),
    ]

    @Test("evaluates ABS, CEIL, FLOOR and ROUND keeping the argument's type", arguments: numerics)
    func numericFunctions(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }

    static let dates: [ExpressionCase] = [
        .init("YEAR(?dt)", "2010"),
        .init("MONTH(?dt)", "12"),
        .init("DAY(?dt)", "21"),
        .init("HOURS(?dt)", "15"),
        .init("MINUTES(?dt)", "38"),
        .init("SECONDS(?dt)", "\"2\"^^xsd:decimal"),
        .init("SECONDS(?utc)", "13.815"),
        .init("TIMEZONE(?dt)", "\"-PT8H\"^^xsd:dayTimeDuration"),
        .init("TIMEZONE(?utc)", "\"PT0S\"^^xsd:dayTimeDuration"),
        .init("TIMEZONE(\"2011-01-10T14:45:13+05:30\"^^xsd:dateTime)", "\"PT5H30M\"^^xsd:dayTimeDuration"),
        .init("TIMEZONE(?local)", nil),
        .init("TZ(?dt)", "\"-08:00\""),
        .init("TZ(?utc)", "\"Z\""),
        .init("TZ(?local)", "\"\""),
        .init("YEAR(\"2010-12-21\")", nil),
        .init("YEAR(\"2010-13-21T00:00:00\"^^xsd:dateTime)", nil),
        .init("DAY(\"2012-02-29\"^^xsd:date)", "29"),
    ]

    @Test("extracts date and time fields", arguments: dates)
    func dateFunctions(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }

    static let hashes: [ExpressionCase] = [
        .init("MD5(\"abc\")", "\"900150983cd24fb0d6963f7d28e17f72\""),
        .init("MD5(\"食べ物\")", "\"e7ada485d13b1decf628c9211bc3a97b\""),
        .init("SHA1(\"abc\")", "\"a9993e364706816aba3e25717850c26c9cd0d89d\""),
        .init("SHA256(\"abc\"^^xsd:string)", "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""),
        .init("SHA384(\"abc\")", "\"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7\""),
        .init("SHA512(\"abc\")", "\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f\""),
        .init("MD5(\"abc\"@en)", nil),
        .init("SHA1(1)", nil),
    ]

    @Test("hashes the UTF-8 bytes of a simple literal to lower-case hex", arguments: hashes)
    func hashFunctions(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }

    @Test("resolves IRI() against the base IRI")
    func iriResolution() throws {
        let context = ExpressionContext(baseIRI: "http://example.org/dir/doc")
        #expect(try ExpressionText.evaluate("IRI(\"other\")", context: context) == .iri("http://example.org/dir/other"))
        #expect(try ExpressionText.evaluate("IRI(\"http://abs/x\")", context: context) == .iri("http://abs/x"))
    }

    @Test("BNODE(key) is stable within a solution and fresh across solutions")
    func blankNodes() throws {
        let context = ExpressionContext()
        let evaluator = ExpressionEvaluator(context: context)
        let keyed = try ExpressionText.parse("BNODE(\"x\")")
        let other = try ExpressionText.parse("BNODE(\"y\")")
        let fresh = try ExpressionText.parse("BNODE()")
        let empty: [String: Term] = [:]
        context.beginSolution()
        let a1 = try evaluator.evaluate(keyed, empty), a2 = try evaluator.evaluate(keyed, empty)
        let b = try evaluator.evaluate(other, empty)
        let f1 = try evaluator.evaluate(fresh, empty), f2 = try evaluator.evaluate(fresh, empty)
        context.beginSolution()
        let a3 = try evaluator.evaluate(keyed, empty)
        #expect(a1 == a2)
        #expect(a1 != b)
        #expect(f1 != f2)
        #expect(a1 != a3)
        if case .blank = a1 {} else { Issue.record("BNODE gave \(a1)") }
        #expect(throws: ExpressionError.self) { try evaluator.evaluate(try ExpressionText.parse("BNODE(1)"), empty) }
    }

    @Test("NOW is fixed per context; UUID, STRUUID and RAND have the right shape")
    func nondeterministic() throws {
        let context = ExpressionContext()
        let now1 = try ExpressionText.evaluate("NOW()", context: context)
        let now2 = try ExpressionText.evaluate("NOW()", context: context)
        #expect(now1 == now2)
        #expect(now1 == context.now)
        #expect(try ExpressionText.evaluate("DATATYPE(NOW())") == .iri(Vocabulary.xsd + "dateTime"))
        #expect(try ExpressionText.evaluate("YEAR(NOW()) >= 2024") == ExpressionText.term("true"))
        guard case .iri(let uuid)? = try ExpressionText.evaluate("UUID()") else { Issue.record("UUID is not an IRI"); return }
        #expect(uuid.hasPrefix("urn:uuid:") && uuid.count == 45 && uuid == uuid.lowercased())
        #expect(try ExpressionText.evaluate("UUID() = UUID()") == ExpressionText.term("false"))
        #expect(try ExpressionText.evaluate("STRLEN(STRUUID())") == ExpressionText.term("36"))
        #expect(try ExpressionText.evaluate("isLITERAL(STRUUID())") == ExpressionText.term("true"))
        #expect(try ExpressionText.evaluate("RAND() >= 0 && RAND() < 1") == ExpressionText.term("true"))
        #expect(try ExpressionText.evaluate("DATATYPE(RAND())") == .iri(Vocabulary.xsdDouble))
    }

    @Test("calls extension functions by IRI and reports unknown ones as expression errors")
    func extensionFunctions() throws {
        let context = ExpressionContext()
        context.extensionFunctions["http://example/twice"] = { args in
            guard case .literal(let l)? = args.first else { throw ExpressionError("twice needs a literal") }
            return .string(l.lexical + l.lexical)
        }
        #expect(try ExpressionText.evaluate("ex:twice(\"ab\")", context: context) == .string("abab"))
        #expect(try ExpressionText.evaluate("ex:twice(<http://a>)", context: context) == nil)
        #expect(try ExpressionText.evaluate("ex:thrice(\"ab\")", context: context) == nil)
    }
}

@Suite struct FunctionCodepointTests {
    static let cases: [ExpressionCase] = [
        .init("\"\\u00E9\" = \"e\\u0301\"", "false"),
        .init("CONTAINS(\"e\\u0301\", \"e\")", "true"),
        .init("STRLEN(\"e\\u0301\")", "2"),
        .init("STRSTARTS(\"e\\u0301x\", \"e\")", "true"),
    ]

    @Test("works on code points, not on grapheme clusters", arguments: cases)
    func codepoints(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }
}
