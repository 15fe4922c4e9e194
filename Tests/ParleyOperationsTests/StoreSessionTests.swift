import ParleyOperations
import ParleyQuery
import ParleyRDF
import ParleyStore
import ParleyTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The shared operations, driven as a front end drives them: load, query through the result
/// writer, export, update, and the errors each reports as data.
@Suite struct StoreSessionTests {
    let directory: TemporaryDirectory
    let session: StoreSession

    init() throws {
        directory = TemporaryDirectory()
        session = StoreSession(store: try Store(path: directory.child("db")))
    }

    /// What `body` writes to a sink, read back from a temporary file.
    func captured(_ body: (OutputSink) throws -> Void) throws -> String {
        let path = directory.child("out-\(UInt32.random(in: 0...UInt32.max))")
        let sink = try OutputSink.file(path)
        try body(sink)
        sink.flush()
        return try TextFile.read(path)
    }

    @Test func loadsTurtleWithTheEmptyPrefixAndSavesIt() throws {
        let file = directory.write("data.ttl", "@prefix : <http://example.org/> .\n:a :knows :b .\n")
        let outcome = try session.load(LoadRequest(files: [file]))
        #expect(outcome.report.quadsAdded == 1)
        #expect(outcome.summary.hasPrefix("loaded 1 new triples from 1 file (1 read, 0 already present;"))
        #expect(try session.prefixMap()[""] == "http://example.org/")
        let text = try captured { out in
            var writer = ResultWriter(solutionFormat: .tsv, graphSyntax: .nt, prefixes: [])
            writer.headers = true
            try session.run(try session.parseQuery("?s :knows ?o"), options: QueryOptions(), writer: writer, to: out)
        }
        #expect(text == "?s\t?o\n<http://example.org/a>\t<http://example.org/b>\n")
    }

    @Test func aLoadThatCannotTellTheSyntaxSaysWhichFile() throws {
        let file = directory.write("data.xyz", "")
        #expect(throws: OperationError.cannotTellSyntax(file)) { try session.load(LoadRequest(files: [file])) }
    }

    @Test func aSyntaxErrorInOneFileLoadsNothingAndNamesTheFile() throws {
        let good = directory.write("good.nt", "<http://e/a> <http://e/p> <http://e/b> .\n")
        let bad = directory.write("bad.nt", "<http://e/a> <http://e/p> .\n")
        do {
            _ = try session.load(LoadRequest(files: [good, bad]))
            Issue.record("the load should fail")
        } catch {
            let diagnostic = error.asDiagnostic
            #expect(diagnostic.source == bad)
            #expect(diagnostic.line == 1)
        }
        #expect(try session.store.statistics().quads == 0)
    }

    @Test(arguments: [
        (RDFSyntax.nt, "<http://e/a> <http://e/p> <http://e/b> .\n"),
        (RDFSyntax.nq, "<http://e/a> <http://e/p> <http://e/b> <http://e/g> .\n"),
    ])
    func exportsWhatWasLoaded(syntax: RDFSyntax, expected: String) throws {
        let file = directory.write("g.nq", "<http://e/a> <http://e/p> <http://e/b> <http://e/g> .\n")
        _ = try session.load(LoadRequest(files: [file]))
        var notes: [String] = []
        let text = try captured { out in
            _ = try session.export(.everything, as: syntax, to: { out }, note: { notes.append($0) })
        }
        #expect(text == expected)
        #expect(notes.count == (syntax == .nt ? 1 : 0))
    }

    @Test func exportingAGraphTheStoreLacksOpensNoFile() throws {
        var opened = false
        #expect(throws: OperationError.noSuchGraph("http://e/none")) {
            try session.export(.graph("http://e/none"), as: .nt, to: { opened = true; return OutputSink(fd: -1) })
        }
        #expect(!opened)
    }

    @Test func anUpdateReportsWhatItChanged() throws {
        let report = try session.apply(try session.parseUpdate("INSERT DATA { <http://e/a> <http://e/p> 1 , 2 }"), options: QueryOptions())
        #expect(StoreSession.summary(of: report) == "inserted 2, deleted 0 triples")
    }

    @Test func aFormatThatDoesNotFitTheResultIsAnError() throws {
        let writer = ResultWriter(solutionFormat: nil, graphSyntax: .nt, requestedFormat: "nt", prefixes: [])
        #expect(throws: OperationError.formatDoesNotFit(format: "nt", graphResult: false)) {
            _ = try captured { out in try session.run(try session.parseQuery("ASK {}"), options: QueryOptions(), writer: writer, to: out) }
        }
    }

    @Test func theResultWriterCapsRowsAndCountsTheRest() throws {
        _ = try session.apply(try session.parseUpdate("INSERT DATA { <http://e/a> <http://e/p> 1 , 2 , 3 }"), options: QueryOptions())
        var writer = ResultWriter(solutionFormat: .csv, graphSyntax: nil, prefixes: [])
        writer.limit = 2
        var summary: ResultWriter.Summary?
        let text = try captured { out in
            summary = try session.run(try session.parseQuery("SELECT ?o { ?s ?p ?o } ORDER BY ?o"), options: QueryOptions(), writer: writer, to: out)
        }
        #expect(text == "o\r\n1\r\n2\r\n")
        #expect(summary == ResultWriter.Summary(kind: .rows, total: 3, shown: 2))
        #expect(ResultWriter.capNote(summary!) == "showing the first 2; 1 more row not shown (.limit N to change, .limit 0 for all)")
    }
}
