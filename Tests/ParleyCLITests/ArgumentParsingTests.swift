import Foundation
import Testing
import ParleyTestSupport

/// How `parley SUBCOMMAND …` is parsed: by the subcommand alone when its arguments are good
/// (the fast path of start-up), from the root for help and for anything it rejects, so that
/// usage texts and errors always name `parley SUBCOMMAND`.
@Suite struct ArgumentParsingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        /// Text stdout (status 0) or stderr (otherwise) must contain.
        var contains: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["query", "--db", "{db}", "ASK { ?s ?p ?o }"], status: 0, contains: "true"),
        Case(arguments: ["query", "--db", "{db}", "--bogus", "ASK {}"], status: 2, contains: "Usage: parley query"),
        Case(arguments: ["query", "--db", "{db}", "--format", "yaml", "ASK {}"], status: 2, contains: "Usage: parley query"),
        Case(arguments: ["query", "--help"], status: 0, contains: "USAGE: parley query"),
        Case(arguments: ["query", "--db", "{db}", "-h"], status: 0, contains: "USAGE: parley query"),
        Case(arguments: ["help", "query"], status: 0, contains: "USAGE: parley query"),
        Case(arguments: ["stats", "--db", "{db}", "surplus"], status: 2, contains: "Usage: parley stats"),
        Case(arguments: ["stats", "--db", "{db}"], status: 0, contains: "triples        1"),
        Case(arguments: ["load", "--db", "{db}", "--memory", "100M", "x.nt"], status: 2, contains: "--memory"),
        Case(arguments: ["--help"], status: 0, contains: "USAGE: parley <subcommand>"),
    ]

    /// `parley query`, `parley repl` and `parley` argument lists: the usual forms the quick
    /// parse reads, and forms it leaves to ArgumentParser (`=` values, repeats, errors, a text
    /// beginning with `-`, help).
    static let quickArguments: [[String]] = [
        ["query", "--db", "{db}", "ASK { ?s ?p ?o }"],
        ["query", "ASK { ?s ?p ?o }", "--db", "{db}"],
        ["query", "--db", "{db}", "--format", "json", "SELECT * { ?s ?p ?o }"],
        ["query", "--db", "{db}", "--format", "csv", "--time", "--repeat", "3", "SELECT ?s { ?s ?p ?o }"],
        ["query", "--db", "{db}", "--explain", "SELECT * { ?s ?p ?o }"],
        ["query", "--db", "{db}", "--no-union-default-graph", "--base", "http://ex.org/", "SELECT * { ?s <b> ?o }"],
        ["query", "--db", "{db}", "--timeout", "5", "-f", "{file}"],
        ["query", "--db", "{db}", "--file", "{file}", "--format", "xml"],
        ["query", "--db={db}", "ASK {}"],
        ["query", "--db", "{db}", "--db", "{db}", "ASK {}"],
        ["query", "--db", "{db}", "--format", "yaml", "ASK {}"],
        ["query", "--db", "{db}", "--timeout", "0", "ASK {}"],
        ["query", "--db", "{db}", "--timeout", "nan", "ASK {}"],
        ["query", "--db", "{db}", "--timeout", "inf", "ASK {}"],
        ["query", "--db", "{db}", "--timeout", "1e300", "ASK {}"],
        ["query", "--db", "{db}", "--repeat", "0", "ASK {}"],
        ["query", "--db", "{db}", "--repeat", "x", "ASK {}"],
        ["query", "--db", "{db}", "-f", "{file}", "ASK {}"],
        ["query", "--db", "{db}", "ASK {}", "ASK {}"],
        ["query", "--db", "{db}", "--time"],
        ["query", "--db", "{db}", "SELECT * { ?s ?p }"],
        ["query", "--db", "{db}", "--", "-x"],
        ["query", "--db"],
        ["query", "--db", "{db}", "help"],
        ["query", "--db", "{db}", "--help"],
        ["--db", "{db}", "-c", "SELECT ?o { ?s ?p ?o }"],
        ["repl", "--db", "{db}", "-c", ".tables"],
        ["--db", "{db}", "--bail", "-c", "SELECT nonsense"],
        ["--db", "{db}"],
        ["repl", "--db", "{db}"],
        ["repl", "--db", "{db}", "extra"],
        ["--db", "{db}", "-c", ".quit", "-c", ".tables"],
        ["--db={db}", "-c", ".tables"],
        ["--db", "{db}", "--version"],
    ]

    @Test("the quick parse of 'parley query' and of the prompt does what ArgumentParser's does", arguments: quickArguments)
    func quickParseAgrees(_ arguments: [String]) throws {
        let store = try ParleyProcess.loadedStore("<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n")
        let file = store.directory.write("q.rq", "SELECT ?o { ?s ?p ?o }")
        let resolved = arguments.map { $0.replacingOccurrences(of: "{db}", with: store.db).replacingOccurrences(of: "{file}", with: file) }
        // Standard input is a script for the prompt, the query for `query` without a text.
        let input = "SELECT ?s { ?s ?p ?o }\n"
        let quick = try ParleyProcess.run(resolved, input: input)
        let slow = try ParleyProcess.run(resolved, input: input, environment: ["PARLEY_ARGUMENT_PARSER": "1"])
        #expect(quick.status == slow.status)
        #expect(quick.status < 128, "\(quick.stderr)")
        #expect(quick.stdout.replacingOccurrences(of: #"[0-9.]+ ms"#, with: "", options: .regularExpression)
                == slow.stdout.replacingOccurrences(of: #"[0-9.]+ ms"#, with: "", options: .regularExpression))
        #expect(quick.stderr.replacingOccurrences(of: #"[0-9.]+ ms"#, with: "", options: .regularExpression)
                == slow.stderr.replacingOccurrences(of: #"[0-9.]+ ms"#, with: "", options: .regularExpression))
    }

    @Test("subcommands parse the same alone and from the root", arguments: cases)
    func parse(_ c: Case) throws {
        let store = try ParleyProcess.loadedStore("<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n")
        let arguments = c.arguments.map { $0 == "{db}" ? store.db : $0 }
        let result = try ParleyProcess.run(arguments)
        #expect(result.status == c.status, "\(result.stdout)\(result.stderr)")
        let text = c.status == 0 ? result.stdout : result.stderr
        #expect(text.contains(c.contains), "\(text)")
    }
}
