import ParleyQuery
import ParleyRDF
import Testing

@Suite struct TermOrderTests {
    /// Terms in ascending ORDER BY order (numbers equal in value: by datatype IRI, then text).
    static let ascending: [String] = [
        "_:a", "_:b",
        "<http://a>", "<http://b>",
        "\"NaN\"^^xsd:double", "-5", "1.0", "1e0", "\"01\"^^xsd:integer", "1", "1.5", "\"2\"^^xsd:float", "10",
        "\"\"", "\"B\"", "\"a\"", "\"a\"@en", "\"a\"@fr", "\"ab\"", "\"b\"@en",
        "false", "true",
        "\"2010-12-21T23:00:00Z\"^^xsd:dateTime", "\"2010-12-21T15:38:02-08:00\"^^xsd:dateTime",
        "\"2006-08-23\"^^xsd:date",
        "\"x\"^^<http://example/t>", "\"xyz\"^^xsd:integer",
    ]

    static func terms() throws -> [Term] {
        try ascending.map { text in
            if text.hasPrefix("_:") { return .blank(String(text.dropFirst(2))) }
            return try ExpressionText.term(text)
        }
    }

    @Test("orders unbound < blank nodes < IRIs < literals, and literals by kind and value")
    func ascendingOrder() throws {
        let terms = try Self.terms()
        #expect(TermOrder.compare(nil, terms[0]) < 0)
        #expect(TermOrder.compare(terms[0], nil) > 0)
        #expect(TermOrder.compare(nil, nil) == 0)
        for (i, a) in terms.enumerated() {
            for (j, b) in terms.enumerated() {
                let c = TermOrder.compare(a, b)
                if i < j { #expect(c < 0, "\(a) should sort before \(b)") }
                if i == j { #expect(c == 0) }
                if i > j { #expect(c > 0, "\(a) should sort after \(b)") }
            }
        }
    }

    @Test("sorting a shuffled list gives the same order every time")
    func deterministic() throws {
        let terms = try Self.terms()
        for _ in 0..<5 {
            let sorted = terms.shuffled().sorted { TermOrder.compare($0, $1) < 0 }
            #expect(sorted == terms)
        }
    }

    @Test("dates with and without a timezone fall back to their text when indeterminate")
    func indeterminateDates() throws {
        let a = try ExpressionText.term("\"2011-02-01T01:02:03\"^^xsd:dateTime")
        let b = try ExpressionText.term("\"2011-02-01T01:02:04Z\"^^xsd:dateTime")
        #expect(TermOrder.compare(a, b) == -TermOrder.compare(b, a))
        #expect(TermOrder.compare(a, b) != 0)
    }
}
