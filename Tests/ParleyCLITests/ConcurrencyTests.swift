import Foundation
import Testing
import ParleyTestSupport

/// Several `parley` processes on one store at once: readers see whole transactions only,
/// writers take turns.
@Suite struct ConcurrencyTests {
    /// A file of `count` distinct triples.
    static func bigFile(_ dir: TemporaryDirectory, name: String, count: Int) -> String {
        var text = ""
        text.reserveCapacity(count * 80)
        for i in 0..<count {
            text += "<http://ex.org/\(name)/s\(i % 5000)> <http://ex.org/p\(i % 13)> \"value \(i)\" .\n"
        }
        return dir.write("\(name).nt", text)
    }

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = ParleyProcess.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("readers during a load see 0 or all of its triples, never an error")
    func readersDuringLoad() throws {
        let dir = TemporaryDirectory()
        let db = dir.child("db")
        let file = Self.bigFile(dir, name: "big", count: 300_000)
        #expect(try ParleyProcess.run(["stats", "--db", db]).status == 0)  // create it first
        let loader = try start(["load", "--db", db, file])
        var seen: Set<String> = []
        var reads = 0
        while loader.isRunning || reads < 3 {
            let stats = try ParleyProcess.run(["stats", "--db", db])
            #expect(stats.status == 0, "\(stats.stderr)")
            if let line = stats.stdout.split(separator: "\n").first(where: { $0.hasPrefix("triples") }) {
                seen.insert(String(line.split(separator: " ")[1]))
            }
            reads += 1
        }
        loader.waitUntilExit()
        #expect(loader.terminationStatus == 0)
        #expect(seen.isSubset(of: ["0", "300,000"]), "\(seen)")
        #expect(seen.contains("300,000"))
    }

    @Test("two loads at once both land, one after the other")
    func concurrentWriters() throws {
        let dir = TemporaryDirectory()
        let db = dir.child("db")
        let first = Self.bigFile(dir, name: "one", count: 100_000)
        let second = Self.bigFile(dir, name: "two", count: 100_000)
        #expect(try ParleyProcess.run(["stats", "--db", db]).status == 0)
        let a = try start(["load", "--db", db, first])
        let b = try start(["load", "--db", db, second])
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0)
        #expect(b.terminationStatus == 0)
        let stats = try ParleyProcess.run(["stats", "--db", db])
        #expect(stats.stdout.contains("triples        200,000"), "\(stats.stdout)")
    }
}
