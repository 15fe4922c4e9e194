import Foundation
import Synchronization
import Testing
import ParleyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// One write command to interrupt: the store it starts from and the command line.
///
/// Adding a writer (`parley ingest`, a REPL script) is one more entry in ``all``.
struct InterruptedWrite: Sendable, CustomTestStringConvertible {
    var name: String
    /// The store's contents before the write (N-Triples), given the scale.
    var base: @Sendable (Int) -> String
    /// Input files the write reads: name and text, given the scale.
    var files: @Sendable (Int) -> [(name: String, text: String)] = { _ in [] }
    /// The command after `parley`, with `{db}` and `{dir}` (the folder of `files`) replaced.
    var arguments: [String]
    /// A file of `files` fed on standard input.
    var stdin: String?
    var environment: [String: String] = [:]
    /// Kills at scale 1.
    var kills: Int

    var testDescription: String { name }

    /// The load cases' store before, files and command: the same two files, loaded with and
    /// without spilling.
    static let loadBase: @Sendable (Int) -> String = { _ in Reliability.nTriples(2_000, tag: "base") }
    static let loadFiles: @Sendable (Int) -> [(name: String, text: String)] = { scale in [
        ("big.nt", Reliability.nTriples(40_000 * scale, tag: "big")),
        ("extra.ttl", "@prefix ex: <http://ex.org/> .\n"
            + (0..<5_000).map { "ex:t\($0) ex:list (1 2 \"x\") ; ex:knows [ ex:name \"n\($0)\" ] .\n" }.joined()),
    ] }
    static let loadArguments = ["load", "--db", "{db}", "{dir}/big.nt", "{dir}/extra.ttl"]

    static let all: [InterruptedWrite] = [
        InterruptedWrite(
            name: "load of an N-Triples and a Turtle file",
            base: loadBase, files: loadFiles, arguments: loadArguments,
            kills: 20),
        InterruptedWrite(
            name: "load that spills sorted runs and term batches beside the store",
            base: loadBase, files: loadFiles, arguments: loadArguments,
            environment: ["PARLEY_LOAD_BATCH": "64K"],
            kills: 20),
        InterruptedWrite(
            name: "load from standard input that grows a 1 MiB map",
            base: { _ in Reliability.nTriples(500, tag: "base") },
            files: { scale in [("big.nt", Reliability.nTriples(40_000 * scale, tag: "big"))] },
            arguments: ["load", "--db", "{db}", "--format", "nt", "-"],
            stdin: "big.nt",
            environment: ["PARLEY_MAP_SIZE": "1M"],
            kills: 10),
        InterruptedWrite(
            name: "update of two operations (DELETE WHERE; DELETE/INSERT WHERE)",
            base: { scale in Reliability.nTriples(40_000 * scale, tag: "base") },
            arguments: ["update", "--db", "{db}", """
                DELETE WHERE { ?s <http://ex.org/base/p1> ?o } ;
                DELETE { ?s <http://ex.org/base/p2> ?o } INSERT { ?o <http://ex.org/inverse> ?s ; <http://ex.org/seen> true }
                WHERE { ?s <http://ex.org/base/p2> ?o }
                """],
            kills: 20),
        InterruptedWrite(
            name: "update that grows a 1 MiB map",
            base: { scale in Reliability.nTriples(10_000 * scale, tag: "base") },
            arguments: ["update", "--db", "{db}", "INSERT { ?s <http://ex.org/copy> ?o } WHERE { ?s ?p ?o }"],
            environment: ["PARLEY_MAP_SIZE": "1M"],
            kills: 10),
        InterruptedWrite(
            name: "ingest of a readout replacing its graph",
            base: { _ in Reliability.nTriples(2_000, tag: "base") },
            files: { scale in [("readout.txt", Reliability.readout(paragraphs: 60 * scale))] },
            arguments: ["ingest", "--db", "{db}", "{dir}/readout.txt"],
            kills: 20),
    ]
}

/// SIGKILL during a write, at random moments: afterwards the store opens, answers queries,
/// takes a new write, and holds exactly the facts of before or after the write.
@Suite(.serialized) struct CrashSafetyTests {
    static let survived = Atomic<Int>(0)

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The same facts. Turtle's anonymous blank nodes (`[]`, collections) get a random label
    /// per parse, so a load that ran again labels them differently: where the lines differ,
    /// they are compared with blank node labels erased (the trees here are all alike in shape,
    /// so that still counts every fact).
    static func same(_ a: [Substring], _ b: [Substring]) -> Bool {
        if a == b { return true }
        guard a.count == b.count else { return false }
        func erased(_ lines: [Substring]) -> [String] {
            lines.map { String($0.replacing(/_:[A-Za-z0-9_]+/, with: "_:")) }.sorted()
        }
        return erased(a) == erased(b)
    }

    @Test("a SIGKILL at any moment leaves the state before or after the write", arguments: InterruptedWrite.all)
    func killedWrite(_ write: InterruptedWrite) throws {
        let dir = TemporaryDirectory("parley-crash")
        let base = dir.child("base")
        let baseFile = dir.write("base.nt", write.base(Reliability.scale))
        for (name, text) in write.files(Reliability.scale) { dir.write(name, text) }
        let setup = try ParleyProcess.run(["load", "--db", base, baseFile])
        try #require(setup.status == 0, "\(setup.stderr)")
        let before = try Reliability.export(base)
        try #require(before.status == 0)

        func arguments(db: String) -> [String] {
            write.arguments.map {
                $0.replacingOccurrences(of: "{db}", with: db).replacingOccurrences(of: "{dir}", with: dir.path)
            }
        }
        func start(db: String) throws -> Child {
            try Reliability.start(arguments(db: db), environment: write.environment, stdin: write.stdin.map(dir.child))
        }

        // The write run to completion gives the state after, and how long it takes.
        let complete = dir.child("complete")
        try Reliability.copyStore(base, to: complete)
        let clock = ContinuousClock()
        let started = clock.now
        let finished = try start(db: complete)
        _ = finished.terminationStatus
        let duration = clock.now - started
        try #require(finished.terminationStatus == 0, "the write fails even without a kill")
        let after = try Reliability.export(complete)
        try #require(after.lines != before.lines, "the write changes nothing")

        // A process that only opens the store: kills before then hit no transaction.
        let opened = clock.now
        _ = try ParleyProcess.run(["stats", "--db", complete])
        let startup = Self.seconds(clock.now - opened)
        let seconds = max(Self.seconds(duration), startup * 1.2)
        var generator = SystemRandomNumberGenerator()
        var landed = (before: 0, after: 0)
        var commit = seconds
        let victim = dir.child("victim")
        for kill in 0..<(write.kills * Reliability.scale) {
            try Reliability.copyStore(base, to: victim)
            // Half the kills anywhere while the store is open; half around the commit, whose
            // moment is estimated by bisection: later after a kill that landed before it,
            // earlier after one that landed after it.
            let nearCommit = kill % 2 == 1
            let delay = nearCommit
                ? Double.random(in: (commit * 0.95)...(commit * 1.05), using: &generator)
                : Double.random(in: (startup * 0.8)...seconds, using: &generator)
            let process = try start(db: victim)
            usleep(UInt32(delay * 1_000_000))
            process.signal(SIGKILL)
            _ = process.terminationStatus

            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: victim))?.filter { $0.hasPrefix(".parley-load") } ?? []
            #expect(leftovers.isEmpty, "kill \(kill): a load's temporary files outlive it")
            let state = try Reliability.export(victim)
            try #require(state.status == 0, "kill \(kill) after \(delay) s: the store does not open: \(state.stderr)")
            if Self.same(state.lines, before.lines) {
                landed.before += 1
                if nearCommit { commit *= 1.08 }
            } else if Self.same(state.lines, after.lines) {
                landed.after += 1
                if nearCommit { commit *= 0.95 }
            } else {
                Issue.record("kill \(kill) after \(delay) s: \(state.lines.count) facts, neither the \(before.lines.count) before nor the \(after.lines.count) after")
                return
            }
            // It answers a query with the same count ...
            let count = try ParleyProcess.run(["query", "--db", victim, "--format", "csv", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"])
            #expect(count.status == 0, "\(count.stderr)")
            #expect(count.stdout.split(whereSeparator: \.isNewline).last.map(String.init)?.trimmingCharacters(in: .whitespacesAndNewlines) == "\(state.lines.count)")
            // ... and takes a new write: the dead writer's lock and reader slot are recovered.
            let next = try Reliability.start(["update", "--db", victim, "INSERT DATA { <urn:after> <urn:crash> \(kill) }"])
            #expect(next.wait(atMost: 60), "a write after the kill hangs")
            #expect(next.terminationStatus == 0)
            _ = Self.survived.add(1, ordering: .relaxed)
        }
        report("\(write.name): \(landed.before + landed.after) kills survived (\(landed.before) before, \(landed.after) after the commit; write takes \(String(format: "%.2f", seconds)) s)")
        report("kills survived so far: \(Self.survived.load(ordering: .relaxed))")
    }
}
