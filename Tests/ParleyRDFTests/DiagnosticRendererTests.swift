import ParleyRDF
import Testing

/// The one renderer of errors: headlines with whatever place is known, carets under the column
/// (tabs kept so they line up), statements numbered as in their file, hints last.
@Suite struct DiagnosticRendererTests {
    @Test("headlines name what is known of the place", arguments: [
        (Diagnostic("boom"), "error: boom"),
        (Diagnostic("boom", source: "a.ttl"), "a.ttl: error: boom"),
        (Diagnostic("boom", source: "a.ttl", line: 3), "a.ttl:3: error: boom"),
        (Diagnostic("boom", source: "a.ttl", line: 3, column: 7), "a.ttl:3:7: error: boom"),
        (Diagnostic("boom", line: 2, column: 1), "2:1: error: boom"),
        (Diagnostic("boom", column: 4), "error: boom"),
    ])
    func headline(diagnostic: Diagnostic, expected: String) {
        #expect(diagnostic.headline == expected)
        #expect(DiagnosticRenderer().render(diagnostic) == expected)
    }

    @Test func compilerStyleShowsTheLineAndACaretNumberedAsInTheFile() {
        let text = "SELECT *\n{ ?s ?p ?o SELEC }"
        let diagnostic = Diagnostic("expected '}', found 'SELEC'", source: "q.rq", line: 2, column: 12, hints: ["try '}'"])
        #expect(DiagnosticRenderer().render(diagnostic, text: text, firstLine: 10) == """
            q.rq:11:12: error: expected '}', found 'SELEC'
            11 | { ?s ?p ?o SELEC }
               |            ^
            hint: try '}'
            """)
    }

    @Test func promptStylePutsTheMessageAfterTheCaretAndKeepsTabs() {
        let renderer = DiagnosticRenderer(highlight: "<", reset: ">")
        let diagnostic = Diagnostic("unexpected character '!'", line: 1, column: 3)
        #expect(renderer.renderInline(diagnostic, text: "\t ! x") == "1 | \t ! x\n<  | \t ^ unexpected character '!'>")
    }

    @Test func aPositionOutsideTheTextFallsBackToTheHeadline() {
        let diagnostic = Diagnostic("late", line: 9, column: 1)
        #expect(DiagnosticRenderer().renderInline(diagnostic, text: "one line") == "error: late")
        #expect(DiagnosticRenderer().render(diagnostic, text: "one line") == "9:1: error: late")
    }

    @Test func errorsOfTheRDFReadersCarryTheirPlaceAsData() throws {
        do {
            var parser = NTriplesParser(text: "<http://e/a> <http://e/p> .\n", format: .nTriples)
            _ = try parser.readAll()
            Issue.record("should not parse")
        } catch let error as RDFSyntaxError {
            let diagnostic = error.inFile("x.nt").diagnostic
            #expect(diagnostic.source == "x.nt")
            #expect(diagnostic.line == 1)
            #expect(diagnostic.headline == "\(error.inFile("x.nt"))")
        }
    }
}
