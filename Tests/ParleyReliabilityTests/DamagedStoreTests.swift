import ParleyStore
import Foundation
import Testing
import ParleyLMDB
import ParleyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// One way a store's files get damaged, what `parley stats` must answer, and what `parley
/// check` must find.
struct Damage: Sendable, CustomTestStringConvertible {
    var name: String
    /// Damages the store at `db` (a fresh copy of the sample store).
    var apply: @Sendable (_ db: String) throws -> Void
    /// The exact stderr of `parley stats`; `{db}` is the store, `{end}` where its data ends.
    var stderr: String
    var status: Int32 = 1
    /// The part `check` must report damaged (`nil`: check must say healthy).
    var part: String?
    /// Run as `nobody` when root (permission cases).
    var unprivileged = false
    var testDescription: String { name }
}

extension Damage {
    static let truncatedMessage = "error: store is damaged: data.mdb is {size} bytes but its data ends at {end} bytes; restore it from a backup\n"

    static func truncate(_ size: Int) -> @Sendable (String) throws -> Void {
        { db in try #require(Glibc.truncate(db + "/data.mdb", off_t(size)) == 0) }
    }

    /// Overwrites `count` pages from `page` with zeros or seeded random bytes.
    static func overwrite(page: Int, count: Int = 1, random: UInt64? = nil) -> @Sendable (String) throws -> Void {
        { db in try overwritePages(db, page: page, count: count, random: random) }
    }

    static func overwritePages(_ db: String, page: Int, count: Int, random: UInt64?) throws {
        let fd = open(db + "/data.mdb", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var generator = SeededGenerator(seed: random ?? 0)
        let bytes = (0..<(count * 4096)).map { _ in random == nil ? UInt8(0) : UInt8.random(in: 0...255, using: &generator) }
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(page * 4096)) }
    }

    /// Random bytes over the root page of one named database.
    static func randomOverRoot(of database: String) -> @Sendable (String) throws -> Void {
        { db in
            let audit = try #require(try PageAudit.run(directory: db))
            let root = try #require(audit.databases[database]?.root, "\(database) has no pages")
            try overwritePages(db, page: root, count: 1, random: UInt64(database.utf8.reduce(7) { $0 &* 31 &+ Int($1) }))
        }
    }

    static let all: [Damage] = [
        Damage(name: "data.mdb cut to 100,000 bytes", apply: truncate(100_000),
               stderr: truncatedMessage.replacingOccurrences(of: "{size}", with: "100,000"), part: "data file"),
        Damage(name: "data.mdb cut just after its header pages", apply: truncate(8192 + 1000),
               stderr: truncatedMessage.replacingOccurrences(of: "{size}", with: "9,192"), part: "data file"),
        Damage(name: "data.mdb cut one byte short", apply: { db in
                   let end = try #require(try DataFileHeader.read(directory: db)).dataEnd
                   try truncate(end - 1)(db)
               }, stderr: "error: store is damaged: data.mdb is {end-1} bytes but its data ends at {end} bytes; restore it from a backup\n", part: "data file"),
        Damage(name: "data.mdb cut inside its first page", apply: truncate(100),
               stderr: "error: store is damaged: data.mdb is 100 bytes, cut short inside its first header page; restore it from a backup\n", part: "data file"),
        Damage(name: "header page 1 zeroed", apply: overwrite(page: 1),
               stderr: "error: store is damaged: header page 1 of data.mdb is overwritten; restore it from a backup\n", part: "data file"),
        Damage(name: "both header pages zeroed", apply: overwrite(page: 0, count: 2),
               stderr: "{db}: error: not a Parley store (data.mdb is not an LMDB file)\n", part: "data file"),
        Damage(name: "index pages zeroed", apply: { db in
                   let audit = try #require(try PageAudit.run(directory: db))
                   try overwritePages(db, page: try #require(audit.databases["spo"]?.root), count: 1, random: nil)
               }, stderr: "error: store {db} is damaged: index 'spo' cannot be read (LMDB cursor get on 'spo' failed: MDB_CORRUPTED: Located page was wrong type); run 'parley check --db {db}'\n", part: "index spo"),
        Damage(name: "lock.mdb missing", apply: { db in unlink(db + "/lock.mdb") }, stderr: "", status: 0),
        Damage(name: "lock.mdb garbage", apply: { db in
                   var generator = SeededGenerator(seed: 11)
                   let bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
                   try Data(bytes).write(to: URL(fileURLWithPath: db + "/lock.mdb"))
               }, stderr: "", status: 0),
        Damage(name: "data.mdb replaced by a directory", apply: { db in
                   unlink(db + "/data.mdb")
                   mkdir(db + "/data.mdb", 0o755)
               }, stderr: "error: store is damaged: data.mdb is a directory, not a file; restore it from a backup\n", part: "data file"),
        Damage(name: "data.mdb a symbolic link loop", apply: { db in
                   unlink(db + "/data.mdb")
                   symlink("data.mdb", db + "/data.mdb")
               }, stderr: "error: store is damaged: data.mdb is a symbolic link that loops; restore it from a backup\n", part: "data file"),
        Damage(name: "store directory without read permission", apply: { db in chmod(db, 0) },
               stderr: "{db}: error: cannot open store: permission denied\n", unprivileged: true),
        // The main tree lists the named databases: a writable open must not take a name it
        // cannot find there as a database to create, since creating one writes into it.
        Damage(name: "random bytes over the main tree's root", apply: { db in
                   let audit = try #require(try PageAudit.run(directory: db))
                   let root = try #require(audit.mainTree.root)
                   // Seed 4 makes the lookup of a named database miss (others make it fail).
                   try overwritePages(db, page: root, count: 1, random: 4)
               }, stderr: "*", part: "page tree"),
    ] + ["id2term", "term2id", "stats", "meta", "prefixes"].map { name in
        Damage(name: "random bytes over '\(name)'", apply: randomOverRoot(of: name), stderr: "*", part: Self.partName(name))
    } + ["spo", "pos", "osp", "spog", "posg", "ospg", "gs"].map { name in
        Damage(name: "random bytes over '\(name)'", apply: randomOverRoot(of: name), stderr: "*", part: "index \(name)")
    }

    static func partName(_ database: String) -> String {
        switch database {
        case "id2term", "term2id": "dictionary"
        case "stats": "statistics"
        case "meta": "format"
        default: database
        }
    }
}

/// Damaged files get a message and exit status 1, never a crash, and `parley check` finds each.
@Suite struct DamagedStoreTests {
    /// A store with default-graph triples, a named graph and a saved prefix, loaded once.
    static let sample: TemporaryDirectory = {
        let dir = TemporaryDirectory("parley-damage-sample")
        chmod(dir.path, 0o755)
        let file = dir.write("data.nt", Reliability.nTriples(3000, tag: "damage"))
        _ = try? ParleyProcess.run(["load", "--db", dir.child("db"), file])
        dir.write("g.ttl", "@prefix ex: <http://ex.org/> .\nex:a ex:p ex:b , \"named\" .\n")
        _ = try? ParleyProcess.run(["load", "--db", dir.child("db"), "--graph", "http://ex.org/g", dir.child("g.ttl")])
        return dir
    }()

    /// A fresh copy of the sample store.
    static func copy() throws -> (TemporaryDirectory, String) {
        let dir = TemporaryDirectory("parley-damage")
        chmod(dir.path, 0o755)
        let db = dir.child("db")
        try Reliability.copyStore(sample.child("db"), to: db)
        return (dir, db)
    }

    @Test("a damaged store gets the exact message, and check finds the damage", arguments: Damage.all)
    func damaged(_ damage: Damage) throws {
        let (dir, db) = try Self.copy()
        let end = try #require(try DataFileHeader.read(directory: db)).dataEnd
        try damage.apply(db)
        defer { chmod(db, 0o755); _ = dir }
        let run: ([String]) throws -> ParleyProcess.Result? = { arguments in
            damage.unprivileged ? try Reliability.runUnprivileged(arguments) : try ParleyProcess.run(arguments)
        }
        guard let stats = try run(["stats", "--db", db]) else {
            report("skipped '\(damage.name)': running as root and setpriv is missing, so permission bits cannot apply")
            return
        }
        let expected = damage.stderr.replacingOccurrences(of: "{db}", with: db)
            .replacingOccurrences(of: "{end-1}", with: grouped(end - 1)).replacingOccurrences(of: "{end}", with: grouped(end))
        #expect(stats.status < 128, "ended by signal \(stats.status - 128)")
        if damage.stderr == "*" {
            // Random bytes: the query may not read the page; when it does, it says so.
            #expect(stats.status == 0 || Self.isDamageMessage(stats.stderr, db: db), "\(stats.status): \(stats.stderr.prefix(400))")
        } else {
            #expect(stats.status == damage.status, "\(stats.stderr.prefix(400))")
            #expect(stats.stderr == expected)
        }
        let export = try run(["export", "--db", db, "--format", "nq"])
        if let export {
            #expect(export.status < 128, "export ended by signal \(export.status - 128)")
            #expect(export.status == 0 || Self.isDamageMessage(export.stderr, db: db) || export.stderr == expected,
                    "\(export.stderr.prefix(400))")
        }
        guard let check = try run(["check", "--db", db]) else { return }
        #expect(check.status < 128)
        if let part = damage.part {
            #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
            #expect(check.stdout.contains("\n\(part) ") && check.stdout.contains("DAMAGED"), "\(check.stdout)\(check.stderr)")
        } else if damage.status == 0 {
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        } else {
            #expect(check.status == 1 && check.stderr == expected, "\(check.stderr)")
        }
    }

    /// Damage LMDB reports itself, or that the trap turns into a message, names the store and
    /// `parley check`.
    static func isDamageMessage(_ stderr: String, db: String) -> Bool {
        stderr.hasPrefix("error: store \(db) is damaged: ") && stderr.hasSuffix("run 'parley check --db \(db)'\n")
    }

    @Test("check --repair rebuilds damaged indexes and statistics, and the facts are all there again",
          arguments: ["spo", "osp", "posg", "gs", "term2id", "stats"])
    func repair(_ database: String) throws {
        let (dir, db) = try Self.copy()
        _ = dir
        let before = try Reliability.export(db)
        try Damage.randomOverRoot(of: database)(db)
        let repair = try ParleyProcess.run(["check", "--repair", "--db", db])
        #expect(repair.status == 0, "\(repair.stdout)\(repair.stderr)")
        #expect(repair.stdout.contains("after repair   healthy\n"), "\(repair.stdout)")
        #expect(try ParleyProcess.run(["check", "--db", db]).status == 0)
        let after = try Reliability.export(db)
        #expect(after.status == 0 && after.lines == before.lines, "\(after.stderr)")
    }

    @Test("a logically damaged index (a quad deleted from one permutation) is found and rebuilt in place")
    func logicalRepair() throws {
        let (dir, db) = try Self.copy()
        _ = dir
        let clean = try ParleyProcess.run(["check", "--db", db])
        #expect(clean.status == 0 && clean.stdout.hasSuffix("result         healthy\n"), "\(clean.stdout)")
        // Remove one default-graph triple from 'pos' only, through LMDB itself.
        do {
            let env = try Environment(path: db)
            let pos = try env.openDatabase("pos", flags: [.duplicateSort, .duplicateFixed], create: false)
            try env.write { txn in
                try txn.withCursor(pos) { cursor in
                    _ = try cursor.move(.first)
                    try cursor.delete()
                }
            }
        }
        let check = try ParleyProcess.run(["check", "--db", db])
        #expect(check.status == 1)
        #expect(check.stdout.contains("index pos      DAMAGED: 1 quad missing (first: ids "), "\(check.stdout)")
        let repair = try ParleyProcess.run(["check", "--repair", "--db", db])
        #expect(repair.stdout.contains("repair         rebuilt index pos, statistics in one transaction\n"), "\(repair.stdout)")
        #expect(repair.status == 0)
    }

    /// `PARLEY_DAMAGE_COPIES` copies (default 6, the CI size) with random damage each: random
    /// pages overwritten with random bytes or zeros, or the file cut at a random length.
    @Test("randomly damaged copies never crash any command")
    func randomDamage() throws {
        let copies = Int(ProcessInfo.processInfo.environment["PARLEY_DAMAGE_COPIES"] ?? "") ?? 6 * Reliability.scale
        let seed = UInt64(ProcessInfo.processInfo.environment["PARLEY_DAMAGE_SEED"] ?? "") ?? UInt64(time(nil))
        var generator = SeededGenerator(seed: seed)
        var outcomes: [String: Int] = [:]
        for n in 0..<copies {
            let (dir, db) = try Self.copy()
            _ = dir
            let end = try #require(try DataFileHeader.read(directory: db)).dataEnd
            let pages = end / 4096
            let what: String
            if n % 4 == 3 {
                let size = Int.random(in: 0..<end, using: &generator)
                try Damage.truncate(size)(db)
                what = "cut at \(size)"
            } else {
                let page = Int.random(in: 2..<pages, using: &generator)
                let count = Int.random(in: 1...3, using: &generator)
                try Damage.overwritePages(db, page: page, count: min(count, pages - page),
                                          random: n % 2 == 0 ? generator.next() : nil)
                what = "pages \(page)+\(count) \(n % 2 == 0 ? "random" : "zeroed")"
            }
            for command in [["stats"], ["export", "--format", "nq"], ["query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"], ["check"]] {
                let result = try ParleyProcess.run(command + ["--db", db])
                #expect(result.status < 128, "seed \(seed), copy \(n), \(what): \(command[0]) ended by signal \(result.status - 128): \(result.stderr.prefix(300))")
                #expect(result.status <= 1, "seed \(seed), copy \(n), \(what): \(command[0]) exited \(result.status): \(result.stderr.prefix(300))")
                outcomes["\(command[0]) \(result.status)", default: 0] += 1
            }
        }
        report("random damage: \(copies) copies, outcomes \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))")
    }
}
