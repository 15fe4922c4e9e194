import Testing
import ParleyOperations
import ParleyQuery
import ParleyRDF
import ParleyStore
import ParleyTestSupport
@testable import ParleyShell
#if canImport(Glibc)
import Glibc
#endif

/// What the shell writes: tables with footers, capped results, error messages with carets.
@Suite struct RenderingTests {
    /// Writes through an `OutputSink` on a temporary file and returns what it wrote.
    func captured(_ body: (OutputSink) throws -> Void) throws -> String {
        let dir = TemporaryDirectory()
        let path = dir.child("out")
        do {
            let sink = try OutputSink.file(path)
            try body(sink)
            sink.flush()
        }
        return try Shell.readFile(path)
    }

    func rows(_ values: [[Term?]], variables: [String]) -> QueryResult {
        var iterator = values.makeIterator()
        return .solutions(SolutionSequence(variables: variables) { iterator.next() })
    }

    let prefixes = [(prefix: "pv", iri: "https://parley.dev/ns#")]

    @Test("the table shows prefixed names, cuts long cells with … and ends with N rows (T ms)")
    func table() throws {
        var settings = ShellSettings.interactive
        settings.maxCellWidth = 12
        let renderer = settings.resultWriter(prefixes: prefixes) { ResultWriter.footer($0, milliseconds: 1.5) }
        let result = rows([[.iri("https://parley.dev/ns#advocates"), .string("a rather long label")],
                           [.iri("http://other.org/x"), nil]], variables: ["p", "label"])
        let text = try captured { out in
            _ = try renderer.write(result, to: out)
        }
        #expect(text.contains("│ pv:advocates │"), "\(text)")
        #expect(text.contains("\"a rather l…"), "\(text)")
        #expect(text.hasSuffix("└──────────────┴──────────────┘\n2 rows (1.50 ms)\n"), "\(text)")
    }

    @Test("a result larger than the limit is capped and the summary counts every row", arguments: [OutputMode.table, .tsv, .csv])
    func capped(mode: OutputMode) throws {
        var settings = ShellSettings.interactive
        settings.mode = mode
        settings.limit = 3
        let renderer = settings.resultWriter(prefixes: []) { ResultWriter.footer($0, milliseconds: nil) }
        let result = rows((1...10).map { [.literal(Literal(String($0), datatype: Vocabulary.xsdInteger))] }, variables: ["n"])
        var summary: ResultWriter.Summary?
        let text = try captured { out in
            summary = try renderer.write(result, to: out)
        }
        #expect(summary == ResultWriter.Summary(kind: .rows, total: 10, shown: 3))
        #expect(!text.contains("4"), "\(text)")
        #expect(ResultWriter.capNote(summary!)?.contains("7 more rows not shown (.limit N to change") == true)
        if mode == .table { #expect(text.hasSuffix("10 rows\n"), "\(text)") }
    }

    @Test("TSV without headers starts with the first row; ASK writes true or false")
    func tsvAndBoolean() throws {
        var settings = ShellSettings.script
        settings.headers = false
        let renderer = settings.resultWriter(prefixes: []) { _ in nil }
        let text = try captured { out in
            _ = try renderer.write(rows([[.iri("http://e/a")]], variables: ["s"]), to: out)
            _ = try renderer.write(.boolean(true), to: out)
        }
        #expect(text == "<http://e/a>\ntrue\n")
    }

    @Test("terms for people: prefixed names, bare numbers, language tags and datatypes")
    func termFormatter() {
        let formatter = TermFormatter(prefixes: [("pv", "https://parley.dev/ns#"), ("xsd", "http://www.w3.org/2001/XMLSchema#")])
        #expect(formatter.format(.iri("https://parley.dev/ns#urges")) == "pv:urges")
        #expect(formatter.format(.iri("https://parley.dev/ns#a/b")) == "<https://parley.dev/ns#a/b>")
        #expect(formatter.format(.literal(Literal("12", datatype: Vocabulary.xsdInteger))) == "12")
        #expect(formatter.format(.literal(Literal("hi", language: "en"))) == "\"hi\"@en")
        #expect(formatter.format(.literal(Literal("2023-12-06", datatype: "http://www.w3.org/2001/XMLSchema#date"))) == "\"2023-12-06\"^^xsd:date")
        #expect(formatter.expand("pv:urges") == "https://parley.dev/ns#urges")
        #expect(formatter.expand("nope:x") == nil)
    }

    /// A shell on a fresh store whose output and errors go to files.
    struct Harness {
        let dir = TemporaryDirectory()
        let shell: Shell
        init(interactive: Bool) throws {
            let store = try Store(path: dir.child("db"))
            shell = Shell(store: store, configuration: .init(interactive: interactive, settings: interactive ? .interactive : .script),
                          cancellation: CancellationToken(),
                          output: try OutputSink.file(dir.child("out")), errors: try OutputSink.file(dir.child("err"), unbuffered: true))
        }
        func run(_ lines: String, file: String = "t.rq") throws -> (out: String, err: String) {
            shell.runScript(text: lines, name: file)
            return (try Shell.readFile(dir.child("out")), try Shell.readFile(dir.child("err")))
        }
    }

    @Test("a syntax error in a script names FILE:LINE:COLUMN and shows the line from the file with a caret")
    func scriptSyntaxError() throws {
        let harness = try Harness(interactive: false)
        let (_, err) = try harness.run("ASK {}\n\nSELECT *\nWHERE { ?s ?p SELEC }\n")
        #expect(err.hasPrefix("t.rq:4:15: error: expected an object"), "\(err)")
        #expect(err.contains("4 | WHERE { ?s ?p SELEC }\n  |               ^\n"), "\(err)")
        #expect(harness.shell.failures == 1)
    }

    @Test("at the prompt an error shows the statement's line, a caret and what was expected")
    func promptSyntaxError() throws {
        let harness = try Harness(interactive: true)
        let (_, err) = try harness.run("SELECT * WHERE { ?s ?p SELEC }")
        #expect(err == "1 | SELECT * WHERE { ?s ?p SELEC }\n  |                        ^ expected an object (a variable, IRI, literal, blank node or collection), found 'SELEC'\n")
    }

    @Test("an unknown prefix gets a did-you-mean from the saved prefixes")
    func unknownPrefix() throws {
        let harness = try Harness(interactive: false)
        let (_, err) = try harness.run("?who pvv:advocates ?what")
        #expect(err.contains("undeclared prefix 'pvv:'"), "\(err)")
        #expect(err.contains("hint: did you mean 'pv:'?"), "\(err)")
    }

    @Test("a term not in the store gets a did-you-mean from the store's own names")
    func unknownTerm() throws {
        let harness = try Harness(interactive: false)
        let (out, err) = try harness.run("""
            INSERT DATA { <https://parley.dev/id/Wang_Yi> <https://parley.dev/ns#advocates> <https://parley.dev/id/dialogue> }

            ?who pv:advocate ?what

            .describe pe:Wang_Y
            """)
        #expect(out == "?who\t?what\n", "\(out)")
        #expect(err.contains("pv:advocate is not in the store; did you mean pv:advocates?"), "\(err)")
        #expect(err.contains("t.rq:5: error: pe:Wang_Y is not in the store; did you mean pe:Wang_Yi?"), "\(err)")
    }

    @Test("unknown dot-commands are errors with a suggestion")
    func unknownCommand() throws {
        let harness = try Harness(interactive: false)
        let (_, err) = try harness.run(".shcema")
        #expect(err == "t.rq:1: error: unknown command '.shcema'; did you mean '.schema'?\n")
    }
}
