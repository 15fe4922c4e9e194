import Foundation
import ParleyRDF
import ParleyTestSupport
import Testing

/// The harness's judge must fail what is wrong, not only pass what is right.
@Suite struct SPARQLResultsComparisonTests {
    static func solutions(_ rows: [[Term?]], variables: [String] = ["x", "y"]) -> SPARQLSolutions {
        SPARQLSolutions(variables: variables, positional: rows)
    }

    static let a = Term.iri("http://example.org/a"), b = Term.iri("http://example.org/b")
    static let one = Term.literal(Literal("1", datatype: Vocabulary.xsdInteger))

    @Test("rows compare as a multiset, in any order")
    func multiset() {
        let e = Self.solutions([[Self.a, Self.one], [Self.b, nil], [Self.b, nil]])
        #expect(SPARQLResultsComparison.difference(expected: e, actual: Self.solutions([[Self.b, nil], [Self.a, Self.one], [Self.b, nil]])) == nil)
        let missing = SPARQLResultsComparison.difference(expected: e, actual: Self.solutions([[Self.b, nil], [Self.a, Self.one]]))
        #expect(missing?.contains("missing: {?x=<http://example.org/b>}") == true)
    }

    @Test("numeric literals compare by value within their datatype, other literals by lexical form")
    func lexicalForms() {
        func one(_ lexical: String, _ datatype: String) -> SPARQLSolutions {
            Self.solutions([[Term.literal(Literal(lexical, datatype: datatype))]], variables: ["x"])
        }
        let decimal = Vocabulary.xsdDecimal, integer = Vocabulary.xsdInteger, string = Vocabulary.xsdString
        #expect(SPARQLResultsComparison.difference(expected: one("1.0", decimal), actual: one("1", decimal)) == nil)
        #expect(SPARQLResultsComparison.difference(expected: one("1050", Vocabulary.xsdDouble), actual: one("1.05E3", Vocabulary.xsdDouble)) == nil)
        #expect(SPARQLResultsComparison.difference(expected: one("1", decimal), actual: one("1", integer)) != nil)
        #expect(SPARQLResultsComparison.difference(expected: one("1.5", decimal), actual: one("1", decimal)) != nil)
        #expect(SPARQLResultsComparison.difference(expected: one("01", string), actual: one("1", string)) != nil)
        #expect(SPARQLResultsComparison.difference(expected: one("abc", integer), actual: one("abc ", integer)) != nil)
    }

    @Test("blank nodes map by one bijection across the whole result")
    func bijection() {
        let e = Self.solutions([[.blank("a"), .blank("b")], [.blank("b"), .blank("a")]])
        #expect(SPARQLResultsComparison.difference(expected: e, actual: Self.solutions([[.blank("q"), .blank("r")], [.blank("r"), .blank("q")]])) == nil)
        // Same shapes, but the co-reference is broken.
        let broken = SPARQLResultsComparison.difference(expected: e, actual: Self.solutions([[.blank("q"), .blank("r")], [.blank("s"), .blank("t")]]))
        #expect(broken?.contains("no consistent blank node mapping") == true)
        // Two expected blank nodes may not both map to one.
        let merged = Self.solutions([[.blank("a"), .blank("b")]])
        #expect(SPARQLResultsComparison.difference(expected: merged, actual: Self.solutions([[.blank("q"), .blank("q")]])) != nil)
    }

    @Test("with ORDER BY the key columns must come in order; ties may permute")
    func ordered() {
        let e = Self.solutions([[Self.a, .string("1")], [Self.a, .string("2")], [Self.b, .string("3")]])
        let tiesPermuted = Self.solutions([[Self.a, .string("2")], [Self.a, .string("1")], [Self.b, .string("3")]])
        #expect(SPARQLResultsComparison.difference(expected: e, actual: tiesPermuted, orderedBy: ["x"]) == nil)
        let reordered = Self.solutions([[Self.b, .string("3")], [Self.a, .string("1")], [Self.a, .string("2")]])
        #expect(SPARQLResultsComparison.difference(expected: e, actual: reordered, orderedBy: ["x"])?.contains("order differs at row 1") == true)
        #expect(SPARQLResultsComparison.difference(expected: e, actual: reordered) == nil)
    }

    @Test("variables compare as sets; booleans and kinds of answer")
    func variablesAndKinds() {
        let e = Self.solutions([], variables: ["x", "y"])
        #expect(SPARQLResultsComparison.difference(expected: e, actual: Self.solutions([], variables: ["y", "x"])) == nil)
        #expect(SPARQLResultsComparison.difference(expected: e, actual: Self.solutions([], variables: ["x"])) != nil)
        #expect(SPARQLResultsComparison.difference(expected: .boolean(true), actual: .boolean(false)) == "expected true, got false")
        #expect(SPARQLResultsComparison.difference(expected: .boolean(true), actual: .solutions(e)) != nil)
    }

    @Test("lax cardinality (REDUCED) ignores duplicates")
    func lax() {
        let e = Self.solutions([[Self.a, nil], [Self.a, nil]])
        let a = Self.solutions([[Self.a, nil]])
        #expect(SPARQLResultsComparison.difference(expected: e, actual: a) != nil)
        #expect(SPARQLResultsComparison.difference(expected: e, actual: a, laxCardinality: true) == nil)
    }

    @Test("CSV compares values only")
    func csv() throws {
        let text = "x,y\r\nhttp://example.org/a,1\r\n_:b,\r\n"
        let read = try SPARQLResultsReader.readCSV(text)
        let actual = Self.solutions([[Self.a, Self.one], [.blank("z"), nil]])
        #expect(SPARQLResultsComparison.difference(expected: read, actual: SPARQLResultsComparison.csvProjection(actual)) == nil)
    }

    @Test("a SPARQL 1.0 rs:ResultSet graph reads as solutions in rs:index order")
    func resultSetGraph() throws {
        let turtle = """
            @prefix rs: <http://www.w3.org/2001/sw/DataAccess/tests/result-set#> .
            [] a rs:ResultSet ; rs:resultVariable "x" ;
               rs:solution [ rs:index 2 ; rs:binding [ rs:variable "x" ; rs:value "second" ] ] ;
               rs:solution [ rs:index 1 ; rs:binding [ rs:variable "x" ; rs:value _:n ] ] .
            """
        var parser = TurtleParser(text: turtle)
        guard case .solutions(let read) = SPARQLResultsReader.fromGraph(try parser.readAll()) else {
            Issue.record("not read as solutions")
            return
        }
        #expect(read.variables == ["x"])
        #expect(read.rows.count == 2)
        #expect(read.rows.last?["x"] == .string("second"))
    }
}
