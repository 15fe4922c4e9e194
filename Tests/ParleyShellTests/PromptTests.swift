import Foundation
import Testing
import ParleyTestSupport

/// End-to-end: the prompt on a pseudo-terminal. Keys go in, the screen comes out.
@Suite(.enabled(if: PseudoTerminal.unavailableReason == nil, "no pseudo-terminal: \(PseudoTerminal.unavailableReason ?? "")"),
       .serialized, .timeLimit(.minutes(1)))
struct PromptTests {
    /// A store with a person and, with `people` > 0, that many more triples for slow queries.
    func store(people: Int = 0) throws -> (TemporaryDirectory, String) {
        var data = """
            <https://parley.dev/id/Wang_Yi> <https://parley.dev/ns#advocates> <https://parley.dev/id/dialogue> .
            <https://parley.dev/id/Wang_Yi> <http://www.w3.org/2000/01/rdf-schema#label> "Wang Yi" .

            """
        for i in 0..<people { data += "<http://ex.org/p\(i)> <http://ex.org/knows> <http://ex.org/p\(i + 1)> .\n" }
        let store = try ParleyProcess.loadedStore(data)
        return (store.directory, store.db)
    }

    func open(_ dir: TemporaryDirectory, db: String) throws -> PseudoTerminal {
        try PseudoTerminal(arguments: ["--db", db],
                           environment: ["TERM": "xterm", "XDG_STATE_HOME": dir.child("state"), "NO_COLOR": "1"])
    }

    @Test("the banner names the store; multi-line input shows the continuation prompt; Ctrl-D exits 0")
    func multiLine() throws {
        let (dir, db) = try store()
        let terminal = try open(dir, db: db)
        #expect(terminal.waitFor("parley on \(db) (2 triples"), "\(terminal.screen)")
        #expect(terminal.waitFor("parley> "))
        terminal.type("SELECT ?label\r")
        #expect(terminal.waitFor("   ...> "), "\(terminal.screen)")
        terminal.type("WHERE { pe:Wang_Yi rdfs:label ?label }\r")
        #expect(terminal.waitFor("│ \"Wang Yi\" │"), "\(terminal.screen)")
        #expect(terminal.waitFor("1 row ("), "\(terminal.screen)")
        #expect(terminal.waitFor("parley> "))
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("arrow-up recalls the last statement, also in the next session (history file)")
    func history() throws {
        let (dir, db) = try store()
        do {
            let terminal = try open(dir, db: db)
            #expect(terminal.waitFor("parley> "))
            terminal.type("ASK { ?s rdfs:label \"Wang Yi\" }\r")
            #expect(terminal.waitFor("true"), "\(terminal.screen)")
            #expect(terminal.waitFor("parley> "))
            terminal.type("\u{1B}[A")
            #expect(terminal.waitFor("ASK { ?s rdfs:label \"Wang Yi\" }"), "\(terminal.screen)")
            terminal.type("\r")
            #expect(terminal.waitFor("true"), "\(terminal.screen)")
            #expect(terminal.waitFor("parley> "))
            terminal.type("\u{04}")  // not .quit, which would be the last history entry
            #expect(terminal.waitForExit() == 0)
        }
        let saved = try String(contentsOfFile: dir.child("state/parley/history"), encoding: .utf8)
        #expect(saved.contains("ASK"), "\(saved)")
        let again = try open(dir, db: db)
        #expect(again.waitFor("parley> "))
        again.type("\u{1B}[A\r")
        #expect(again.waitFor("true"), "\(again.screen)")
        again.type("\u{04}")
        #expect(again.waitForExit() == 0)
    }

    @Test("Tab completes dot-commands, prefixed names from the store, labels and variables")
    func completion() throws {
        let (dir, db) = try store()
        let terminal = try open(dir, db: db)
        #expect(terminal.waitFor("parley> "))
        terminal.type(".sch\t")
        #expect(terminal.waitFor("ema"), "\(terminal.screen)")
        terminal.type("\u{03}")
        #expect(terminal.waitFor("parley> "))
        terminal.type("Wan\t")
        #expect(terminal.waitFor("pe:Wang_Yi"), "\(terminal.screen)")
        terminal.type(" pv:advo\t")
        #expect(terminal.waitFor("cates"), "\(terminal.screen)")
        terminal.type("?target . FILTER(BOUND(?tar\t")
        #expect(terminal.waitFor("get"), "\(terminal.screen)")
        terminal.type("))")
        terminal.type("\r")
        #expect(terminal.waitFor("1 row"), "\(terminal.screen)")
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("Ctrl-C cancels a long query and an update (rolled back), and the prompt comes back")
    func interrupt() throws {
        let (dir, db) = try store(people: 3000)
        let terminal = try open(dir, db: db)
        #expect(terminal.waitFor("parley> "))
        // A cross product of 3,000 triples three times over: hours, unless cancelled.
        terminal.type("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }\r")
        Thread.sleep(forTimeInterval: 0.7)
        // While it runs the prompt holds one read transaction...
        #expect(try ParleyProcess.run(["stats", "--db", db]).stdout.contains("open readers   1 (process"))
        terminal.type("\u{03}")
        #expect(terminal.waitFor("cancelled; the store is unchanged", timeout: 10), "\(terminal.screen)")
        #expect(terminal.waitFor("parley> "))
        // ...and none once cancelled and idle, so LMDB can reuse freed pages and writers proceed.
        #expect(try ParleyProcess.run(["stats", "--db", db]).stdout.contains("open readers   0\n"))
        #expect(try ParleyProcess.run(["update", "--db", db, "INSERT DATA { <http://ex.org/a> <http://ex.org/b> 1 }"]).status == 0)
        terminal.type("INSERT { ?a <http://ex.org/new> ?b } WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }\r")
        Thread.sleep(forTimeInterval: 0.7)
        terminal.type("\u{03}")
        #expect(terminal.waitFor("the update was rolled back", timeout: 10), "\(terminal.screen)")
        #expect(terminal.waitFor("parley> "))
        terminal.type("ASK { ?s <http://ex.org/new> ?o }\r")
        #expect(terminal.waitFor("false"), "\(terminal.screen)")
        // Ctrl-C on a half-typed line clears it.
        terminal.type("SELECT * {\r")
        #expect(terminal.waitFor("   ...> "))
        terminal.type("\u{03}")
        #expect(terminal.waitFor("parley> "))
        terminal.type("ASK {}\r")
        #expect(terminal.waitFor("true"), "\(terminal.screen)")
        terminal.type(".quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("an error at the prompt shows the line, a caret and what was expected")
    func error() throws {
        let (dir, db) = try store()
        let terminal = try open(dir, db: db)
        #expect(terminal.waitFor("parley> "))
        terminal.type("SELECT * WHERE { ?s ?p SELEC }\r")
        #expect(terminal.waitFor("1 | SELECT * WHERE { ?s ?p SELEC }"), "\(terminal.screen)")
        #expect(terminal.waitFor("^ expected an object"), "\(terminal.screen)")
        #expect(!terminal.screen.contains("\u{1B}[31m"), "NO_COLOR is respected")
        #expect(terminal.waitFor("parley> "))
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }
}
