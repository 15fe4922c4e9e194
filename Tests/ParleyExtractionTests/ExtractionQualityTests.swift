import ParleyExtraction
import Testing

/// The issue's measure: precision and recall of the extracted facts over the fixtures, printed
/// per fixture; the held-out fixtures must reach precision ≥ 0.8 and recall ≥ 0.6.
@Suite struct ExtractionQualityTests {
    static func report(_ names: [String], verbose: Bool) throws -> FactScore {
        let lexicon = try Fixtures.lexicon()
        var total = FactScore()
        for name in names {
            let extraction = ReadoutExtractor.extract(text: try Fixtures.text(name), slug: name, lexicon: lexicon)
            let score = FactScore.score(extraction, expected: try Fixtures.expected(name))
            print("quality \(name): precision \(format(score.precision)) recall \(format(score.recall)) (\(score.matched) of \(score.extracted) extracted, \(score.expected) expected)")
            if verbose {
                for line in score.missed { print("  missed   \(line)") }
                for line in score.spurious { print("  spurious \(line)") }
            }
            total = total + score
        }
        return total
    }

    static func format(_ value: Double) -> String {
        let scaled = Int((value * 100).rounded())
        return "\(scaled / 100).\(scaled % 100 < 10 ? "0" : "")\(scaled % 100)"
    }

    @Test("development fixtures: precision and recall are printed")
    func development() throws {
        let total = try Self.report(Fixtures.development, verbose: true)
        print("quality development overall: precision \(Self.format(total.precision)) recall \(Self.format(total.recall))")
        #expect(total.matched > 0)
    }

    @Test("held-out fixtures reach precision ≥ 0.8 and recall ≥ 0.6")
    func heldOut() throws {
        let total = try Self.report(Fixtures.heldOut, verbose: false)
        print("quality held-out overall: precision \(Self.format(total.precision)) recall \(Self.format(total.recall))")
        let all = try Self.report(Fixtures.development + Fixtures.heldOut, verbose: false)
        print("quality all fixtures: precision \(Self.format(all.precision)) recall \(Self.format(all.recall))")
        #expect(total.precision >= 0.8)
        #expect(total.recall >= 0.6)
    }
}
