import Foundation
import Testing
import ParleyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `parley backup` takes a consistent copy while a writer goes on.
@Suite struct BackupTests {
    @Test("a backup refuses a non-empty destination and the copy opens and passes check")
    func basics() throws {
        let dir = TemporaryDirectory("parley-backup")
        let file = dir.write("a.nt", Reliability.nTriples(500, tag: "b"))
        let db = dir.child("db")
        #expect(try ParleyProcess.run(["load", "--db", db, file]).status == 0)
        mkdir(dir.child("full"), 0o755)
        dir.write("full/x", "x")
        let refused = try ParleyProcess.run(["backup", "--db", db, dir.child("full")])
        #expect(refused.status == 1)
        #expect(refused.stderr == "\(dir.child("full")): error: cannot write the backup here: it is not empty; a backup never overwrites\n")
        for compact in [false, true] {
            let copy = dir.child(compact ? "compact" : "plain")
            let backup = try ParleyProcess.run(["backup", "--db", db, copy] + (compact ? ["--compact"] : []))
            #expect(backup.status == 0, "\(backup.stderr)")
            #expect(backup.stderr.hasPrefix("backed up \(db) to \(copy) ("), "\(backup.stderr)")
            #expect(try ParleyProcess.run(["check", "--db", copy]).status == 0)
            #expect(try Reliability.export(copy).lines == Reliability.export(db).lines)
        }
    }

    /// Backups taken again and again while a load and then an update run: each one holds
    /// exactly the facts of before or of after the write.
    @Test("backups during a load and during an update hold the state before or after, fact by fact",
          arguments: ["load", "update"])
    func duringWrite(_ writer: String) throws {
        let dir = TemporaryDirectory("parley-backup-live")
        let db = dir.child("db")
        let seed = dir.write("seed.nt", Reliability.nTriples(2000, tag: "seed"))
        #expect(try ParleyProcess.run(["load", "--db", db, seed]).status == 0)
        let before = try Reliability.export(db).lines
        let big = dir.write("big.nt", Reliability.nTriples(150_000 * Reliability.scale, tag: "live"))
        let arguments = writer == "load"
            ? ["load", "--db", db, big]
            : ["update", "--db", db, "INSERT { ?s <http://ex.org/copy> ?o } WHERE { ?s ?p ?o }"]
        if writer == "update" {
            #expect(try ParleyProcess.run(["load", "--db", db, big]).status == 0)
        }
        let start = writer == "update" ? try Reliability.export(db).lines : before
        let child = try Reliability.start(arguments)
        var copies: [String] = []
        var compact = false
        while child.isRunning || copies.count < 2 {
            let copy = dir.child("copy\(copies.count)")
            let backup = try ParleyProcess.run(["backup", "--db", db, copy] + (compact ? ["--compact"] : []))
            #expect(backup.status == 0, "\(backup.stderr)")
            copies.append(copy)
            compact.toggle()
        }
        #expect(child.terminationStatus == 0)
        let after = try Reliability.export(db).lines
        #expect(after != start)
        var states = (before: 0, after: 0)
        for copy in copies {
            #expect(try ParleyProcess.run(["check", "--db", copy]).status == 0)
            let lines = try Reliability.export(copy).lines
            if lines == start { states.before += 1 } else if lines == after { states.after += 1 } else {
                Issue.record("\(copy) holds \(lines.count) facts: neither the \(start.count) before nor the \(after.count) after")
            }
        }
        report("backup during \(writer): \(copies.count) copies, \(states.before) before, \(states.after) after")
    }
}
