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
