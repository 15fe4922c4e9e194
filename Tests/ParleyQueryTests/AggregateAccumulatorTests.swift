import ParleyQuery
import ParleyRDF
import ParleySPARQL
import Testing

@Suite struct AggregateAccumulatorTests {
    /// One row of a table: an aggregate over the values of ?x, one solution per value (nil =
    /// ?x unbound, "_:b" a blank node), and the expected result (nil = unbound).
    struct Case: CustomTestStringConvertible, Sendable {
        let function: Aggregate.Function
        let distinct: Bool
        let values: [String?]
        let expected: String?

        init(_ function: Aggregate.Function, distinct: Bool = false, _ values: [String?], _ expected: String?) {
            self.function = function
            self.distinct = distinct
            self.values = values
            self.expected = expected
        }

        var testDescription: String { "\(function)\(distinct ? " DISTINCT" : "")(\(values.map { $0 ?? "UNDEF" }.joined(separator: ", "))) → \(expected ?? "unbound")" }
    }

    static let cases: [Case] = [
        .init(.count, [], "0"),
        .init(.count, ["1", "2", nil, "2"], "3"),
        .init(.count, distinct: true, ["1", "2", nil, "2"], "2"),
        .init(.sum, [], "0"),
        .init(.sum, ["1", "2", "3"], "6"),
        .init(.sum, ["1.0", "2.2", "3.5"], "6.7"),
        .init(.sum, ["1", "2.2"], "3.2"),
        .init(.sum, ["2.5E-1", "2.25"], "\"2.5E0\"^^xsd:double"),
        .init(.sum, distinct: true, ["1", "1", "2"], "3"),
        .init(.sum, ["1", "\"2\""], nil),
        .init(.sum, ["1", nil], nil),
        .init(.avg, [], "0"),
        .init(.avg, ["1", "2", "3"], "\"2\"^^xsd:decimal"),
        .init(.avg, ["1", "2.2"], "1.6"),
        .init(.avg, ["1", "_:b", "3", "4"], nil),
        .init(.avg, ["2.5E0", "4"], "\"3.25E0\"^^xsd:double"),
        .init(.avg, distinct: true, ["1", "1", "3"], "\"2\"^^xsd:decimal"),
        .init(.min, [], nil),
        .init(.min, ["3", "1.0", "2"], "1.0"),
        .init(.min, ["3", nil, "2"], "2"),
        .init(.min, ["\"b\"", "3", "<http://a>"], "<http://a>"),
        .init(.max, ["3", "1.0", "2"], "3"),
        .init(.max, ["\"b\"", "3", "<http://a>"], "\"b\""),
        .init(.max, distinct: true, ["1", "1"], "1"),
        .init(.sample, [], nil),
        .init(.sample, [nil, "7", "8"], "7"),
        .init(.groupConcat(separator: nil), [], "\"\""),
        .init(.groupConcat(separator: nil), ["\"a\"", "\"b\""], "\"a b\""),
        .init(.groupConcat(separator: ":"), ["1", "22"], "\"1:22\""),
        .init(.groupConcat(separator: nil), ["\"1\"@en", "\"2\"@fr"], "\"1 2\""),
        .init(.groupConcat(separator: nil), ["\"1\"@en", "\"2\"@en"], "\"1 2\""),
        .init(.groupConcat(separator: ","), distinct: true, ["\"a\"", "\"a\"", "\"b\""], "\"a,b\""),
        .init(.groupConcat(separator: nil), ["\"a\"", nil], nil),
    ]

    static func solution(_ value: String?) throws -> [String: Term] {
        guard let value else { return [:] }
        if value.hasPrefix("_:") { return ["x": .blank(String(value.dropFirst(2)))] }
        return ["x": try ExpressionText.term(value)]
    }

    @Test("computes each aggregate with the §18.5 error rules", arguments: cases)
    func aggregate(_ c: Case) throws {
        let context = ExpressionContext()
        let evaluator = ExpressionEvaluator(context: context)
        var accumulator = AggregateAccumulator(Aggregate(c.function, .variable("x"), distinct: c.distinct), context: context)
        for value in c.values { accumulator.add(try Self.solution(value), evaluator: evaluator) }
        let expected = try c.expected.map { try ExpressionText.term($0) }
        #expect(accumulator.result() == expected)
    }

    @Test("COUNT(*) counts solutions, and COUNT(DISTINCT *) distinct solutions")
    func countStar() throws {
        let context = ExpressionContext()
        let evaluator = ExpressionEvaluator(context: context)
        let rows: [[String: Term]] = [[:], ["a": .string("x")], ["a": .string("x")], ["b": .string("x")]]
        var all = AggregateAccumulator(Aggregate(.count, nil, distinct: false), context: context)
        var distinct = AggregateAccumulator(Aggregate(.count, nil, distinct: true), context: context)
        for row in rows {
            all.add(row, evaluator: evaluator)
            distinct.add(row, evaluator: evaluator)
        }
        #expect(all.result() == .literal(Literal("4", datatype: Vocabulary.xsdInteger)))
        #expect(distinct.result() == .literal(Literal("3", datatype: Vocabulary.xsdInteger)))
    }
}
